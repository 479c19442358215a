import * as Y from 'yjs';
import type { RoomConnection } from './room-connection';

/*
 * Updates that wait for changes never sent to the room. A reconnecting client's edit can overtake
 * its own sync step 2, and Yjs would hold what it cannot place yet — inside the document, where
 * the part it could place changes the map before anyone can check the whole. The room instead
 * holds such an update here, outside both of its documents, and tries it again once what it waits
 * for has arrived: it is checked against the map's rules as a whole, and a rule it breaks is
 * blamed on the connection that sent it. Held updates are dropped when their connection closes,
 * and count against the room's and the server's budget for waiting bytes.
 */

export interface Held {
  readonly conn: RoomConnection;
  readonly update: Uint8Array;
  /**
   * What it waits for: client id → a clock; it may be placeable once the room holds a change of
   * that client past that clock (Yjs's own rule for retrying what waits).
   */
  readonly missing: ReadonlyMap<number, number>;
  /** Whether it was tried on the scratch copy to find what it waits for. */
  readonly tried: boolean;
  /** When it was first held (ms since the epoch). */
  readonly since: number;
}

/** Most updates one connection may have waiting that had to be tried to tell what they wait for. */
export const MAX_HELD_PER_CONNECTION = 16;
/** Longest an update is held; honest ones wait one round trip. */
export const HELD_FOR_MS = 60_000;

/** Whether the room's document now has something a held update waits for. */
export function isDue(doc: Y.Doc, held: Held): boolean {
  for (const [client, clock] of held.missing)
    if (Y.getState(doc.store, client) > clock) return true;
  return false;
}

/**
 * What an update waits for when it begins past what the room has of its own clients' changes
 * (a client's edit overtaking its sync step 2): undefined when it does not.
 */
export function gapBefore(doc: Y.Doc, update: Uint8Array): Map<number, number> | undefined {
  let gap: Map<number, number> | undefined;
  for (const [client, from] of Y.parseUpdateMeta(update).from) {
    if (from <= Y.getState(doc.store, client)) continue;
    gap ??= new Map();
    gap.set(client, from - 1);
  }
  return gap;
}

/** What a document's waiting structs and deletions wait for (see Held.missing). */
export function waitingFor(doc: Y.Doc): Map<number, number> {
  const missing = new Map<number, number>();
  const note = (client: number, clock: number) =>
    missing.set(client, Math.min(missing.get(client) ?? clock, clock));
  const structs = doc.store.pendingStructs;
  if (structs) for (const [client, clock] of structs.missing) note(client, clock);
  if (doc.store.pendingDs) {
    for (const [client, items] of Y.decodeUpdateV2(doc.store.pendingDs).ds.clients) {
      for (const item of items) note(client, item.clock + item.len - 1);
    }
  }
  return missing;
}

export class HeldUpdates {
  private held: Held[] = [];
  private heldBytes = 0;

  get bytes(): number {
    return this.heldBytes;
  }

  get size(): number {
    return this.held.length;
  }

  /** How many of a connection's held updates had to be tried. */
  triedFor(conn: RoomConnection): number {
    let n = 0;
    for (const h of this.held) if (h.conn === conn && h.tried) n++;
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
