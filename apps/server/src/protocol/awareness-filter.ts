import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/*
 * Presence is unauthenticated in Yjs: any client can overwrite any other's awareness entry.
 * The server ties each awareness client id to the first connection that uses it, and drops
 * entries a connection sends for ids that belong to another.
 */

export interface FilteredAwareness {
  /** The re-encoded update with only the allowed entries (undefined when none are). */
  readonly update: Uint8Array | undefined;
  readonly clientIds: readonly number[];
  readonly dropped: number;
}

/** Decodes an awareness update completely (throws if malformed) and keeps allowed entries. */
export function filterAwareness(
  update: Uint8Array,
  allowed: (clientId: number) => boolean,
): FilteredAwareness {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const kept: { id: number; clock: number; state: string }[] = [];
  let dropped = 0;
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const state = decoding.readVarString(d);
    JSON.parse(state); // malformed JSON would throw later inside y-protocols; refuse it here
    if (allowed(id)) kept.push({ id, clock, state });
    else dropped++;
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes after the awareness update');
  if (kept.length === 0) return { update: undefined, clientIds: [], dropped };
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return { update: encoding.toUint8Array(e), clientIds: kept.map((k) => k.id), dropped };
}
