import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Logger } from '../log';
import { CLOSE } from '@procmap/protocol';
import {
  DEFAULT_PRESENCE_LIMITS,
  filterAwareness,
  type PresenceLimits,
  PresenceError,
} from '../protocol/awareness-filter';
import { awarenessMessage } from '../protocol/messages';
import { TokenBucket } from '../sync/rate-limit';
import type { RoomConnection } from './room-connection';

/** The origin of presence that came from another instance. */
const REMOTE = Symbol('another instance');

/*
 * A room's presence (Yjs awareness): who is here, their cursors and selections. Not stored, and
 * not trusted: each client id belongs to the connection that first used it, a connection may
 * hold only a few (a stock client has one; the rest of what it passes on is dropped), states
 * are bounded in size and nesting, the server stamps what it knows about the connection
 * (view-only or not, its number) over whatever the client claims, and a connection sending
 * presence faster than its allowance has only its latest message kept, read once the allowance
 * refills: a flood costs one message per connection, never a queue, and is not even parsed.
 *
 * Changes go out at most every BROADCAST_MS, all changed entries in one message. A stock client
 * sends back every presence change it hears of, so relaying each change as it came would have
 * every client of a busy room answer hundreds of messages a second (twenty cursors at 30 Hz):
 * enough to trip its own rate limit.
 */

/** How often, at most, a room sends presence changes. */
export const BROADCAST_MS = 50;
/**
 * How long the clock of a participant who left is kept: a stock client may pass on their old
 * state after they left, and it must not bring them back (nor give their id to the one who
 * passed it on).
 */
export const FORGET_AFTER_MS = 30_000;
/**
 * Most bytes of states in one presence message the server sends. A stock client sends every
 * message it gets back, so each must stay well inside what the server accepts.
 */
const MAX_SENT_BYTES = 256 * 1024;

export interface PresenceOptions extends PresenceLimits {
  /** Client ids one connection may hold at once. */
  readonly maxIdsPerConnection: number;
  /** Presence messages applied per second per connection, and the burst above it. */
  readonly perSecond: number;
  readonly burst: number;
}

export const DEFAULT_PRESENCE: PresenceOptions = {
  ...DEFAULT_PRESENCE_LIMITS,
  maxIdsPerConnection: 4,
  // The editor sends cursors at 30 Hz and views at 10 Hz at most.
  perSecond: 60,
  burst: 120,
};

interface ConnectionPresence {
  readonly bucket: TokenBucket;
  /** Ids this connection holds. */
  readonly ids: Set<number>;
  /** The latest update that arrived over the allowance, applied when it refills. */
  deferred: Uint8Array | undefined;
  timer: NodeJS.Timeout | undefined;
}

export class RoomPresence {
  readonly awareness: Awareness;
  /** Awareness client id → the connection that holds it. */
  private readonly owners = new Map<number, RoomConnection>();
  private readonly connections = new Map<RoomConnection, ConnectionPresence>();
  /** Changes not yet sent: the ids, and who made them. */
  private readonly changed = new Set<number>();
  /** Of those, the ones made here (what other instances are told). */
  private readonly changedHere = new Set<number>();
  /** Ids whose presence came from another instance: no connection here may claim them. */
  private readonly remote = new Set<number>();
  private readonly origins = new Set<unknown>();
  private broadcastTimer: NodeJS.Timeout | undefined;
  /** Ids of connections gone, and when: their clocks are forgotten FORGET_AFTER_MS later. */
  private readonly forget = new Map<number, number>();

  constructor(
    doc: Y.Doc,
    private readonly mapId: string,
    private readonly log: Logger,
    /** Sends a presence message to every connection but `except`. */
    private readonly broadcast: (message: Uint8Array, except: unknown) => void,
    private readonly options: PresenceOptions = DEFAULT_PRESENCE,
    /** Sends presence changes made here to the other instances (raw awareness updates). */
    private readonly publish?: (update: Uint8Array) => void,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on('update', this.onUpdate);
  }

  /** Everyone's presence, for a connection that joins or asks (none: an empty list). */
  messages(): Uint8Array[] {
    return this.encode([...this.awareness.states.keys()]);
  }

  /** Presence messages for `ids`, each within MAX_SENT_BYTES of states. */
  private encode(ids: readonly number[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    let chunk: number[] = [];
    let bytes = 0;
    const flush = () => {
      if (chunk.length === 0) return;
      out.push(awarenessMessage(encodeAwarenessUpdate(this.awareness, chunk)));
      chunk = [];
      bytes = 0;
    };
    for (const id of ids) {
      const size = JSON.stringify(this.awareness.states.get(id) ?? null).length + 16;
      if (bytes + size > MAX_SENT_BYTES || chunk.length >= 256) flush();
      chunk.push(id);
      bytes += size;
    }
    flush();
    return out;
  }

  /**
   * Presence from a connection. Throws a PresenceError for an update over the limits, or one
   * claiming more client ids than a connection may hold (the caller closes the connection).
   */
  receive(conn: RoomConnection, update: Uint8Array): void {
    // What costs nothing to check is checked on arrival, even for a message that will wait.
    if (update.length > this.options.maxMessageBytes) {
      throw new PresenceError(`a presence message over ${this.options.maxMessageBytes} bytes`);
    }
    const count = decoding.readVarUint(decoding.createDecoder(update));
    if (count > this.options.maxEntries) {
      throw new PresenceError(`presence for ${count} participants in one message`);
    }
    const entry = this.entryOf(conn);
    if (entry.timer !== undefined || !entry.bucket.take()) {
      entry.deferred = update;
      entry.timer ??= setTimeout(() => this.applyDeferred(conn), 1000 / this.options.perSecond);
      return;
    }
    this.apply(conn, entry, update);
  }

  private entryOf(conn: RoomConnection): ConnectionPresence {
    let entry = this.connections.get(conn);
    if (!entry) {
      entry = {
        bucket: new TokenBucket(this.options.perSecond, this.options.burst),
        ids: new Set(),
        deferred: undefined,
        timer: undefined,
      };
      this.connections.set(conn, entry);
    }
    return entry;
  }

  private apply(conn: RoomConnection, entry: ConnectionPresence, update: Uint8Array): void {
    const claimed: number[] = [];
    const filtered = filterAwareness(
      update,
      (id, clock, removes) => {
        const owner = this.owners.get(id);
        if (owner === conn) return true;
        if (this.remote.has(id)) return false; // someone on another instance
        // Another's entry, or the removal of one nobody holds: passed on by a stock client.
        if (owner !== undefined || removes) return false;
        // One who left: a newer clock is them back; the clock they left with is an echo of their
        // last state from someone else — unless it is the first presence of a new connection,
        // which is how a stock client that reconnects announces itself.
        const known = this.awareness.meta.get(id);
        const fresh = entry.ids.size === 0 && claimed.length === 0;
        if (known !== undefined && (clock < known.clock || (clock === known.clock && !fresh))) {
          return false;
        }
        if (entry.ids.size + claimed.length >= this.options.maxIdsPerConnection) return false;
        claimed.push(id);
        return true;
      },
      {
        limits: this.options,
        // What the server knows beats what the client says.
        stamp: (state) => ({ ...state, viewOnly: conn.access !== 'edit', connection: conn.id }),
      },
    );
    // A participant coming back at the clock they left with: let their state in as new.
    for (const id of claimed) {
      this.awareness.meta.delete(id);
      this.forget.delete(id);
    }
    if (filtered.dropped > 0) {
      this.log.debug('presence-dropped', {
        map: this.mapId,
        conn: conn.id,
        entries: filtered.dropped,
      });
    }
    if (!filtered.update) return;
    for (const id of filtered.clientIds) {
      this.owners.set(id, conn);
      entry.ids.add(id);
    }
    applyAwarenessUpdate(this.awareness, filtered.update, conn);
  }

  private applyDeferred(conn: RoomConnection): void {
    const entry = this.connections.get(conn);
    if (!entry) return;
    entry.timer = undefined;
    const update = entry.deferred;
    entry.deferred = undefined;
    if (!update) return;
    if (!entry.bucket.take()) {
      entry.deferred = update;
      entry.timer = setTimeout(() => this.applyDeferred(conn), 1000 / this.options.perSecond);
      return;
    }
    try {
      this.apply(conn, entry, update);
    } catch (error) {
      const reason = error instanceof PresenceError ? error.message : 'malformed message';
      this.log.warn('connection-closed', {
        map: this.mapId,
        conn: conn.id,
        code: CLOSE.malformed,
        reason,
        detail: String(error),
      });
      conn.close(CLOSE.malformed, reason);
    }
  }

  /** Removes a connection's presence, and forgets its ids entirely (they may be used again). */
  leave(conn: RoomConnection): void {
    const entry = this.connections.get(conn);
    if (!entry) return;
    this.connections.delete(conn);
    if (entry.timer) clearTimeout(entry.timer);
    const ids = [...entry.ids];
    for (const id of ids) this.owners.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
    // Awareness keeps a clock per id ever seen; without forgetting them (once the removal is
    // sent), id churn would grow it forever.
    const now = Date.now();
    for (const id of ids) this.forget.set(id, now);
    this.forgetOld(now);
  }

  /** Forgets the clocks of those who left long enough ago. */
  private forgetOld(now: number): void {
    for (const [id, left] of this.forget) {
      if (now - left < FORGET_AFTER_MS) continue;
      this.forget.delete(id);
      if (!this.owners.has(id) && !this.awareness.states.has(id)) this.awareness.meta.delete(id);
    }
  }

  /** The presence of this instance's connections, as one awareness update (none: undefined). */
  localUpdate(): Uint8Array | undefined {
    const ids = [...this.owners.keys()].filter((id) => this.awareness.states.has(id));
    return ids.length > 0 ? encodeAwarenessUpdate(this.awareness, ids) : undefined;
  }

  /**
   * Presence from another instance, already filtered there. Its ids are theirs until removed
   * (or until they go quiet for 30 s, Awareness's own timeout, when that instance is gone).
   */
  receiveRemote(update: Uint8Array): void {
    try {
      // Never someone connected here: their presence is theirs, whatever another instance says.
      const theirs = withoutIds(update, this.owners);
      if (theirs) applyAwarenessUpdate(this.awareness, theirs, REMOTE);
    } catch (error) {
      this.log.warn('bus-presence-ignored', { map: this.mapId, error: String(error) });
    }
  }

  private readonly onUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const id of list) {
        this.changed.add(id);
        if (origin !== REMOTE && !this.remote.has(id)) this.changedHere.add(id);
      }
    }
    if (origin === REMOTE) {
      for (const id of [...changes.added, ...changes.updated]) this.remote.add(id);
    }
    for (const id of changes.removed) this.remote.delete(id);
    this.origins.add(origin);
    this.broadcastTimer ??= setTimeout(this.sendChanges, BROADCAST_MS);
  };

  /** Sends what changed since the last time, to everyone but the one who changed it all. */
  private readonly sendChanges = () => {
    this.broadcastTimer = undefined;
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    const only = this.origins.size === 1 ? [...this.origins][0] : undefined;
    const here = [...this.changedHere].filter((id) => this.awareness.meta.has(id));
    this.changed.clear();
    this.changedHere.clear();
    this.origins.clear();
    if (this.publish && here.length > 0) {
      try {
        this.publish(encodeAwarenessUpdate(this.awareness, here));
      } catch (error) {
        this.log.error('presence-publish-failed', { map: this.mapId, error: String(error) });
      }
    }
    try {
      for (const message of this.encode(ids)) this.broadcast(message, only);
    } catch (error) {
      this.log.error('presence-broadcast-failed', { map: this.mapId, error: String(error) });
    }
    this.forgetOld(Date.now());
  };

  destroy(): void {
    if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
    for (const entry of this.connections.values()) if (entry.timer) clearTimeout(entry.timer);
    this.connections.clear();
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }
}

/** An awareness update without the entries of `ids` (undefined when none is left). */
function withoutIds(update: Uint8Array, ids: ReadonlyMap<number, unknown>): Uint8Array | undefined {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: [number, number, string][] = [];
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (!ids.has(id)) kept.push([id, clock, state]);
  }
  if (kept.length === count) return update;
  if (kept.length === 0) return undefined;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [id, clock, state] of kept) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
