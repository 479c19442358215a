import * as Y from 'yjs';

/**
 * True when everything in `doc` is covered by the state vector the server says is on disk: for
 * every client id in the document, the saved clock is at least the document's own.
 */
export function isSaved(doc: Y.Doc, saved: ReadonlyMap<number, number> | undefined): boolean {
  if (!saved) return false;
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    if ((saved.get(client) ?? 0) < clock) return false;
  }
  return true;
}
