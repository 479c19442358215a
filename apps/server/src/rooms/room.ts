import type { Problem } from '@procmap/model';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Access } from '../auth/tokens';
import type { Logger } from '../log';
import { CLOSE, type CloseCode } from '../protocol/close-codes';
import { savedMessage, syncStep1, syncStep2, syncUpdate } from '../protocol/messages';
import type { StorageAdapter } from '../storage/adapter';
import {
  gapBefore,
  HeldUpdates,
  HELD_FOR_MS,
  isDue,
  MAX_HELD_PER_CONNECTION,
  waitingFor,
} from './held-updates';
import { removeTooDeepFields } from './load-repair';
import { PendingBudget } from './pending-budget';
import { PersistQueue } from './persist-queue';
import { DEFAULT_PRESENCE, type PresenceOptions, RoomPresence } from './presence';
import {
  applyAndSeeChange,
  clearWaiting,
  closeReason,
  encodeApplied,
  pendingBytes,
} from './scratch-apply';
import { type DocumentShape, shapeOf, shapeProblems, touchedProblems } from './update-rules';

/** One client connection as a room sees it. */
export interface RoomConnection {
  readonly id: number;
  readonly access: Access;
  /** Asked for durable acknowledgements (message type 100). */
  wantsSaved: boolean;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

export interface RoomOptions {
  readonly storage: StorageAdapter;
  readonly log: Logger;
  readonly compactAfter: number;
  /**
   * Largest the map may grow, in bytes of its stored state (an estimate: the state at load or
   * the last compaction plus every update since). Past it, updates that add content are
   * refused (4413): a map no client can load in one message, nor export and import again.
   */
  readonly maxDocumentBytes: number;
  /**
   * Most bytes of updates that may wait in the room for changes never sent to it (held until
   * the gap is filled, perhaps forever). Past it the sender is closed.
   */
  readonly maxPendingBytes: number;
  /** The server's budget for waiting updates, shared by its rooms (default: the room's own). */
  readonly pendingBudget?: PendingBudget;
  /** Presence limits (default DEFAULT_PRESENCE). */
  readonly presence?: PresenceOptions;
  /** Called when the room has no connections and nothing left to save. */
  readonly onIdle: (room: Room) => void;
}

type Status = 'loading' | 'ready' | 'failed' | 'closed';

/** How often, at most, a busy room rewrites its updated time. */
const TOUCH_EVERY_MS = 5000;

/** The origin of an update the caller already stored: relayed, not written again. */
const STORED = Symbol('already stored');
/** The origin of the repairs made at load. */
const REPAIR = Symbol('repaired at load');

/** What trying an update on the scratch copy found; the copy is unchanged unless 'ok'. */
type Trial =
  | { readonly kind: 'ok'; readonly changed: boolean }
  | { readonly kind: 'waits'; readonly missing: ReadonlyMap<number, number> }
  | { readonly kind: 'broken'; readonly problems: readonly Problem[] }
  | { readonly kind: 'throws'; readonly error: unknown };

/**
 * One open map: its document, the people connected to it, their presence. The pipeline for a
 * client's update is validate (on a scratch copy) → apply → persist (group commit) →
 * broadcast, and "saved" is sent once the write is on disk. Nothing is answered before the
 * stored map has finished loading, and a map that failed to load is never written.
 */
export class Room {
  readonly doc = new Y.Doc();
  /**
   * A copy of `doc` that takes every client update first, so a bad one never touches `doc`.
   * Neither ever keeps an update that waits for a missing one: those are `held`.
   */
  private shadow = new Y.Doc();
  private readonly presence: RoomPresence;
  private readonly connections = new Set<RoomConnection>();
  private readonly held = new HeldUpdates();
  private readonly budget: PendingBudget;
  /** Top-level types, format and version as loaded: no client may change them. */
  private shape: DocumentShape = shapeOf(this.doc);
  /** Stored updates could not all be applied at load: keep the stored log as it is. */
  private damaged = false;
  private status: Status = 'loading';
  private readonly persist: PersistQueue;
  private savedStateVector: Uint8Array = Y.encodeStateVector(new Y.Doc());
  private lastSeq = 0;
  private compactedSeq = 0;
  private compacting: Promise<void> | undefined;
  private title: string | undefined;
  private lastTouch = 0;
  /** Bytes of the stored state: as loaded or last compacted, plus every update since. */
  private storedBytes = 0;
  private relayQueue: { update: Uint8Array; origin: unknown }[] = [];
  private relayScheduled = false;
  /** Settles when the stored map is loaded (rejects if it cannot be). */
  readonly ready: Promise<void>;

  constructor(
    readonly id: string,
    private readonly options: RoomOptions,
  ) {
    this.budget = options.pendingBudget ?? new PendingBudget(options.maxPendingBytes);
    this.presence = new RoomPresence(
      this.doc,
      id,
      options.log,
      (message, except) => {
        for (const conn of this.connections) if (conn !== except) conn.send(message);
      },
      options.presence ?? DEFAULT_PRESENCE,
    );
    this.persist = new PersistQueue(
      options.storage,
      id,
      {
        saved: (sv, seq) => this.onSaved(sv, seq),
        failed: (error) => options.log.error('save-failed', { map: id, error: String(error) }),
      },
      () => Y.encodeStateVector(this.doc),
    );
    this.ready = this.load();
    this.ready.catch(() => undefined); // observed by whoever awaits it
  }

  /** Connections currently in the room. */
  get size(): number {
    return this.connections.size;
  }

  get isReady(): boolean {
    return this.status === 'ready';
  }

  /** The room's presence (Yjs awareness). */
  get awareness(): Awareness {
    return this.presence.awareness;
  }

  /** Bytes of updates held waiting for changes never sent. */
  get heldBytes(): number {
    return this.held.bytes;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const state = await this.options.storage.loadState(this.id);
      if (!state) throw new Error('no such map');
      // Whatever part of the log cannot be applied is skipped, said, and kept as it is stored.
      const skipped: string[] = [];
      state.updates.forEach((update, i) => {
        try {
          Y.applyUpdate(this.doc, update);
          if (skipped.length === 0) Y.applyUpdate(this.shadow, update);
        } catch (error) {
          skipped.push(`${i + 1} of ${state.updates.length}: ${String(error)}`);
        }
        this.storedBytes += update.length;
      });
      if (skipped.length > 0) {
        this.damaged = true;
        this.options.log.error('load-skipped', {
          map: this.id,
          updates: skipped.length,
          first: skipped[0],
          note: 'the rest of the map is served; its stored log is kept as it is, uncompacted',
        });
      }
      const waiting = pendingBytes(this.doc);
      if (waiting > 0) {
        // Stored before updates that wait were held outside the document: never placeable.
        clearWaiting(this.doc);
        clearWaiting(this.shadow);
        this.options.log.warn('load-dropped-waiting', { map: this.id, bytes: waiting });
      }
      // The copy took every update as the document did; after a skipped one it is made anew.
      if (skipped.length > 0) this.rebuildShadow();
      this.shape = shapeOf(this.doc);
      this.lastSeq = state.lastSeq;
      this.compactedSeq = state.updates.length <= 1 ? state.lastSeq : 0;
      this.savedStateVector = Y.encodeStateVector(this.doc);
      this.title = this.currentTitle();
    } catch (error) {
      this.status = 'failed';
      this.options.log.error('load-failed', { map: this.id, error: String(error) });
      throw error;
    }
    if (this.status !== 'loading') throw new Error('room closed while loading');
    this.status = 'ready';
    this.doc.on('update', this.onDocUpdate);
    let removed: string[] = [];
    try {
      removed = removeTooDeepFields(this.doc, REPAIR);
    } catch (error) {
      // Too deep even to remove: served as it is, its stored log kept for recovery.
      this.damaged = true;
      this.options.log.error('load-repair-failed', { map: this.id, error: String(error) });
    }
    if (removed.length > 0) {
      this.options.log.warn('load-repaired', {
        map: this.id,
        removed: removed.slice(0, 5).join(', '),
        count: removed.length,
        reason: 'nested too deep to be written out',
      });
    }
    this.options.log.debug('loaded', { map: this.id, ms: Math.round(performance.now() - started) });
  }

  private currentTitle(): string | undefined {
    const title = this.doc.getMap('meta').get('title');
    return typeof title === 'string' ? title : undefined;
  }

  /** Adds a connection to a loaded room and starts its sync. */
  join(conn: RoomConnection): void {
    if (this.status !== 'ready') {
      conn.close(CLOSE.unavailable, 'map not available');
      return;
    }
    this.connections.add(conn);
    conn.send(syncStep1(Y.encodeStateVector(this.doc)));
    for (const message of this.presence.messages()) conn.send(message);
  }

  /** Removes a connection and its presence; an empty room may then be unloaded. */
  leave(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return;
    this.budget.release(this.held.drop(conn));
    this.presence.leave(conn);
    if (this.connections.size === 0) this.checkIdle();
  }

  /** Answers a client's sync step 1 with what it lacks. */
  answerStep1(conn: RoomConnection, stateVector: Uint8Array): void {
    conn.send(syncStep2(encodeApplied(this.doc, stateVector)));
  }

  /**
   * A document update from a client: refused on a view connection; tried on the scratch copy
   * first, and applied only if it applies and keeps the map valid. One that waits for changes
   * never sent is held outside the room until they come (see held-updates.ts).
   */
  receiveUpdate(conn: RoomConnection, update: Uint8Array): void {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      // Decoding it completely first stops most garbage before it touches the scratch copy,
      // which then needs no rebuilding: O(update), not O(document), per bad message.
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      this.refuse(conn, { kind: 'throws', error });
      return;
    }
    if (conn.access !== 'edit' && this.viewerWrites(decoded, update)) {
      this.refuseViewer(conn);
      return;
    }
    if (
      decoded.structs.length > 0 &&
      this.storedBytes + update.length > this.options.maxDocumentBytes
    ) {
      // Deletions still go through: they are how a map that is too large gets smaller.
      this.options.log.warn('update-refused', {
        map: this.id,
        conn: conn.id,
        reason: 'map-too-large',
        bytes: this.storedBytes + update.length,
      });
      conn.close(CLOSE.tooLarge, 'the map is too large to grow any further');
      return;
    }
    if (this.held.size > 0) this.expireHeld();
    // The common wait — the sender's own earlier changes not here yet (an edit overtaking its
    // sync step 2) — is seen from the update's own clocks, and held without trying it.
    const gap = conn.access === 'edit' ? gapBefore(this.doc, update) : undefined;
    if (gap) {
      this.hold(conn, update, gap, false);
      return;
    }
    const trial = this.trial(update);
    if (trial.kind === 'waits') {
      if (conn.access !== 'edit') this.refuseViewer(conn);
      else this.hold(conn, update, trial.missing, true);
      return;
    }
    if (trial.kind !== 'ok') {
      this.refuse(conn, trial);
      return;
    }
    if (conn.access !== 'edit') {
      // Only deletions of what is already deleted can get here; if it did change something
      // after all, undo it on the copy and refuse.
      if (!trial.changed) return;
      this.rebuildShadow();
      this.refuseViewer(conn);
      return;
    }
    if (trial.changed) Y.applyUpdate(this.doc, update, conn);
    if (this.held.size > 0) this.retryHeld();
  }

  /**
   * Applies an update to the scratch copy and checks the map it makes: the records it touched
   * against the map's rules, and the document's shape. Whatever the outcome but 'ok', the copy
   * is left as it was.
   */
  private trial(update: Uint8Array): Trial {
    let applied: ReturnType<typeof applyAndSeeChange>;
    let problems: Problem[];
    let waits: boolean;
    try {
      applied = applyAndSeeChange(this.shadow, update);
      waits = pendingBytes(this.shadow) > 0;
      problems = shapeProblems(this.shadow, this.shape, applied.touched?.header ?? false);
      if (applied.touched) problems.push(...touchedProblems(this.shadow, applied.touched, waits));
    } catch (error) {
      this.rebuildShadow();
      return { kind: 'throws', error };
    }
    if (problems.length > 0) {
      this.rebuildShadow();
      return { kind: 'broken', problems };
    }
    if (waits) {
      // What it placed goes too: it is checked again, whole, once the rest can be placed.
      const missing = waitingFor(this.shadow);
      if (applied.integrated) this.rebuildShadow();
      else clearWaiting(this.shadow);
      return { kind: 'waits', missing };
    }
    return { kind: 'ok', changed: applied.changed };
  }

  /**
   * Holds an update that waits, within the room's and the server's budgets. `tried`: it was
   * tried on the scratch copy (which costs a rebuild when part of it could be placed), so a
   * connection may have only so many such at once.
   */
  private hold(
    conn: RoomConnection,
    update: Uint8Array,
    missing: ReadonlyMap<number, number>,
    tried: boolean,
  ): void {
    let reason: string | undefined;
    if (tried && this.held.triedFor(conn) >= MAX_HELD_PER_CONNECTION) reason = 'too-many-waiting';
    else if (this.held.bytes + update.length > this.options.maxPendingBytes)
      reason = 'too-much-pending';
    if (reason) {
      this.options.log.warn('update-refused', { map: this.id, conn: conn.id, reason });
      conn.close(CLOSE.malformed, 'update depends on changes that were never sent');
      return;
    }
    if (!this.budget.reserve(update.length)) {
      this.options.log.warn('update-refused', {
        map: this.id,
        conn: conn.id,
        reason: 'server-pending-budget',
        bytes: this.budget.bytes,
      });
      conn.close(CLOSE.busy, 'the server holds too many waiting updates: try again later');
      return;
    }
    this.held.hold({ conn, update, missing, tried, since: Date.now() });
  }

  /**
   * Tries again the held updates whose wait may be over — those missing changes the room now
   * has (Yjs's own rule for retrying what waits). One that still waits stays held; one that
   * breaks the map is refused and its sender closed — not whoever filled the gap.
   */
  private retryHeld(): void {
    for (let progress = true; progress && this.held.size > 0; ) {
      progress = false;
      for (const held of this.held.take((h) => isDue(this.doc, h))) {
        const trial = this.trial(held.update);
        if (trial.kind === 'waits') {
          this.held.hold({ ...held, missing: trial.missing });
          continue;
        }
        this.budget.release(held.update.length);
        if (trial.kind !== 'ok') {
          this.refuse(held.conn, trial, 'waited');
          continue;
        }
        if (trial.changed) Y.applyUpdate(this.doc, held.update, held.conn);
        progress = true;
      }
    }
  }

  /**
   * Drops updates held longer than HELD_FOR_MS, closing their senders with "try again" (4507):
   * a stock client that reconnects sends all it has again, in one sync step 2.
   */
  private expireHeld(): void {
    const now = Date.now();
    for (const held of this.held.take((h) => now - h.since > HELD_FOR_MS)) {
      this.budget.release(held.update.length);
      this.options.log.warn('update-refused', {
        map: this.id,
        conn: held.conn.id,
        reason: 'waited-too-long',
      });
      held.conn.close(CLOSE.busy, 'an update waited too long for changes never sent');
    }
  }

  /**
   * Closes a connection whose update does not apply or breaks the map (4400), and logs why. An
   * update refused after it waited ("waited") is named in the close reason as an earlier one:
   * the connection may have sent others since.
   */
  private refuse(conn: RoomConnection, trial: Trial, note?: string): void {
    if (trial.kind === 'broken') {
      // Valid Yjs, but the map it makes is not a valid map: refused, the room untouched.
      this.options.log.warn('update-refused', {
        map: this.id,
        conn: conn.id,
        reason: 'breaks-map-rules',
        ...(note ? { note } : {}),
        problems: trial.problems
          .slice(0, 5)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      });
      conn.close(CLOSE.malformed, closeReason(trial.problems[0]!, note ? 'an earlier' : 'update'));
      return;
    }
    const error = trial.kind === 'throws' ? String(trial.error) : trial.kind;
    this.options.log.warn('update-rejected', {
      map: this.id,
      conn: conn.id,
      ...(note ? { note } : {}),
      error,
    });
    conn.close(
      CLOSE.malformed,
      note ? 'an earlier update does not apply' : 'update does not apply',
    );
  }

  private refuseViewer(conn: RoomConnection): void {
    this.options.log.warn('update-refused', { map: this.id, conn: conn.id, reason: 'view-only' });
    conn.close(CLOSE.readOnly, 'this link is view-only');
  }

  /**
   * Whether an update from a view link would add content: every stock client answers our sync
   * step 1 with its own state, which from a viewer holds nothing the room lacks. Checked
   * without applying anything, so a viewer sending edits costs O(update), not a rebuild.
   */
  private viewerWrites(decoded: ReturnType<typeof Y.decodeUpdate>, update: Uint8Array): boolean {
    if (decoded.structs.length === 0) return false;
    const missing = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(this.doc)));
    return missing.structs.length > 0;
  }

  private rebuildShadow(): void {
    this.shadow.destroy();
    this.shadow = copyOf(this.doc);
  }

  /** Every change of the room's document, whoever made it: persist, then relay. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const fromClient = this.connections.has(origin as RoomConnection);
    if (!fromClient) {
      // A server-side edit (a file put over the API, a repair): keep the copy equal, and take
      // its format and version as the map's from now on.
      Y.applyUpdate(this.shadow, update);
      this.shape = shapeOf(this.doc);
    }
    this.storedBytes += update.length;
    // Relay (this turn of the event loop), then save; "saved" follows when the write lands.
    this.relayQueue.push({ update, origin });
    if (!this.relayScheduled) {
      this.relayScheduled = true;
      setImmediate(this.relay);
    }
    if (origin !== STORED) this.persist.push(update);
  };

  /**
   * Sends what changed in the last turn of the event loop. Several updates go as one merged
   * update, so in a burst every client receives and applies one message instead of dozens. A
   * sender gets its own edits back only inside a merge with others' (harmless in Yjs).
   */
  private readonly relay = () => {
    this.relayScheduled = false;
    const batch = this.relayQueue;
    this.relayQueue = [];
    if (batch.length === 0 || this.status === 'closed') return;
    const origins = new Set(batch.map((b) => b.origin));
    const only = origins.size === 1 ? batch[0]?.origin : undefined;
    let message: Uint8Array;
    try {
      const update =
        batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
      message = syncUpdate(update);
    } catch (error) {
      // Never the end of the process: send them one by one instead.
      this.options.log.error('relay-merge-failed', { map: this.id, error: String(error) });
      for (const b of batch) {
        const one = syncUpdate(b.update);
        for (const conn of this.connections) if (conn !== b.origin) conn.send(one);
      }
      return;
    }
    for (const conn of this.connections) if (conn !== only) conn.send(message);
  };

  private onSaved(stateVector: Uint8Array, lastSeq: number): void {
    this.savedStateVector = stateVector;
    this.lastSeq = lastSeq;
    const message = savedMessage(stateVector);
    for (const conn of this.connections) if (conn.wantsSaved) conn.send(message);
    this.touch(false);
    if (this.lastSeq - this.compactedSeq >= this.options.compactAfter) void this.compact();
    if (this.connections.size === 0) this.checkIdle();
  }

  /**
   * Keeps the maps table's title and updated time current: at once when the title changed,
   * otherwise at most every few seconds (each write is an fsync; the log holds the truth).
   */
  private touch(force: boolean): void {
    const title = this.currentTitle();
    const titleChanged = title !== this.title;
    const now = Date.now();
    if (!force && !titleChanged && now - this.lastTouch < TOUCH_EVERY_MS) return;
    this.title = title;
    this.lastTouch = now;
    this.options.storage
      .touchMap(this.id, {
        ...(titleChanged && title !== undefined ? { title } : {}),
        updatedAt: new Date(now).toISOString(),
      })
      .catch((error) =>
        this.options.log.warn('touch-failed', { map: this.id, error: String(error) }),
      );
  }

  /** Sends the durable state vector to a connection that asked for acknowledgements. */
  sendSaved(conn: RoomConnection): void {
    conn.wantsSaved = true;
    conn.send(savedMessage(this.savedStateVector));
  }

  /**
   * Presence from a connection (see presence.ts). Throws a PresenceError for presence over the
   * limits; the caller closes the connection.
   */
  receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    this.presence.receive(conn, update);
  }

  /** Sends everyone's presence to one connection (query-awareness). */
  sendAwareness(conn: RoomConnection): void {
    for (const message of this.presence.messages()) conn.send(message);
  }

  /**
   * Applies an update the caller has already appended to storage (as `seq`), so a server-side
   * replacement is live only once it is on disk: relayed to everyone, not written again.
   */
  applyStored(update: Uint8Array, seq: number): void {
    if (this.status !== 'ready') throw new Error('map not loaded');
    Y.applyUpdate(this.doc, update, STORED);
    if (seq > this.lastSeq) this.lastSeq = seq;
    if (this.persist.pending === 0) this.onSaved(Y.encodeStateVector(this.doc), this.lastSeq);
  }

  /** Runs a server-side edit (REST import) on the loaded document as one transaction. */
  edit(fn: (doc: Y.Doc) => void): void {
    if (this.status !== 'ready') throw new Error('map not loaded');
    fn(this.doc);
  }

  /** Replaces the stored log by one snapshot of the loaded document. */
  compact(): Promise<void> {
    if (this.status !== 'ready' || this.compacting) return this.compacting ?? Promise.resolve();
    if (this.damaged) return Promise.resolve(); // the stored log is kept for recovery
    const throughSeq = this.lastSeq;
    if (throughSeq <= this.compactedSeq) return Promise.resolve();
    const snapshot = encodeApplied(this.doc);
    const bytesThrough = this.storedBytes;
    this.compacting = this.options.storage
      .compact(this.id, snapshot, throughSeq)
      .then(() => {
        this.compactedSeq = throughSeq;
        // What was saved since the snapshot was taken stays counted, as it stays stored.
        this.storedBytes += snapshot.length - bytesThrough;
        this.options.log.debug('compacted', { map: this.id, throughSeq, bytes: snapshot.length });
      })
      .catch((error) =>
        this.options.log.error('compact-failed', { map: this.id, error: String(error) }),
      )
      .finally(() => {
        this.compacting = undefined;
      });
    return this.compacting;
  }

  /** Whether the room can be dropped now: nobody connected and everything saved. */
  get idle(): boolean {
    return this.connections.size === 0 && this.persist.pending === 0;
  }

  private checkIdle(): void {
    if (this.idle) this.options.onIdle(this);
  }

  /** Saves what is queued (and compacts) — for unload and shutdown. */
  async flush(compact = false): Promise<void> {
    if (this.status !== 'ready') return;
    this.relay();
    await this.persist.flush();
    if (this.lastSeq > 0) this.touch(true);
    if (compact) await this.compact();
  }

  /** Closes every connection with a code, then stops the room (after a flush by the caller). */
  close(code: CloseCode, reason: string): void {
    for (const conn of [...this.connections]) conn.close(code, reason);
    this.connections.clear();
    this.status = 'closed';
    this.persist.stop();
    this.budget.release(this.held.bytes);
    this.held.take(() => true);
    this.presence.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
    this.shadow.destroy();
  }
}

/** A fresh copy of a document's state (nothing waiting in it). */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, encodeApplied(doc));
  return copy;
}
