import type { StepId } from '@procmap/model';
import type { PasteProblem } from './table-paste';

/*
 * The cells a paste could not fill, marked in the grid while its problem list shows them: each
 * marked cell is described by its line of that list, and both go when that cell is saved,
 * another paste comes, or an undo or redo changes what the grid shows. Pure: unit tested.
 */

/** For each step, its refused cells: column (from 0) to the id of the problem's line. */
export type RefusedCells = ReadonlyMap<StepId, ReadonlyMap<number, string>>;

/** The id of a problem's line in the list, which the cell it was for names as its description. */
export const problemId = (p: PasteProblem) => `table-problem-${p.row}-${p.columnIndex}`;

/** The cells a paste's problems name; a value for a step that was not added marks nothing. */
export function refusedCells(problems: readonly PasteProblem[]): RefusedCells {
  const cells = new Map<StepId, Map<number, string>>();
  for (const p of problems) {
    if (p.step === undefined) continue;
    const row = cells.get(p.step) ?? new Map<number, string>();
    row.set(p.columnIndex, problemId(p));
    cells.set(p.step, row);
  }
  return cells;
}

/** The problems still to show once a cell is saved: the ones not about that cell. */
export function problemsLeft(
  problems: readonly PasteProblem[],
  step: StepId,
  column: number,
): readonly PasteProblem[] {
  const left = problems.filter((p) => !(p.step === step && p.columnIndex === column));
  return left.length === problems.length ? problems : left;
}
