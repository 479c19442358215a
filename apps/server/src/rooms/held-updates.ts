import type { RoomConnection } from './room';

/*
 * Updates that wait for changes never sent to the room. A reconnecting client's edit can overtake
 * its own sync step 2, and Yjs would hold what it cannot place yet — inside the document, where
 * the part it could place changes the map before anyone can check the whole. The room instead
 * holds such an update here, outside both of its documents, and tries it again once what it waits
 * for may have arrived: it is checked against the map's rules as a whole, and a rule it breaks is
 * blamed on the connection that sent it. Held updates are dropped when their connection closes,
 * and count against the room's and the server's budget for waiting bytes.
 */

export interface Held {
  readonly conn: RoomConnection;
  readonly update: Uint8Array;
  /** Client ids whose changes it may be waiting for. */
  readonly clients: ReadonlySet<number>;
}

/** Most updates one connection may have waiting at once. */
export const MAX_HELD_PER_CONNECTION = 16;

export class HeldUpdates {
  private held: Held[] = [];
  private heldBytes = 0;

  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.held.length;
  }

  countFor(conn: RoomConnection): number {
    let n = 0;
    for (const h of this.held) if (h.conn === conn) n++;
    return n;
  }

  hold(held: Held): void {
    this.held.push(held);
    this.heldBytes += held.update.length;
  }

  /** Drops a connection's held updates; returns the bytes freed. */
  drop(conn: RoomConnection): number {
    const freed = this.take((h) => h.conn === conn);
    return freed.reduce((sum, h) => sum + h.update.length, 0);
  }

  /** Removes and returns, oldest first, the held updates `worthTrying` picks. */
  take(worthTrying: (held: Held) => boolean): Held[] {
    const taken: Held[] = [];
    const kept: Held[] = [];
    for (const h of this.held) (worthTrying(h) ? taken : kept).push(h);
    if (taken.length === 0) return taken;
    this.held = kept;
    for (const h of taken) this.heldBytes -= h.update.length;
    return taken;
  }
}
