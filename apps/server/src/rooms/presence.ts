import * as decoding from 'lib0/decoding';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Logger } from '../log';
import { CLOSE } from '../protocol/close-codes';
import {
  DEFAULT_PRESENCE_LIMITS,
  filterAwareness,
  type PresenceLimits,
  PresenceError,
} from '../protocol/awareness-filter';
import { awarenessMessage } from '../protocol/messages';
import { TokenBucket } from '../sync/rate-limit';
import type { RoomConnection } from './room';

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
  private readonly origins = new Set<unknown>();
  private broadcastTimer: NodeJS.Timeout | undefined;
  /** Ids of connections gone, forgotten once their removal has been sent. */
  private readonly forget = new Set<number>();

  constructor(
    doc: Y.Doc,
    private readonly mapId: string,
    private readonly log: Logger,
    /** Sends a presence message to every connection but `except`. */
    private readonly broadcast: (message: Uint8Array, except: unknown) => void,
    private readonly options: PresenceOptions = DEFAULT_PRESENCE,
  ) {
    this.awareness = new Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on('update', this.onUpdate);
  }

  /** Everyone's presence as one message, for a connection that joins or asks (undefined: none). */
  message(): Uint8Array | undefined {
    const ids = [...this.awareness.states.keys()];
    if (ids.length === 0) return undefined;
    return awarenessMessage(encodeAwarenessUpdate(this.awareness, ids));
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
    let claimed = entry.ids.size;
    const filtered = filterAwareness(
      update,
      (id, state) => {
        const owner = this.owners.get(id);
        if (owner === conn) return true;
        // Another's entry, or the removal of one nobody holds: passed on by a stock client.
        if (owner !== undefined || state === null) return false;
        if (claimed >= this.options.maxIdsPerConnection) return false;
        claimed++;
        return true;
      },
      {
        limits: this.options,
        // What the server knows beats what the client says.
        stamp: (state) => ({ ...state, viewOnly: conn.access !== 'edit', connection: conn.id }),
      },
    );
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
    for (const id of ids) this.forget.add(id);
  }

  private readonly onUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const id of list) this.changed.add(id);
    }
    this.origins.add(origin);
    this.broadcastTimer ??= setTimeout(this.sendChanges, BROADCAST_MS);
  };

  /** Sends what changed since the last time, to everyone but the one who changed it all. */
  private readonly sendChanges = () => {
    this.broadcastTimer = undefined;
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    const only = this.origins.size === 1 ? [...this.origins][0] : undefined;
    this.changed.clear();
    this.origins.clear();
    try {
      if (ids.length > 0) {
        this.broadcast(awarenessMessage(encodeAwarenessUpdate(this.awareness, ids)), only);
      }
    } catch (error) {
      this.log.error('presence-broadcast-failed', { map: this.mapId, error: String(error) });
    }
    for (const id of this.forget) {
      if (!this.owners.has(id) && !this.awareness.states.has(id)) this.awareness.meta.delete(id);
    }
    this.forget.clear();
  };

  destroy(): void {
    if (this.broadcastTimer) clearTimeout(this.broadcastTimer);
    for (const entry of this.connections.values()) if (entry.timer) clearTimeout(entry.timer);
    this.connections.clear();
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }
}
