import type { Problem } from '@procmap/model';
import * as Y from 'yjs';
import { type Touched, touchedBy } from './update-rules';

/*
 * A room's scratch copy and the Yjs details around it: applying a client's update there first
 * (what it changed, which records it touched), what is left waiting for changes never sent,
 * and the state to hand out without those.
 */

/**
 * Applies an update and says whether it changed anything (new content, new deletions, or
 * something left waiting for a missing dependency), whether any of it was placed in the
 * document, and which records it touched. Throws if the update does not apply.
 */
export function applyAndSeeChange(
  doc: Y.Doc,
  update: Uint8Array,
): { changed: boolean; integrated: boolean; touched: Touched | undefined } {
  const { pendingStructs, pendingDs } = doc.store;
  let changed = false;
  let touched: Touched | undefined;
  const see = (tr: Y.Transaction) => {
    // Yjs's own test for an 'update' event, read from the transaction instead of listening for
    // the event (a listener makes Yjs encode every transaction again).
    changed ||= tr.deleteSet.clients.size > 0 || movedOn(tr.beforeState, tr.afterState);
    const now = touchedBy(doc, tr);
    if (!touched) touched = now;
    else {
      // Yjs may apply one update in more than one transaction (pending parts retried).
      touched.header ||= now.header;
      touched.invalid.push(...now.invalid);
      for (const [collection, ids] of now.records) {
        const into = touched.records.get(collection) ?? new Set<string>();
        for (const id of ids) into.add(id);
        touched.records.set(collection, into);
      }
      for (const [id, entry] of now.scenarios) {
        const into = touched.scenarios.get(id) ?? { own: false, records: new Map() };
        into.own ||= entry.own;
        for (const [part, ids] of entry.records) {
          const set = into.records.get(part) ?? new Set<string>();
          for (const recordId of ids) set.add(recordId);
          into.records.set(part, set);
        }
        touched.scenarios.set(id, into);
      }
    }
  };
  doc.on('afterTransaction', see);
  try {
    Y.applyUpdate(doc, update);
  } finally {
    doc.off('afterTransaction', see);
  }
  return {
    changed:
      changed || doc.store.pendingStructs !== pendingStructs || doc.store.pendingDs !== pendingDs,
    integrated: changed,
    touched,
  };
}

/** Whether any client's clock moved on between two state vectors (new content was placed). */
function movedOn(before: Map<number, number>, after: Map<number, number>): boolean {
  for (const [client, clock] of after) if (before.get(client) !== clock) return true;
  return false;
}

/** Drops whatever a document holds waiting for changes it has not received. */
export function clearWaiting(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/** The client ids an update has content or deletions of (what an update that waits may need). */
export function clientsOf(decoded: ReturnType<typeof Y.decodeUpdate>): Set<number> {
  const clients = new Set<number>();
  for (const struct of decoded.structs) clients.add(struct.id.client);
  for (const client of decoded.ds.clients.keys()) clients.add(client);
  return clients;
}

/** Bytes of updates a document holds waiting for changes it has not received. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.length ?? 0) + (doc.store.pendingDs?.length ?? 0);
}

/** A close reason naming the first broken rule, within the 123 bytes a close frame allows. */
export function closeReason(problem: Problem, which: 'update' | 'an earlier' = 'update'): string {
  const text = `${which === 'update' ? 'update' : 'an earlier update'} breaks the map: ${problem.path}: ${problem.message}`;
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 123) return text;
  return `${new TextDecoder().decode(bytes.subarray(0, 119)).replace(/\uFFFD$/, '')}…`;
}

/**
 * The document's state without updates still waiting for a missing dependency: Yjs would
 * include those (perhaps forever, if an offender sent them), though nobody else was sent them.
 */
export function encodeApplied(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}
