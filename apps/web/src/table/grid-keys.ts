/*
 * Moving around the table's grid by keyboard, as the ARIA grid pattern has it: arrows one cell,
 * Home and End to the row's ends, Ctrl+Home and Ctrl+End to the grid's corners, Page Up and Page
 * Down ten rows. Row 0 is the header row (its cells sort); rows 1… are the steps. Pure.
 */

/** A cell of the grid: row 0 is the headers. */
export interface GridCell {
  readonly row: number;
  readonly column: number;
}

/** How big the grid is: its data rows (beside the header row) and columns. */
export interface GridSize {
  readonly rows: number;
  readonly columns: number;
}

const PAGE = 10;

/** The cell a navigation key moves to, or undefined when the key does not move. */
export function moveFrom(
  at: GridCell,
  press: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey?: boolean },
  size: GridSize,
): GridCell | undefined {
  const lastRow = size.rows;
  const lastColumn = size.columns - 1;
  const mod = press.ctrlKey || press.metaKey === true;
  const to = (row: number, column: number): GridCell => ({
    row: Math.max(0, Math.min(lastRow, row)),
    column: Math.max(0, Math.min(lastColumn, column)),
  });
  switch (press.key) {
    case 'ArrowUp':
      return to(at.row - 1, at.column);
    case 'ArrowDown':
      return to(at.row + 1, at.column);
    case 'ArrowLeft':
      return to(at.row, at.column - 1);
    case 'ArrowRight':
      return to(at.row, at.column + 1);
    case 'Home':
      return mod ? to(0, 0) : to(at.row, 0);
    case 'End':
      return mod ? to(lastRow, lastColumn) : to(at.row, lastColumn);
    case 'PageUp':
      return to(at.row - PAGE, at.column);
    case 'PageDown':
      return to(at.row + PAGE, at.column);
    default:
      return undefined;
  }
}

/**
 * Where an edit committed with Tab (or Shift+Tab) goes: the next cell to the right (left),
 * wrapping to the next (previous) step's first (last) cell; it stays at the grid's ends.
 */
export function tabFrom(at: GridCell, back: boolean, size: GridSize): GridCell {
  const lastColumn = size.columns - 1;
  if (!back) {
    if (at.column < lastColumn) return { row: at.row, column: at.column + 1 };
    return at.row < size.rows ? { row: at.row + 1, column: 0 } : at;
  }
  if (at.column > 0) return { row: at.row, column: at.column - 1 };
  return at.row > 1 ? { row: at.row - 1, column: lastColumn } : at;
}

/** Where an edit committed with Enter goes: the cell below (staying on the last row). */
export function enterFrom(at: GridCell, size: GridSize): GridCell {
  return { row: Math.min(size.rows, at.row + 1), column: at.column };
}
