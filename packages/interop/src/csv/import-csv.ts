import { CURRENT_VERSION, FORMAT_NAME, formatProblem, validateMap } from '@procmap/model';
import { type Imported, type ImportNote, refuse } from '../imported';
import { problemNotes } from './problems';
import { type CsvImportOptions, readSheet, type SheetReading } from './read-sheet';

/*
 * A steps sheet to a map: one step per row, a lane per role named, the flows its next and
 * after columns name (or each row after the one above), and notes of everything approximated.
 * The map is checked by the validator like any file; if it fails nothing is created.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The notes of what the import did on the whole, then one per kind of problem. */
function notesOf(reading: SheetReading): ImportNote[] {
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
      `${plural(facts.byNumber, 'next or after cell', 'next or after cells')} read as step numbers (1 = the first step row).`,
    );
  }
  if (facts.formulas > 0) {
    note(
      'formulas-as-text',
      facts.formulas,
      `${plural(facts.formulas, 'cell', 'cells')} that a spreadsheet would run as a formula kept as plain text.`,
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

/**
 * A CSV sheet of steps to a map (docs/interop/csv.md), or a refusal: too large, empty, not
 * CSV, or no column that holds step labels (the message names the headers found).
 */
export function importCsv(text: string, options: CsvImportOptions = {}): Imported {
  const reading = readSheet(text, options);
  if (reading.refusal) return reading.refusal;
  const map = {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    title: options.title ?? '',
    ...(options.hoursPerDay === undefined && options.daysPerWeek === undefined
      ? {}
      : {
          settings: {
            ...(options.hoursPerDay === undefined ? {} : { hoursPerDay: options.hoursPerDay }),
            ...(options.daysPerWeek === undefined ? {} : { daysPerWeek: options.daysPerWeek }),
          },
        }),
    roles: reading.roles,
    steps: reading.steps,
    flows: reading.flows,
  };
  const checked = validateMap(map);
  if (!checked.ok) {
    const first = checked.problems.find((p) => p.severity === 'error') ?? checked.problems[0];
    return refuse(
      'invalid-map',
      `The sheet does not make a valid map: ${first ? formatProblem(first) : 'unknown problem'}.`,
    );
  }
  return { ok: true, format: 'csv', map: checked.map, notes: notesOf(reading) };
}
