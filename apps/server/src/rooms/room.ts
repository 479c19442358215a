import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Access } from '../auth/tokens';
import type { Logger } from '../log';
import { CLOSE, type CloseCode } from '../protocol/close-codes';
import { filterAwareness } from '../protocol/awareness-filter';
import {
  awarenessMessage,
  savedMessage,
  syncStep1,
  syncStep2,
  syncUpdate,
} from '../protocol/messages';
import type { StorageAdapter } from '../storage/adapter';
import { PersistQueue } from './persist-queue';
import { applyAndSeeChange, closeReason, encodeApplied, pendingBytes } from './scratch-apply';
import { touchedProblems } from './update-rules';

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
   * Most bytes of updates that may wait in the room for changes never sent to it (Yjs keeps
   * those in memory until the gap is filled, perhaps forever). Past it the sender is closed.
   */
  readonly maxPendingBytes: number;
  /** Called when the room has no connections and nothing left to save. */
  readonly onIdle: (room: Room) => void;
}

type Status = 'loading' | 'ready' | 'failed' | 'closed';

/** How often, at most, a busy room rewrites its updated time. */
const TOUCH_EVERY_MS = 5000;

/** The origin of an update the caller already stored: relayed, not written again. */
const STORED = Symbol('already stored');

/**
 * One open map: its document, the people connected to it, their presence. The pipeline for a
 * client's update is validate (on a scratch copy) → apply → persist (group commit) →
 * broadcast, and "saved" is sent once the write is on disk. Nothing is answered before the
 * stored map has finished loading, and a map that failed to load is never written.
 */
export class Room {
  readonly doc = new Y.Doc();
  /** A copy of `doc` that takes every client update first, so a bad one never touches `doc`. */
  private shadow = new Y.Doc();
  readonly awareness: Awareness;
  private readonly connections = new Set<RoomConnection>();
  /** Awareness client id → the connection that owns it. */
  private readonly owners = new Map<number, RoomConnection>();
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
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on('update', this.onAwarenessUpdate);
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

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      const state = await this.options.storage.loadState(this.id);
      if (!state) throw new Error('no such map');
      for (const update of state.updates) {
        Y.applyUpdate(this.doc, update);
        Y.applyUpdate(this.shadow, update);
        this.storedBytes += update.length;
      }
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
    if (this.awareness.states.size > 0) {
      const ids = [...this.awareness.states.keys()];
      conn.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, ids)));
    }
  }

  /** Removes a connection and its presence; an empty room may then be unloaded. */
  leave(conn: RoomConnection): void {
    if (!this.connections.delete(conn)) return;
    const owned = [...this.owners].filter(([, owner]) => owner === conn).map(([id]) => id);
    for (const id of owned) this.owners.delete(id);
    if (owned.length > 0) removeAwarenessStates(this.awareness, owned, null);
    if (this.connections.size === 0) this.checkIdle();
  }

  /** Answers a client's sync step 1 with what it lacks. */
  answerStep1(conn: RoomConnection, stateVector: Uint8Array): void {
    conn.send(syncStep2(encodeApplied(this.doc, stateVector)));
  }

  /**
   * A document update from a client: refused on a view connection; applied to the scratch copy
   * first, and if that throws, the connection is closed and the room is untouched.
   */
  receiveUpdate(conn: RoomConnection, update: Uint8Array): void {
    // An update may arrive before one it depends on (a client's edit can overtake its own
    // sync step 2 after a reconnect): Yjs keeps it pending until the gap is filled, so pending
    // state is normal and not a reason to refuse.
    let changed: boolean;
    let touched = false;
    try {
      // Decoding it completely first stops most garbage before it touches the scratch copy,
      // which then needs no rebuilding: O(update), not O(document), per bad message.
      const decoded = Y.decodeUpdate(update);
      if (conn.access !== 'edit' && this.viewerWrites(decoded, update)) {
        this.options.log.warn('update-refused', {
          map: this.id,
          conn: conn.id,
          reason: 'view-only',
        });
        conn.close(CLOSE.readOnly, 'this link is view-only');
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
      touched = true;
      const applied = applyAndSeeChange(this.shadow, update);
      if (pendingBytes(this.shadow) > this.options.maxPendingBytes) {
        this.options.log.warn('update-refused', {
          map: this.id,
          conn: conn.id,
          reason: 'too-much-pending',
        });
        this.rebuildShadow();
        conn.close(CLOSE.malformed, 'update depends on changes that were never sent');
        return;
      }
      changed = applied.changed;
      const partial = this.shadow.store.pendingStructs !== null;
      const broken = applied.touched ? touchedProblems(this.shadow, applied.touched, partial) : [];
      if (broken.length > 0) {
        // Valid Yjs, but the map it makes is not a valid map: refused, the room untouched.
        this.options.log.warn('update-refused', {
          map: this.id,
          conn: conn.id,
          reason: 'breaks-map-rules',
          problems: broken
            .slice(0, 5)
            .map((p) => `${p.path}: ${p.message}`)
            .join('; '),
        });
        this.rebuildShadow();
        conn.close(CLOSE.malformed, closeReason(broken[0]!));
        return;
      }
    } catch (error) {
      this.options.log.warn('update-rejected', {
        map: this.id,
        conn: conn.id,
        error: String(error),
      });
      if (touched) this.rebuildShadow();
      conn.close(CLOSE.malformed, 'update does not apply');
      return;
    }
    if (conn.access !== 'edit') {
      // Only deletions of what is already deleted can get here; if it did change something
      // after all, undo it on the copy and refuse.
      if (!changed) return;
      this.options.log.warn('update-refused', { map: this.id, conn: conn.id, reason: 'view-only' });
      this.rebuildShadow();
      conn.close(CLOSE.readOnly, 'this link is view-only');
      return;
    }
    if (changed) Y.applyUpdate(this.doc, update, conn);
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
    this.shadow = new Y.Doc();
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
  }

  /** Every change of the room's document, whoever made it: persist, then relay. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const fromClient = this.connections.has(origin as RoomConnection);
    if (!fromClient) Y.applyUpdate(this.shadow, update); // server-side edit: keep the copy equal
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
    const update =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
    const message = syncUpdate(update);
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

  /** Presence from a connection; entries for ids owned by another connection are dropped. */
  receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    const filtered = filterAwareness(update, (id) => {
      const owner = this.owners.get(id);
      return owner === undefined || owner === conn;
    });
    if (filtered.dropped > 0) {
      this.options.log.debug('presence-dropped', {
        map: this.id,
        conn: conn.id,
        entries: filtered.dropped,
      });
    }
    if (!filtered.update) return;
    for (const id of filtered.clientIds) this.owners.set(id, conn);
    applyAwarenessUpdate(this.awareness, filtered.update, conn);
  }

  /** Sends everyone's presence to one connection (query-awareness). */
  sendAwareness(conn: RoomConnection): void {
    const ids = [...this.awareness.states.keys()];
    if (ids.length > 0) conn.send(awarenessMessage(encodeAwarenessUpdate(this.awareness, ids)));
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = awarenessMessage(encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections) if (conn !== origin) conn.send(message);
  };

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
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
    this.shadow.destroy();
  }
}
