import { COLLECTIONS } from '@procmap/doc';
import { MAX_NESTING, tooDeep } from '@procmap/model';
import * as Y from 'yjs';

/*
 * Repairs, at load, what a map stored before today's checks may hold and no tool can write out:
 * fields nested deeper than a file may nest (a file, its list, a record: three levels above a
 * record's field). Such a field made every read and export of the map fail; it is removed, in
 * one transaction, and the paths removed are returned for the log. Nothing else is touched.
 */

function tooDeepField(value: unknown, limit: number): boolean {
  if (value instanceof Y.AbstractType) {
    try {
      return tooDeep(value.toJSON(), limit) !== undefined;
    } catch {
      return true; // nested Yjs types so deep that reading them overflows the stack
    }
  }
  return tooDeep(value, limit) !== undefined;
}

/**
 * The fields of a Y.Map that hold a list, an object or a Yjs type (the only ones that can nest),
 * read from its items: a map of thousands of records is scanned at every load, and most fields
 * are text and numbers.
 */
function* nestingFields(map: Y.Map<unknown>): Generator<[string, unknown]> {
  for (const [key, item] of map._map) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentType) yield [key, content.type];
    else if (content instanceof Y.ContentAny) {
      const value = content.arr[content.arr.length - 1];
      if (typeof value === 'object' && value !== null) yield [key, value];
    }
  }
}

/** Removes over-deep fields from records and the map's own fields; returns their paths. */
export function removeTooDeepFields(doc: Y.Doc, origin: unknown): string[] {
  const found: [Y.Map<unknown>, string, string][] = [];
  for (const collection of COLLECTIONS) {
    for (const [id, record] of doc.getMap<unknown>(collection)) {
      if (!(record instanceof Y.Map)) continue;
      for (const [key, value] of nestingFields(record as Y.Map<unknown>)) {
        if (tooDeepField(value, MAX_NESTING - 3))
          found.push([record, key, `${collection}[${id}].${key}`]);
      }
    }
  }
  const meta = doc.getMap<unknown>('meta');
  for (const [key, value] of nestingFields(meta)) {
    if (tooDeepField(value, MAX_NESTING - 1)) found.push([meta, key, `map.${key}`]);
  }
  if (found.length > 0) {
    doc.transact(() => {
      for (const [map, key] of found) map.delete(key);
    }, origin);
  }
  return found.map(([, , path]) => path);
}
