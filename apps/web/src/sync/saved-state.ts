import * as Y from 'yjs';

/** A document's state vector: for each client id, how many of its changes it holds. */
export function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** True when `saved` holds at least everything in `have` (both state vectors). */
export function covers(
  have: ReadonlyMap<number, number>,
  saved: ReadonlyMap<number, number> | undefined,
): boolean {
  if (!saved) return false;
  for (const [client, clock] of have) {
    if ((saved.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/**
 * True when everything in `doc` is covered by the state vector the server says is on disk: for
 * every client id in the document, the saved clock is at least the document's own.
 */
export function isSaved(doc: Y.Doc, saved: ReadonlyMap<number, number> | undefined): boolean {
  return covers(stateVector(doc), saved);
}
