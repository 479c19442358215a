import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Access } from '../auth/tokens';
import type { Logger } from '../log';
import { CLOSE, type CloseCode } from '@procmap/protocol';
import { savedMessage, syncStep1, syncStep2, syncUpdate } from '../protocol/messages';
import type { StorageAdapter } from '../storage/adapter';
import { removeTooDeepFields } from './load-repair';
import { PendingBudget } from './pending-budget';
import { PersistQueue } from './persist-queue';
import { DEFAULT_PRESENCE, type PresenceOptions, RoomPresence } from './presence';
import { clearWaiting, encodeApplied, pendingBytes } from './scratch-apply';
import { UpdateGate } from './update-gate';

/** One client connection as a room sees it. */
export interface RoomConnection {
  readonly id: number;
  readonly access: Access;
  /** Asked for durable acknowledgements (message type 100). */
  wantsSaved: boolean;
  send(message: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
  /** Already refused and closing (what it sent still in flight is ignored). */
  readonly closing?: boolean;
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

/**
 * One open map: its document, the people connected to it, their presence. The pipeline for a
 * client's update is validate (on a scratch copy, update-gate.ts) → apply → persist (group commit) →
 * broadcast, and "saved" is sent once the write is on disk. Nothing is answered before the
 * stored map has finished loading, and a map that failed to load is never written.
 */
export class Room {
  readonly doc = new Y.Doc();
  /** What is let into `doc` from clients (update-gate.ts). */
  private readonly gate: UpdateGate;
  private readonly presence: RoomPresence;
  private readonly connections = new Set<RoomConnection>();
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
    this.gate = new UpdateGate(this.doc, {
      mapId: id,
      log: options.log,
      maxPendingBytes: options.maxPendingBytes,
      budget: options.pendingBudget ?? new PendingBudget(options.maxPendingBytes),
    });
    this.presence = new RoomPresence(
      this.doc,
      id,
      options.log,
      (message, except) => {
        // Alone on a map, a participant still hears its own presence renewal (every 15 s) back:
        // the only message its link carries then, and y-websocket clients take 30 s of silence
        // for a dead link and reconnect.
        const alone = this.connections.size === 1;
        for (const conn of this.connections) if (alone || conn !== except) conn.send(message);
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
    return this.gate.heldBytes;
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
          if (skipped.length === 0) this.gate.takeStored(update);
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
        this.options.log.warn('load-dropped-waiting', { map: this.id, bytes: waiting });
      }
      this.gate.loaded(skipped.length > 0);
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
    this.gate.drop(conn);
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
      this.gate.refuse(conn, { kind: 'throws', error });
      return;
    }
    if (conn.access !== 'edit' && this.viewerWrites(decoded, update)) {
      this.gate.refuseViewer(conn);
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
    this.gate.receive(conn, update);
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

  /** Every change of the room's document, whoever made it: persist, then relay. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const fromClient = this.connections.has(origin as RoomConnection);
    if (!fromClient) {
      // A server-side edit (a file put over the API, a repair): keep the copy equal, and take
      // its format and version as the map's from now on.
      this.gate.followServerEdit(update);
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
    this.gate.close();
    this.presence.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
  }
}
