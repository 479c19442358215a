import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import { savedMessage } from '../protocol/messages';
import { type StorageAdapter, StorageError } from '../storage/adapter';
import type { AppliedUpdate, RoomContext, RoomHook } from './hooks';
import { RemoteDurability } from './remote-durability';
import { PersistQueue } from './persist-queue';
import { clearWaiting, encodeApplied, pendingBytes } from './scratch-apply';
import type { RoomConnection } from './room-connection';

/*
 * Load and persist: the room's document comes from storage (any adapter: SQLite, PostgreSQL) and
 * every change made on this instance goes back to it by group commit (persist-queue.ts). Once a
 * write is committed, connections that asked for acknowledgements get "saved" with the state
 * vector now durable — never before, and (with several instances) never covering another
 * instance's updates before that instance said it stored them (remote-durability.ts).
 */

export interface StorageHookOptions {
  readonly storage: StorageAdapter;
  readonly compactAfter: number;
  /** The least time between two commits (PersistQueue's default when absent). */
  readonly commitGapMs?: number;
  /** Persist timings, for the metrics. */
  readonly written?: (seconds: number, updates: number) => void;
}

/** How often, at most, a busy room rewrites its updated time. */
const TOUCH_EVERY_MS = 5000;

export class StorageHook implements RoomHook {
  readonly name = 'storage';
  private readonly persist: PersistQueue;
  private readonly remote: RemoteDurability;
  /** Stored updates could not all be applied at load: keep the stored log as it is. */
  damaged = false;
  private savedStateVector: Uint8Array = Y.encodeStateVector(new Y.Doc());
  private lastSeq = 0;
  private compactedSeq = 0;
  private compacting: Promise<void> | undefined;
  private title: string | undefined;
  private lastTouch = 0;
  /** Bytes of the stored state: as loaded or last compacted, plus every update since. */
  storedBytes = 0;
  /** Number (among pushes) of the last update pushed, for the bus's 'update' messages. */
  lastPush = 0;
  /** Pushes stored so far. */
  private storedThrough = 0;
  private readonly storedListeners: ((through: number) => void)[] = [];
  /** The map was deleted (through another instance): nothing more is written. */
  private gone = false;
  private closed = false;

  constructor(
    private readonly room: RoomContext,
    private readonly options: StorageHookOptions,
  ) {
    this.persist = new PersistQueue(
      options.storage,
      room.id,
      {
        saved: (sv, seq, through) => this.onSaved(sv, seq, through),
        failed: (error, before) => this.saveFailed(error, before),
        ...(options.written ? { written: options.written } : {}),
      },
      () => Y.encodeStateVector(room.doc),
      undefined,
      options.commitGapMs,
    );
    this.remote = new RemoteDurability(
      (update) => (this.gone ? 0 : this.persist.push(update)),
      () => this.sendSavedToAll(),
      undefined,
      () => ({
        stateVector: Y.encodeStateVector(room.doc),
        allStored: this.storedThrough >= this.persist.pushedCount,
      }),
    );
  }

  private saveFailed(error: unknown, before: number): void {
    const { log, id } = this.room;
    if (error instanceof StorageError && error.code === 'not-found') {
      // Deleted (through another instance): nothing more can be written; everyone here is told.
      log.warn('map-gone', { map: id, note: 'deleted while open; its connections are closed' });
      this.gone = true;
      this.persist.discard();
      this.remote.close();
      for (const conn of [...this.room.connections])
        conn.close(CLOSE.mapDeleted, 'the map was deleted');
      return;
    }
    // Said at the first failure, then now and again while the store stays away.
    if (before === 0 || before % 10 === 0) {
      log.error('save-failed', { map: id, error: String(error), failures: before + 1 });
    }
  }

  /** Called with how many of this instance's pushes are stored, after each commit. */
  onStored(listener: (through: number) => void): void {
    this.storedListeners.push(listener);
  }

  get pending(): number {
    return this.persist.pending;
  }

  async load(): Promise<void> {
    const { doc, log, id } = this.room;
    const state = await this.options.storage.loadState(id);
    if (!state) throw new Error('no such map');
    // Whatever part of the log cannot be applied is skipped, said, and kept as it is stored.
    const skipped: string[] = [];
    state.updates.forEach((update, i) => {
      try {
        Y.applyUpdate(doc, update);
      } catch (error) {
        skipped.push(`${i + 1} of ${state.updates.length}: ${String(error)}`);
      }
      this.storedBytes += update.length;
    });
    if (skipped.length > 0) {
      this.damaged = true;
      log.error('load-skipped', {
        map: id,
        updates: skipped.length,
        first: skipped[0],
        note: 'the rest of the map is served; its stored log is kept as it is, uncompacted',
      });
    }
    const waiting = pendingBytes(doc);
    if (waiting > 0) {
      // Stored before updates that wait were held outside the document: never placeable.
      clearWaiting(doc);
      log.warn('load-dropped-waiting', { map: id, bytes: waiting });
    }
    this.lastSeq = state.lastSeq;
    this.compactedSeq = state.updates.length <= 1 ? state.lastSeq : 0;
    this.savedStateVector = Y.encodeStateVector(doc);
    this.title = this.currentTitle();
  }

  /**
   * The map's size measured again, as its state encodes now (what a client loads): the running
   * estimate only grows between this instance's compactions, however the others compact.
   */
  recount(): number {
    this.storedBytes = encodeApplied(this.room.doc).length;
    return this.storedBytes;
  }

  /** Reads the stored log again (the bus was lost: others stored what this instance missed). */
  async reload(): Promise<Uint8Array[]> {
    const state = await this.options.storage.loadState(this.room.id);
    if (state && state.lastSeq > this.lastSeq) this.lastSeq = state.lastSeq;
    return state ? [...state.updates] : [];
  }

  applied(change: AppliedUpdate): void {
    this.storedBytes += change.update.length;
    if (this.gone) return;
    if (change.placedWaiting && change.source !== 'client' && change.source !== 'server') {
      // It placed what waited (from the bus, perhaps unstored): stored here too. Twice is harmless.
      this.lastPush = this.persist.push(change.update);
      return;
    }
    switch (change.source) {
      case 'stored':
      case 'resync':
        return; // already stored
      case 'bus':
        // Another instance stores it and says so; if it never does, this one will.
        if (change.from !== undefined && change.n !== undefined && change.n > 0) {
          this.remote.received(change.from, change.n, change.update);
        }
        return;
      default:
        this.lastPush = this.persist.push(change.update);
    }
  }

  /** Another instance stored its updates up to `through`. */
  remoteStored(from: string, through: number): void {
    this.remote.stored(from, through);
  }

  private onSaved(stateVector: Uint8Array, lastSeq: number, through: number): void {
    if (lastSeq > this.lastSeq) this.lastSeq = lastSeq;
    this.storedThrough = Math.max(this.storedThrough, through);
    this.remote.committed(through, stateVector);
    for (const listener of this.storedListeners) listener(through);
    this.touch(false);
    if (this.lastSeq - this.compactedSeq >= this.options.compactAfter) void this.compact();
    if (this.room.connections.size === 0) this.room.checkIdle();
  }

  /** What may be said durable changed: tell every connection that asked. */
  private sendSavedToAll(): void {
    const durable = this.remote.durableStateVector;
    if (!durable || this.closed) return;
    this.savedStateVector = durable;
    const message = savedMessage(durable);
    for (const conn of this.room.connections) if (conn.wantsSaved) conn.send(message);
  }

  /** Sends the durable state vector to a connection that asked for acknowledgements. */
  sendSaved(conn: RoomConnection): void {
    conn.wantsSaved = true;
    conn.send(savedMessage(this.savedStateVector));
  }

  /** An update another caller already appended as `seq`: now durable unless work is queued. */
  storedBy(seq: number): void {
    if (seq > this.lastSeq) this.lastSeq = seq;
    // With a write on its way, its own commit says "saved" (covering this too) when it lands.
    if (this.persist.idle) {
      this.onSaved(Y.encodeStateVector(this.room.doc), this.lastSeq, this.persist.pushedCount);
    }
  }

  private currentTitle(): string | undefined {
    const title = this.room.doc.getMap('meta').get('title');
    return typeof title === 'string' ? title : undefined;
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
      .touchMap(this.room.id, {
        ...(titleChanged && title !== undefined ? { title } : {}),
        updatedAt: new Date(now).toISOString(),
      })
      .catch((error) =>
        this.room.log.warn('touch-failed', { map: this.room.id, error: String(error) }),
      );
  }

  /** Replaces the stored log by one snapshot of the loaded document. */
  compact(): Promise<void> {
    if (this.closed || this.compacting) return this.compacting ?? Promise.resolve();
    if (this.damaged) return Promise.resolve(); // the stored log is kept for recovery
    const throughSeq = this.lastSeq;
    if (throughSeq <= this.compactedSeq) return Promise.resolve();
    const snapshot = encodeApplied(this.room.doc);
    const bytesThrough = this.storedBytes;
    const { log, id } = this.room;
    this.compacting = this.options.storage
      .compact(id, snapshot, throughSeq)
      .then(() => {
        this.compactedSeq = throughSeq;
        // What was saved since the snapshot was taken stays counted, as it stays stored.
        this.storedBytes += snapshot.length - bytesThrough;
        log.debug('compacted', { map: id, throughSeq, bytes: snapshot.length });
      })
      .catch((error) => log.error('compact-failed', { map: id, error: String(error) }))
      .finally(() => {
        this.compacting = undefined;
      });
    return this.compacting;
  }

  async flush(compact: boolean): Promise<void> {
    await this.persist.flush();
    if (this.lastSeq > 0) this.touch(true);
    if (compact) await this.compact();
  }

  close(): void {
    this.closed = true;
    this.persist.stop();
    this.remote.close();
  }
}
