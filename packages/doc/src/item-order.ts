import type * as Y from 'yjs';

/**
 * Creation order of a key of a Y.Map: the id of the Item that put it there (clock, then
 * client). An order every replica agrees on, which keeps a file's order on import and each
 * client's own records in the order it created them (see docs/adr/0002).
 */
export function itemOrder<T>(map: Y.Map<T>, key: string): [number, number] {
  const item = map._map.get(key);
  return item ? [item.id.clock, item.id.client] : [0, 0];
}
