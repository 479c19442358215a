import type { MapGeometry } from '@procmap/layout';
import type { Step, StepId } from '@procmap/model';
import { type CellContext, type ColumnId, cellText, columnOf } from './table-columns';

/*
 * The order of the table's rows: the flow's by default (where the map draws each step: left to
 * right along the flow, lanes top to bottom within a column, as the outline reads them), or by
 * a column the user clicked. The sort is this tab's view only, never written to the map.
 */

export type SortDirection = 'ascending' | 'descending';

/** How the rows are sorted: by a column, or (null) in flow order. */
export type TableSort = { readonly column: ColumnId; readonly direction: SortDirection } | null;

/**
 * The steps in flow order: by where the map draws them (x, then y). Steps the map does not draw
 * (no lane) come last, in the document's order.
 */
export function flowOrder(steps: readonly Step[], geometry: MapGeometry): Step[] {
  const at = new Map<StepId, { x: number; y: number }>();
  for (const box of geometry.steps) at.set(box.step.id, { x: box.x, y: box.y });
  const place = new Map<Step, number>(steps.map((s, i) => [s, i]));
  return [...steps].sort((a, b) => {
    const pa = at.get(a.id);
    const pb = at.get(b.id);
    if (pa && pb) return pa.x - pb.x || pa.y - pb.y || place.get(a)! - place.get(b)!;
    if (pa || pb) return pa ? -1 : 1;
    return place.get(a)! - place.get(b)!;
  });
}

/** A step's value in a column as a sort key: a number (times, percentages) or words. */
function sortKey(column: ColumnId, step: Step, ctx: CellContext): number | string | undefined {
  switch (column) {
    case 'processTime':
      return step.processTime;
    case 'waitTime':
      return step.waitTime;
    case 'completeAccurate':
      return step.completeAccurate;
    default: {
      const text = cellText(column, step, ctx).trim();
      return text === '' ? undefined : text;
    }
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The rows sorted by `sort`, from rows in flow order. Empty cells go last either way; equal
 * values keep their flow order, so a second click reverses the values, not the ties.
 */
export function sortRows(rows: readonly Step[], sort: TableSort, ctx: CellContext): Step[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const numeric = columnOf(sort.column).numeric;
  const keyed = rows.map((step, i) => ({ step, i, key: sortKey(sort.column, step, ctx) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      return a.key === b.key ? a.i - b.i : a.key === undefined ? 1 : -1;
    }
    const by = numeric
      ? (a.key as number) - (b.key as number)
      : collator.compare(String(a.key), String(b.key));
    return by * sign || a.i - b.i;
  });
  return keyed.map((k) => k.step);
}

/** The sort after a click on a column's header: ascending, then descending, then flow order. */
export function nextSort(sort: TableSort, column: ColumnId): TableSort {
  if (sort?.column !== column) return { column, direction: 'ascending' };
  return sort.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/**
 * Keeps the rows where they were while a cell is being edited: a colleague's edit (or one's own
 * new sort key) must not move the row under the user's fingers. Rows still there keep their
 * place; new ones go at the end in their new order; gone ones leave.
 */
export function keepOrder(previous: readonly StepId[], rows: readonly Step[]): Step[] {
  const byId = new Map(rows.map((s) => [s.id, s]));
  const kept = previous.map((id) => byId.get(id)).filter((s): s is Step => s !== undefined);
  const had = new Set(previous);
  return [...kept, ...rows.filter((s) => !had.has(s.id))];
}
