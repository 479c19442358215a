import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE, type CloseCode } from '@procmap/protocol';
import type { Logger } from '../log';
import { syncStep1, syncStep2 } from '../protocol/messages';
import type { StorageAdapter } from '../storage/adapter';
import type { RoomBus } from './bus';
import type {
  AppliedUpdate,
  DecodedUpdate,
  Refusal,
  RoomContext,
  RoomHook,
  UpdateSource,
} from './hooks';
import type { PendingBudget } from './pending-budget';
import { DEFAULT_PRESENCE, type PresenceOptions, RoomPresence } from './presence';
import { roomHooks, type StandardHooks } from './room-hooks';
import type { RoomConnection } from './room-connection';
import { encodeApplied } from './scratch-apply';

export type { RoomConnection } from './room-connection';

export interface RoomOptions {
  readonly storage: StorageAdapter;
  readonly log: Logger;
  readonly compactAfter: number;
  /** The least time between two commits while the room is edited (default COMMIT_GAP_MS). */
  readonly commitGapMs?: number;
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
  /** The other instances serving this map, when there are several. */
  readonly bus?: RoomBus;
  /** Counts for /metrics. */
  readonly observe?: RoomObserver;
  /** Called when the room has no connections and nothing left to save. */
  readonly onIdle: (room: Room) => void;
}

/** What a room reports for the server's metrics (refusals are counted by the connection). */
export interface RoomObserver {
  update(source: 'client' | 'bus' | 'server'): void;
  persisted(seconds: number, updates: number): void;
}

type Status = 'loading' | 'ready' | 'failed' | 'closed';

/** The origin, in the document, of changes that are not a connection's. */
const ORIGIN = Symbol('room');

/**
 * One open map: its document, the people connected to it here, their presence, and the hooks
 * that load, check, apply, store and relay its changes (hooks.ts, room-hooks.ts). Nothing is
 * answered before the stored map has finished loading, and a map that failed to load is never
 * written.
 */
export class Room implements RoomContext {
  readonly doc = new Y.Doc();
  readonly log: Logger;
  private readonly presenceState: RoomPresence;
  private readonly conns = new Set<RoomConnection>();
  private readonly hooks: readonly RoomHook[];
  private readonly std: StandardHooks;
  private status: Status = 'loading';
  /** The change being applied by `apply`, for the document listener. */
  private applying: Omit<AppliedUpdate, 'update'> | undefined;
  /** Settles when the stored map is loaded (rejects if it cannot be). */
  readonly ready: Promise<void>;

  constructor(
    readonly id: string,
    private readonly options: RoomOptions,
  ) {
    this.log = options.log;
    this.presenceState = new RoomPresence(
      this.doc,
      id,
      options.log,
      (message, except) => this.sendPresence(message, except),
      options.presence ?? DEFAULT_PRESENCE,
      (update) => {
        for (const hook of this.hooks) hook.presence?.(update);
      },
    );
    this.std = roomHooks(this, options);
    this.hooks = this.std.all;
    this.ready = this.load();
    this.ready.catch(() => undefined); // observed by whoever awaits it
  }

  /** This instance's connections to the room. */
  get connections(): ReadonlySet<RoomConnection> {
    return this.conns;
  }

  /** Connections currently in the room. */
  get size(): number {
    return this.conns.size;
  }

  get isReady(): boolean {
    return this.status === 'ready';
  }

  /** The room's presence (Yjs awareness). */
  get awareness(): Awareness {
    return this.presenceState.awareness;
  }

  /** Bytes of updates held waiting for changes never sent. */
  get heldBytes(): number {
    return this.std.rules.heldBytes;
  }

  /** Whether the rules keep a scratch copy now (only while the map is written to). */
  get hasScratchCopy(): boolean {
    return this.std.rules.hasShadow;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    try {
      for (const hook of this.hooks) {
        await hook.load?.();
        if (this.status !== 'loading') break; // closed meanwhile
      }
    } catch (error) {
      this.status = 'failed';
      this.log.error('load-failed', { map: this.id, error: String(error) });
      throw error;
    }
    if (this.status !== 'loading') throw new Error('room closed while loading');
    this.status = 'ready';
    this.doc.on('update', this.onDocUpdate);
    for (const hook of this.hooks) hook.loaded?.();
    this.log.debug('loaded', { map: this.id, ms: Math.round(performance.now() - started) });
  }

  /** Adds a connection to a loaded room and starts its sync. */
  join(conn: RoomConnection): void {
    if (this.status !== 'ready') {
      conn.close(CLOSE.unavailable, 'map not available');
      return;
    }
    this.conns.add(conn);
    conn.send(syncStep1(Y.encodeStateVector(this.doc)));
    for (const message of this.presenceMessages()) conn.send(message);
    for (const hook of this.hooks) hook.joined?.(conn);
  }

  /** Removes a connection and its presence; an empty room may then be unloaded. */
  leave(conn: RoomConnection): void {
    if (!this.conns.delete(conn)) return;
    for (const hook of this.hooks) hook.left?.(conn);
    this.presenceState.leave(conn);
    if (this.conns.size === 0) this.checkIdle();
  }

  /** Answers a client's sync step 1 with what it lacks. */
  answerStep1(conn: RoomConnection, stateVector: Uint8Array): void {
    conn.send(syncStep2(encodeApplied(this.doc, stateVector)));
  }

  /**
   * A document update from a client: validated by every hook that checks (limits, view links),
   * then admitted by the map rules, which apply it only if it applies and keeps the map valid
   * (or hold it while it waits for changes never sent, see held-updates.ts).
   */
  receiveUpdate(conn: RoomConnection, update: Uint8Array): void {
    let decoded: DecodedUpdate;
    try {
      // Decoding it completely first stops most garbage before it touches the scratch copy,
      // which then needs no rebuilding: O(update), not O(document), per bad message.
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      this.refuse(conn, {
        code: CLOSE.malformed,
        reason: 'update does not apply',
        event: 'update-rejected',
        fields: { error: String(error) },
      });
      return;
    }
    for (const hook of this.hooks) {
      const refusal = hook.check?.(conn, update, decoded);
      if (refusal) {
        this.refuse(conn, refusal);
        return;
      }
    }
    const admitting = this.hooks.find((hook) => hook.admit);
    if (admitting) admitting.admit?.(conn, update, decoded);
    else this.apply(update, 'client', { conn });
  }

  /** Applies a change to the document, as from `source`; the hooks' `applied` stage sees it. */
  apply(update: Uint8Array, source: UpdateSource, extra: Partial<AppliedUpdate> = {}): void {
    const previous = this.applying;
    const { pendingStructs, pendingDs } = this.doc.store;
    this.applying = {
      ...extra,
      source,
      placedWaiting: pendingStructs !== null || pendingDs !== null,
    };
    try {
      Y.applyUpdate(this.doc, update, extra.conn ?? ORIGIN);
    } finally {
      this.applying = previous;
    }
  }

  /** Every change of the room's document, whoever made it: the hooks' `applied` stage. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    const change: AppliedUpdate = {
      ...(this.applying ?? { source: 'server' }),
      ...(this.conns.has(origin as RoomConnection) ? { conn: origin as RoomConnection } : {}),
      update,
    };
    const source = change.source;
    if (source === 'client' || source === 'bus' || source === 'server') {
      this.options.observe?.update(source);
    }
    for (const hook of this.hooks) hook.applied?.(change);
  };

  /** The one path for closing a connection on a refusal: a log line, then the close (counted). */
  refuse(conn: RoomConnection, refusal: Refusal): void {
    this.log.warn(refusal.event, { map: this.id, conn: conn.id, ...refusal.fields });
    conn.close(refusal.code, refusal.reason);
  }

  /** Sends the durable state vector to a connection that asked for acknowledgements. */
  sendSaved(conn: RoomConnection): void {
    this.std.storage.sendSaved(conn);
  }

  /**
   * Presence from a connection (see presence.ts). Throws a PresenceError for presence over the
   * limits; the caller closes the connection.
   */
  receiveAwareness(conn: RoomConnection, update: Uint8Array): void {
    this.presenceState.receive(conn, update);
  }

  /** Presence from another instance. */
  receiveRemotePresence(update: Uint8Array): void {
    this.presenceState.receiveRemote(update);
  }

  /** Sends everyone's presence to one connection (query-awareness). */
  sendAwareness(conn: RoomConnection): void {
    for (const message of this.presenceMessages()) conn.send(message);
  }

  private presenceMessages(): Uint8Array[] {
    return this.presenceState.messages();
  }

  localPresence(): Uint8Array | undefined {
    return this.presenceState.localUpdate();
  }

  private sendPresence(message: Uint8Array, except: unknown): void {
    // Alone on a map, a participant still hears its own presence renewal (every 15 s) back:
    // the only message its link carries then, and y-websocket clients take 30 s of silence for
    // a dead link and reconnect.
    const alone = this.conns.size === 1;
    for (const conn of this.conns) if (alone || conn !== except) conn.send(message);
  }

  /**
   * Applies an update the caller has already appended to storage (as `seq`), so a server-side
   * replacement is live only once it is on disk: relayed to everyone, not written again.
   */
  applyStored(update: Uint8Array, seq: number): void {
    if (this.status !== 'ready') throw new Error('map not loaded');
    this.apply(update, 'stored');
    this.std.storage.storedBy(seq);
    this.checkIdle();
  }

  /** Runs a server-side edit (REST import) on the loaded document as one transaction. */
  edit(fn: (doc: Y.Doc) => void): void {
    if (this.status !== 'ready') throw new Error('map not loaded');
    fn(this.doc);
  }

  /** Replaces the stored log by one snapshot of the loaded document. */
  compact(): Promise<void> {
    if (this.status !== 'ready') return Promise.resolve();
    return this.std.storage.compact();
  }

  /** Whether the room can be dropped now: nobody connected and everything saved. */
  get idle(): boolean {
    return this.conns.size === 0 && this.hooks.every((hook) => !hook.pending);
  }

  /** Tells the registry when the room has become idle. */
  checkIdle(): void {
    if (this.conns.size === 0 && this.idle) this.options.onIdle(this);
  }

  /** Saves what is queued (and compacts) — for unload and shutdown. */
  async flush(compact = false): Promise<void> {
    if (this.status !== 'ready') return;
    for (const hook of this.hooks) await hook.flush?.(compact);
  }

  /** Closes every connection with a code, then stops the room (after a flush by the caller). */
  close(code: CloseCode, reason: string): void {
    for (const conn of [...this.conns]) conn.close(code, reason);
    this.conns.clear();
    this.status = 'closed';
    for (const hook of this.hooks) hook.close?.();
    this.presenceState.destroy();
    this.doc.off('update', this.onDocUpdate);
    this.doc.destroy();
  }
}
