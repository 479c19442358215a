/*
 * Which columns the grid's region shows only in part or not at all, scrolled sideways (a narrow
 * window, the properties panel open): the table names them beside the grid, so columns past
 * the edge are never a surprise. Pure: unit tested.
 */

/** Where a column is within the grid: its left edge and width, in CSS pixels. */
export interface ColumnSpan {
  readonly left: number;
  readonly width: number;
}

/** A column cut by less than this still counts as shown (borders, rounding). */
const SLACK = 2;

/** The columns, by index, hidden left and right of what the region shows. */
export function hiddenColumns(
  spans: readonly ColumnSpan[],
  scrollLeft: number,
  clientWidth: number,
): { readonly left: readonly number[]; readonly right: readonly number[] } {
  const left: number[] = [];
  const right: number[] = [];
  spans.forEach((s, i) => {
    if (s.left < scrollLeft - SLACK) left.push(i);
    else if (s.left + s.width > scrollLeft + clientWidth + SLACK) right.push(i);
  });
  return { left, right };
}

/** The words for the hidden columns, or "" when all show. */
export function hiddenWords(
  headers: readonly string[],
  hidden: { readonly left: readonly number[]; readonly right: readonly number[] },
): string {
  const names = (ids: readonly number[]) => ids.map((i) => headers[i]).join(', ');
  const parts: string[] = [];
  if (hidden.left.length > 0) parts.push(`← to the left: ${names(hidden.left)}`);
  if (hidden.right.length > 0) parts.push(`to the right: ${names(hidden.right)} →`);
  if (parts.length === 0) return '';
  return `More columns ${parts.join('; ')}. Scroll sideways, or move with the arrow keys.`;
}
