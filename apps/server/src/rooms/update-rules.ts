import { COLLECTIONS, type Collection, docMaps } from '@procmap/doc';
import { checkRecord, type Problem } from '@procmap/model';
import * as Y from 'yjs';

/*
 * The map's rules, checked on what one client update touched. A Yjs update can write anything
 * a Y.Doc can hold — a title that is a number, a negative wait, a step kind nobody knows — and
 * the room would store it and relay it to everyone, then fail to give back a valid file. So
 * each record the update changed (a role, step, flow or comment, or the map's own fields) is
 * checked against the file format once the update is applied to the room's scratch copy; an
 * update that breaks one is refused like one that does not apply. Cost: the records touched,
 * never the whole map.
 */

/** What one transaction changed: the records (collection + id) and whether the map's own fields. */
export interface Touched {
  readonly records: Map<Collection, Set<string>>;
  header: boolean;
}

/** The records and header a transaction on `doc` changed, nested types traced to their record. */
export function touchedBy(doc: Y.Doc, tr: Y.Transaction): Touched {
  const maps = docMaps(doc);
  const tops = new Map<unknown, Collection>(COLLECTIONS.map((name) => [maps[name], name]));
  const meta: unknown = maps.meta;
  const touched: Touched = { records: new Map(), header: false };
  const add = (collection: Collection, id: string) => {
    const ids = touched.records.get(collection) ?? new Set<string>();
    touched.records.set(collection, ids);
    ids.add(id);
  };
  for (const [type, keys] of tr.changed) {
    if (type === meta) {
      touched.header = true;
      continue;
    }
    const top = tops.get(type);
    if (top) {
      for (const key of keys) if (key !== null) add(top, key);
      continue;
    }
    // A nested type (a record, its votes or replies, the settings): climb to what holds it.
    let child: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
    for (;;) {
      const item = child._item;
      const parent = item?.parent;
      if (!item || !(parent instanceof Y.AbstractType)) break;
      if (parent === meta) {
        touched.header = true;
        break;
      }
      const holder = tops.get(parent);
      if (holder) {
        if (typeof item.parentSub === 'string') add(holder, item.parentSub);
        break;
      }
      child = parent as Y.AbstractType<unknown>;
    }
  }
  return touched;
}

/**
 * Problems with the touched records as they now are in `doc`. Deleted records are fine. With
 * `partial` (part of the update still waits for a missing dependency), a missing field is not
 * a problem: the rest of the record may be in what is still to come.
 */
export function touchedProblems(doc: Y.Doc, touched: Touched, partial: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const [collection, ids] of touched.records) {
    const map = doc.getMap<unknown>(collection);
    for (const id of ids) {
      if (!map.has(id)) continue;
      const at = `${collection}[${id}]`;
      const record = map.get(id);
      if (!(record instanceof Y.Map)) {
        problems.push({
          path: at,
          code: 'wrong-type',
          message: 'a record must be a map of its fields',
          severity: 'error',
        });
        continue;
      }
      const value = record.toJSON() as Record<string, unknown>;
      problems.push(...checkRecord(collection, value, at)); // record kinds are named as the lists
      if (value.id !== undefined && value.id !== id) {
        problems.push({
          path: `${at}.id`,
          code: 'bad-value',
          message: `must be the record's key "${id}"`,
          severity: 'error',
        });
      }
    }
  }
  if (touched.header) {
    const meta = doc.getMap<unknown>('meta').toJSON();
    problems.push(...checkRecord('header', meta, 'map'));
  }
  return partial ? problems.filter((p) => p.code !== 'missing') : problems;
}
