import type { ImportNote } from '../imported';

/*
 * What a sheet's rows get wrong, each with its row, and how those become the import's notes:
 * one note per kind of problem, counted, naming the first rows ("3 rows without a step label
 * skipped (rows 4, 7, 9)").
 */

export type CsvProblemCode =
  | 'no-label'
  | 'long-text'
  | 'duplicate-id'
  | 'unknown-kind'
  | 'bad-time'
  | 'bad-share'
  | 'bad-number'
  | 'unknown-value-class'
  | 'unknown-activity'
  | 'bad-variation'
  | 'unknown-step'
  | 'ambiguous-step'
  | 'mismatched-branches'
  | 'no-role';

export interface CsvProblem {
  readonly code: CsvProblemCode;
  /** The row in the sheet, from 1 (the header is usually row 1). */
  readonly row: number;
  /** The header of the column concerned, when one is. */
  readonly column?: string;
  readonly message: string;
}

/** What a kind of problem did, for `n` of them: "rows without a step label skipped". */
const OUTCOME: Readonly<Record<CsvProblemCode, (n: number) => string>> = {
  'no-label': (n) => `${rows(n)} without a step label skipped`,
  'long-text': (n) =>
    `${n} ${n === 1 ? 'name' : 'names'} over the length of a label cut (a step's label kept in full in its notes)`,
  'duplicate-id': (n) => `${n} repeated step ${n === 1 ? 'id' : 'ids'} replaced by new ones`,
  'unknown-kind': (n) => `${n} unknown step ${n === 1 ? 'kind' : 'kinds'} made tasks`,
  'bad-time': (n) => `${n} ${n === 1 ? 'time' : 'times'} not understood left empty`,
  'bad-share': (n) =>
    `${n} complete-and-accurate ${n === 1 ? 'share' : 'shares'} not understood left empty`,
  'bad-number': (n) => `${n} ${n === 1 ? 'number' : 'numbers'} not understood left empty`,
  'unknown-value-class': (n) => `${n} unknown value ${n === 1 ? 'class' : 'classes'} left empty`,
  'unknown-activity': (n) => `${n} unknown kinds of work left as work`,
  'bad-variation': (n) =>
    `${n} time ${n === 1 ? 'variation' : 'variations'} not understood left out`,
  'unknown-step': (n) =>
    `${n} next or previous ${n === 1 ? 'step names' : 'steps name'} no step: no flow drawn`,
  'ambiguous-step': (n) =>
    `${n} ${n === 1 ? 'reference names' : 'references name'} several steps of the same label: the first one taken`,
  'mismatched-branches': (n) =>
    `${rows(n)} whose flow labels or probabilities do not line up with the next steps: those left out`,
  'no-role': (n) => `${n} ${n === 1 ? 'step' : 'steps'} without a role put in Unassigned`,
};

const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

/** At most this many row numbers are named in a note. */
const ROWS_NAMED = 10;

/** The notes of a list of problems, one per code, in the order codes first appear. */
export function problemNotes(problems: readonly CsvProblem[]): ImportNote[] {
  const byCode = new Map<CsvProblemCode, number[]>();
  for (const p of problems) {
    const list = byCode.get(p.code) ?? [];
    list.push(p.row);
    byCode.set(p.code, list);
  }
  return [...byCode].map(([code, rowList]) => {
    const distinct = [...new Set(rowList)];
    const named = distinct.slice(0, ROWS_NAMED).join(', ');
    const more = distinct.length > ROWS_NAMED ? ` and ${distinct.length - ROWS_NAMED} more` : '';
    const where = `${distinct.length === 1 ? 'row' : 'rows'} ${named}${more}`;
    return { code, count: rowList.length, message: `${OUTCOME[code](rowList.length)} (${where}).` };
  });
}
