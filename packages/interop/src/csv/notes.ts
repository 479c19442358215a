import type { ImportNote } from '../imported';
import { problemNotes } from './problems';
import type { SheetReading } from './read-sheet';

/*
 * What a sheet's import approximated, as notes: first what was done on the whole (roles made,
 * steps chained, a start or end added, step numbers read, decisions and parallel work told
 * from the flows), then one per kind of row problem. The preview and the import both use it,
 * so the review shows what the map will say.
 */

/** At most this many rows are named in a note. */
const ROWS_NAMED = 10;

const rowList = (rows: readonly number[]) => {
  const named = rows.slice(0, ROWS_NAMED).join(', ');
  const more = rows.length > ROWS_NAMED ? ` and ${rows.length - ROWS_NAMED} more` : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${named}${more}`;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The notes of what the import did on the whole, then one per kind of problem. */
export function notesOf(reading: SheetReading): ImportNote[] {
  const { facts } = reading;
  const notes: ImportNote[] = [];
  const note = (code: string, count: number, message: string) =>
    notes.push({ code, count, message });
  if (facts.roleColumn !== undefined && facts.rolesFromColumn > 0) {
    note(
      'roles-created',
      facts.rolesFromColumn,
      `${plural(facts.rolesFromColumn, 'role', 'roles')} created from the "${facts.roleColumn}" column.`,
    );
  }
  if (facts.roleColumn === undefined) {
    note(
      'no-role-column',
      reading.steps.length,
      'No column names the role: every step put in one role, Unassigned.',
    );
  }
  if (facts.chained) {
    note(
      'chained',
      Math.max(reading.flows.length, 1),
      'No next or previous steps given: each step follows the row above it.',
    );
  }
  if (facts.addedStart)
    note('start-added', 1, 'The sheet has no start step: one added before the first steps.');
  if (facts.addedEnd)
    note('end-added', 1, 'The sheet has no end step: one added after the last steps.');
  if (facts.byNumber > 0) {
    note(
      'step-numbers',
      facts.byNumber,
      `${plural(facts.byNumber, 'next or after cell', 'next or after cells')} read as step numbers: 1 is the first step row (the sheet's row ${facts.firstStepRow}), not the spreadsheet's row number.`,
    );
  }
  if (facts.formulas > 0) {
    note(
      'formulas-as-text',
      facts.formulas,
      `${plural(facts.formulas, 'cell', 'cells')} that a spreadsheet would run as a formula kept as plain text.`,
    );
  }
  if (facts.questionDecisions > 0) {
    note(
      'question-decisions',
      facts.questionDecisions,
      `${plural(facts.questionDecisions, 'step', 'steps')} with several next steps and a question for a name read as ${facts.questionDecisions === 1 ? 'a decision' : 'decisions'}.`,
    );
  }
  if (facts.parallel > 0) {
    note(
      'parallel-work',
      facts.parallel,
      `${plural(facts.parallel, 'step', 'steps')} with several next steps read as parallel work: give ${facts.parallel === 1 ? 'it' : 'them'} the kind decision if only one is taken.`,
    );
  }
  if (facts.extraExits.length > 0) {
    note(
      'leads-nowhere',
      facts.extraExits.length,
      `${plural(facts.extraExits.length, 'step', 'steps')} before the last ${facts.extraExits.length === 1 ? 'leads' : 'lead'} nowhere (${rowList(facts.extraExits)}): joined to the end. Give ${facts.extraExits.length === 1 ? 'it' : 'each'} a next step if the chain goes on.`,
    );
  }
  if (facts.extraEntries.length > 0) {
    note(
      'several-first-steps',
      facts.extraEntries.length + 1,
      `The start leads to ${facts.extraEntries.length + 1} steps, as nothing leads to ${rowList(facts.extraEntries)}: if ${facts.extraEntries.length === 1 ? 'it follows' : 'they follow'} another step, name ${facts.extraEntries.length === 1 ? 'it' : 'them'} in that step's next cell.`,
    );
  }
  const ignored = reading.columns.filter((c) => c.field === null && c.header.trim() !== '');
  if (ignored.length > 0) {
    note(
      'columns-ignored',
      ignored.length,
      `${plural(ignored.length, 'column', 'columns')} not used: ${ignored.map((c) => `"${c.header.trim()}"`).join(', ')}.`,
    );
  }
  if (reading.unknownOverrides.length > 0) {
    note(
      'unknown-columns-chosen',
      reading.unknownOverrides.length,
      `No column is called ${reading.unknownOverrides.map((k) => `"${k}"`).join(', ')}: that choice was not applied.`,
    );
  }
  return [...notes, ...problemNotes(reading.problems)];
}
