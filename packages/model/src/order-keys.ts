/*
 * Sortable lane order keys. Lane order is a number per role, sorted ascending with ties broken
 * by id, never a position in a shared list: moving a lane rewrites one field, which two people
 * can do at once without duplicating or losing the lane. A new key goes between its
 * neighbours; after ~50 splits of the same gap doubles run out of precision, and
 * `rebalanceOrders` renumbers the lanes.
 */

/** The gap left between lanes when keys are (re)numbered. */
export const ORDER_STEP = 1;

/** A key strictly between `before` and `after` (either may be absent), or undefined if none fits. */
export function orderBetween(before?: number, after?: number): number | undefined {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) {
    const key = (after as number) - ORDER_STEP;
    return key < (after as number) ? key : undefined; // false once the step is below precision
  }
  if (after === undefined) {
    const key = before + ORDER_STEP;
    return key > before ? key : undefined;
  }
  if (!(before < after)) return undefined;
  const mid = before + (after - before) / 2;
  return mid > before && mid < after ? mid : undefined;
}

/** Evenly spaced keys for `count` lanes, in order. */
export function rebalanceOrders(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i * ORDER_STEP);
}

/** Sorts lanes by order key, then id, so every replica shows the same order. */
export function compareOrder(
  a: { readonly order?: number; readonly id: string },
  b: { readonly order?: number; readonly id: string },
): number {
  const ao = a.order ?? 0;
  const bo = b.order ?? 0;
  if (ao !== bo) return ao - bo;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
