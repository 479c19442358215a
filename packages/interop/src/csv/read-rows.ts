import { MAX_LABEL_LENGTH, type StepKind, type TimeVariation } from '@procmap/model';
import type { ColumnMatch } from './columns';
import { startsLikeFormula } from './formula-quote';
import type { CsvField } from './fields';
import type { CsvProblem } from './problems';
import type { TableRow } from './read-table';
import { parseTime, type TimeSettings } from './times';
import {
  activityOf,
  kindOf,
  listOf,
  numberOf,
  placesOf,
  shareOf,
  trimBlanks,
  valueClassOf,
  variationOf,
} from './values';

/*
 * One step from each row: its cells read by the fields their columns hold. A cell that cannot
 * be read is left out and reported with its row; a row without a label is skipped. Nothing
 * here refers to another row: ids, roles and flows are settled afterwards.
 */

export interface StepRow {
  readonly row: number;
  /** The id cell, trimmed; empty when the sheet gives none. */
  readonly id: string;
  readonly role: string;
  readonly roleId: string;
  /** The lane's place from the top, when the sheet gives one. */
  readonly roleOrder?: number;
  readonly kind: StepKind;
  /** Whether the sheet gave the step's kind (else it is a task until its flows say otherwise). */
  readonly kindGiven: boolean;
  readonly label: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly next: string;
  readonly after: string;
  readonly nextLabels: readonly string[];
  readonly nextProbabilities: readonly string[];
}

export interface RowReader {
  readonly problems: CsvProblem[];
  /** Text cells a spreadsheet would take for formulas, kept as text. */
  formulas: number;
}

/** A name cut to the label cap at a character boundary, and whether it was cut. */
function capped(text: string): [string, boolean] {
  if (text.length <= MAX_LABEL_LENGTH) return [text, false];
  let cut = text.slice(0, MAX_LABEL_LENGTH);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return [cut, true];
}

/** Reads the rows of a table into steps. */
export function readRows(
  rows: readonly TableRow[],
  columns: readonly ColumnMatch[],
  settings: TimeSettings,
  reader: RowReader,
): StepRow[] {
  const at = new Map<CsvField, ColumnMatch>();
  for (const c of columns) if (c.field !== null) at.set(c.field, c);
  const out: StepRow[] = [];
  for (const { row, cells } of rows) {
    const problem = (code: CsvProblem['code'], field: CsvField, message: string) =>
      reader.problems.push({ code, row, column: at.get(field)?.header ?? field, message });
    const cell = (field: CsvField) => {
      const c = at.get(field);
      return c === undefined ? '' : (cells[c.index] ?? '');
    };
    const text = (field: CsvField) => {
      const value = cell(field);
      if (startsLikeFormula(value)) reader.formulas += 1;
      return value;
    };
    const fullLabel = trimBlanks(text('label'));
    if (fullLabel.trim() === '') {
      problem('no-label', 'label', `Row ${row} has no step label: skipped.`);
      continue;
    }
    const [label, cut] = capped(fullLabel);
    const fields: Record<string, unknown> = {};
    let notes = text('notes');
    if (cut) {
      problem(
        'long-text',
        'label',
        `Row ${row}'s label is longer than ${MAX_LABEL_LENGTH} characters: cut, in full in the notes.`,
      );
      notes = notes === '' ? fullLabel : `${fullLabel}\n\n${notes}`;
    }
    if (notes.trim() !== '') fields.notes = notes;

    const kindCell = cell('kind').trim();
    const kind = kindCell === '' ? 'task' : kindOf(kindCell);
    if (kind === undefined)
      problem(
        'unknown-kind',
        'kind',
        `Row ${row}: "${kindCell}" is not a kind of step (start, task, decision, delay, end): made a task.`,
      );

    for (const field of ['processTime', 'waitTime'] as const) {
      const value = cell(field);
      if (value.trim() === '') continue;
      const time = parseTime(value, at.get(field)?.unit, settings);
      if (time.ok) fields[field] = time.minutes;
      else
        problem(
          'bad-time',
          field,
          `Row ${row}: "${value.trim()}" is not a time (e.g. 10, 10 min, 2 h, 1.5 d, 00:30): left empty.`,
        );
    }
    const valueCell = cell('valueClass').trim();
    if (valueCell !== '') {
      const value = valueClassOf(valueCell);
      if (value) fields.valueClass = value;
      else
        problem(
          'unknown-value-class',
          'valueClass',
          `Row ${row}: "${valueCell}" is not a value class (value-adding, necessary, waste; VA, NNVA, NVA): left empty.`,
        );
    }
    const activityCell = cell('activity').trim();
    if (activityCell !== '') {
      const activity = activityOf(activityCell);
      if (activity) fields.activity = activity;
      else
        problem(
          'unknown-activity',
          'activity',
          `Row ${row}: "${activityCell}" is not a kind of work (work, approval, inspection, transport): left as work.`,
        );
    }
    const shareCell = cell('completeAccurate').trim();
    if (shareCell !== '') {
      const share = shareOf(shareCell, settings.decimalComma);
      if (share !== undefined) fields.completeAccurate = share;
      else
        problem(
          'bad-share',
          'completeAccurate',
          `Row ${row}: "${shareCell}" is not a share (e.g. 90%, 0.9): left empty.`,
        );
    }
    const batchCell = cell('batchSize').trim();
    if (batchCell !== '') {
      const batch = numberOf(batchCell, settings.decimalComma);
      if (batch !== undefined && batch > 0) fields.batchSize = batch;
      else
        problem(
          'bad-number',
          'batchSize',
          `Row ${row}: "${batchCell}" is not a batch size above 0: left empty.`,
        );
    }
    for (const field of ['dataEntered', 'systems'] as const) {
      const items = listOf(text(field)).map((item) => capped(item)[0]);
      if (items.length > 0) fields[field] = items;
    }
    for (const field of ['processVariation', 'waitVariation'] as const) {
      const value = cell(field).trim();
      if (value === '') continue;
      const variation: TimeVariation | undefined = variationOf(value);
      if (variation) fields[field] = variation;
      else
        problem(
          'bad-variation',
          field,
          `Row ${row}: "${value}" is not a time variation (e.g. triangular min=5 max=30): left out.`,
        );
    }
    const [role, roleCut] = capped(trimBlanks(text('role')));
    if (roleCut)
      problem(
        'long-text',
        'role',
        `Row ${row}'s role is longer than ${MAX_LABEL_LENGTH} characters: cut.`,
      );
    const orderCell = cell('roleOrder').trim();
    const roleOrder = orderCell === '' ? undefined : Number(orderCell);
    if (roleOrder !== undefined && !Number.isFinite(roleOrder)) {
      problem(
        'bad-number',
        'roleOrder',
        `Row ${row}: "${orderCell}" is not a lane's place: left out.`,
      );
    }
    out.push({
      row,
      ...(roleOrder !== undefined && Number.isFinite(roleOrder) ? { roleOrder } : {}),
      id: trimBlanks(cell('id')),
      role,
      roleId: trimBlanks(cell('roleId')),
      kind: kind ?? 'task',
      kindGiven: kindCell !== '',
      label,
      fields,
      next: cell('next'),
      after: cell('after'),
      nextLabels: placesOf(cell('nextLabels')),
      nextProbabilities: placesOf(cell('nextProbabilities')),
    });
  }
  return out;
}
