import type { StepPatch } from '@procmap/doc';
import type { RoleId, Step, StepId } from '@procmap/model';
import { type CellContext, COLUMNS, changes, parseCell } from './table-columns';

/*
 * What a block pasted into the table does, worked out before anything is written: the cells it
 * changes on the steps shown, the steps it adds below the last row, and the values it could not
 * read. Pure, so the paste is planned (and tested) whole and then written as one edit.
 */

/** A value a paste could not read, said as the summary says it. */
export interface PasteProblem {
  /** The row, counted from 1 as the table shows it (rows past the last are new steps). */
  readonly row: number;
  readonly column: string;
  readonly text: string;
  readonly message: string;
  /** The column's place among COLUMNS, from 0. */
  readonly columnIndex: number;
  /** The step the value was for: a shown row's step... */
  readonly step?: StepId;
  /** ...or the step the paste adds, by its place among the plan's `creates`. */
  readonly create?: number;
}

/** A step the paste changes. */
export interface PasteUpdate {
  readonly id: StepId;
  readonly patch: StepPatch;
  /** Its new lane, when the role column changed it. */
  readonly role?: RoleId;
}

/** A step the paste adds, in its lane, with the values pasted for it. */
export interface PasteCreate {
  readonly roleId: RoleId;
  readonly patch: StepPatch;
}

export interface PastePlan {
  readonly updates: readonly PasteUpdate[];
  readonly creates: readonly PasteCreate[];
  /** Cells whose value the paste changes on existing steps. */
  readonly cellsUpdated: number;
  readonly problems: readonly PasteProblem[];
  /** Pasted columns beyond the table's last, left out. */
  readonly columnsLeftOut: number;
  /** Rows past the last step that could not be added: the process has no lane. */
  readonly rowsLeftOut: number;
}

/** Where a paste starts: the focused cell's step row and column. */
export interface PasteStart {
  /** The row's index among the steps shown, from 0 (a paste on a header starts at 0). */
  readonly row: number;
  readonly column: number;
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * The plan for pasting `cells` at `start` over `rows` (the table's rows, in the order shown).
 * Values fill the cells to the right and below; rows past the last step become new steps, in
 * the lane the role column names if it was pasted, else the lane of the row above. A blank cell
 * empties the value (as a paste in a spreadsheet does), except a role or kind, which stay.
 */
export function planPaste(
  cells: readonly (readonly string[])[],
  start: PasteStart,
  rows: readonly Step[],
  ctx: CellContext,
): PastePlan {
  const updates: PasteUpdate[] = [];
  const creates: PasteCreate[] = [];
  const problems: PasteProblem[] = [];
  let cellsUpdated = 0;
  let rowsLeftOut = 0;
  let columnsLeftOut = 0;
  let roleAbove: RoleId | undefined = rows[start.row - 1]?.roleId;

  cells.forEach((line, r) => {
    const at = start.row + r;
    const step = rows[at];
    const used = line.slice(0, Math.max(0, COLUMNS.length - start.column));
    columnsLeftOut = Math.max(columnsLeftOut, line.length - used.length);
    if (!step && blank(used)) return;
    let patch: StepPatch = {};
    let role: RoleId | undefined;
    const refused: PasteProblem[] = [];
    used.forEach((text, c) => {
      const column = COLUMNS[start.column + c]!;
      const keeps = !column.clearable && text.trim() === '';
      if (keeps) return;
      const write = parseCell(column.id, text, step, ctx);
      if (!write.ok) {
        refused.push({
          row: at + 1,
          column: column.header,
          text: text.trim(),
          message: write.message,
          columnIndex: start.column + c,
          ...(step ? { step: step.id } : {}),
        });
        return;
      }
      if (step && !changes(write, step)) return;
      if ('role' in write) role = write.role;
      else patch = { ...patch, ...write.patch };
      if (step) cellsUpdated++;
    });
    if (step) {
      problems.push(...refused);
      if (role !== undefined || Object.keys(patch).length > 0) {
        updates.push({ id: step.id, patch, ...(role !== undefined ? { role } : {}) });
      }
      roleAbove = role ?? step.roleId;
      return;
    }
    const lane = role ?? roleAbove ?? ctx.roles[0]?.id;
    if (lane === undefined) {
      problems.push(...refused);
      rowsLeftOut++;
      return;
    }
    problems.push(...refused.map((p) => ({ ...p, create: creates.length })));
    creates.push({ roleId: lane, patch });
    roleAbove = lane;
  });
  return { updates, creates, cellsUpdated, problems, columnsLeftOut, rowsLeftOut };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary of a paste: "Updated 12 cells, added 3 steps; 1 value not understood: row 4 Wait before “soon”." */
export function pasteSummary(plan: PastePlan): string {
  const done: string[] = [];
  if (plan.cellsUpdated > 0) done.push(`updated ${plural(plan.cellsUpdated, 'cell')}`);
  if (plan.creates.length > 0) done.push(`added ${plural(plan.creates.length, 'step')}`);
  let text = done.length ? done.join(', ') : 'nothing changed';
  text = text[0]!.toUpperCase() + text.slice(1);
  const notes: string[] = [];
  const problems = plan.problems;
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 3)
      .map((p) => `row ${p.row} ${p.column} “${p.text}”`)
      .join(', ');
    const more = problems.length > 3 ? ` and ${problems.length - 3} more` : '';
    const what = problems.length === 1 ? 'value not understood' : 'values not understood';
    notes.push(`${problems.length} ${what}: ${shown}${more}`);
  }
  if (plan.rowsLeftOut > 0) {
    notes.push(`${plural(plan.rowsLeftOut, 'row')} not added: add a lane first`);
  }
  if (plan.columnsLeftOut > 0) {
    notes.push(`${plural(plan.columnsLeftOut, 'column')} past the last left out`);
  }
  return `${[text, ...notes].join('; ')}.`;
}
