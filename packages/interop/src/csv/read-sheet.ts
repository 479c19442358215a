import { DEFAULT_SETTINGS, type Flow, type Role, type Step } from '@procmap/model';
import { type ImportRefusal, refuse } from '../imported';
import {
  type ColumnMatch,
  type ColumnOverrides,
  matchColumns,
  type UnitOverrides,
} from './columns';
import type { CsvField } from './fields';
import { placeRows } from './ids-and-roles';
import { linkSteps } from './link-steps';
import type { CsvProblem } from './problems';
import { readRows } from './read-rows';
import { type Delimiter, isRefusal, readTable, type Table } from './read-table';

/*
 * A steps sheet read from end to end, shared by the preview and the import: the table, which
 * field each column holds, a step for each row with its lane, and the flows between them,
 * with every problem found on the way. Lookups are built once, so 10,000 rows take no longer
 * than ten times 1,000.
 */

export interface CsvImportOptions {
  /** Which field a column holds, by header (matched generously) or place from 0; null: none. */
  readonly columns?: ColumnOverrides;
  /**
   * The unit of a time column's bare numbers ("s", "min", "h", "d", "w"), by header or place
   * from 0: over the unit its header names, and minutes when it names none.
   */
  readonly units?: UnitOverrides;
  /** The working day, for times in days: the map's hoursPerDay (default 7.5). */
  readonly hoursPerDay?: number;
  /** The working week, for times in weeks (default 5 days). */
  readonly daysPerWeek?: number;
  /** The new map's title (default ""). */
  readonly title?: string;
}

export interface SheetReading {
  readonly table?: Table;
  readonly delimiter?: Delimiter;
  readonly columns: readonly ColumnMatch[];
  readonly unknownOverrides: readonly string[];
  /** Why nothing can be imported, if so. */
  readonly refusal?: ImportRefusal;
  readonly roles: readonly Role[];
  readonly steps: readonly Step[];
  readonly flows: readonly Flow[];
  readonly problems: readonly CsvProblem[];
  readonly facts: SheetFacts;
}

/** What was done on the whole, for the notes. */
export interface SheetFacts {
  readonly rolesFromColumn: number;
  readonly roleColumn?: string;
  readonly chained: boolean;
  readonly addedStart: boolean;
  readonly addedEnd: boolean;
  readonly byNumber: number;
  /** The sheet's row of the first step (step number 1), for the note on step numbers. */
  readonly firstStepRow: number;
  readonly formulas: number;
  /** Steps of no kind with several next steps and a question for a label, made decisions. */
  readonly questionDecisions: number;
  /** Steps of no kind with several next steps otherwise: parallel work. */
  readonly parallel: number;
  /** Steps nothing leads to, beside the first, that the added start leads to (rows). */
  readonly extraEntries: readonly number[];
  /** Steps that lead nowhere, beside the last, joined to the added end (rows). */
  readonly extraExits: readonly number[];
}

const SAMPLE = 200;
const NO_FACTS: SheetFacts = {
  rolesFromColumn: 0,
  chained: false,
  addedStart: false,
  addedEnd: false,
  byNumber: 0,
  firstStepRow: 0,
  formulas: 0,
  questionDecisions: 0,
  parallel: 0,
  extraEntries: [],
  extraExits: [],
};
const nothing = { roles: [], steps: [], flows: [], problems: [], facts: NO_FACTS } as const;

/** Reads a steps sheet; `refusal` says why there is nothing to import. */
export function readSheet(text: string, options: CsvImportOptions = {}): SheetReading {
  const table = readTable(text);
  if (isRefusal(table)) return { columns: [], unknownOverrides: [], refusal: table, ...nothing };
  const values = (index: number) => {
    const out: string[] = [];
    for (const r of table.rows) {
      const cell = (r.cells[index] ?? '').trim();
      if (cell !== '') out.push(cell);
      if (out.length >= SAMPLE) break;
    }
    return out;
  };
  const { columns, unknownOverrides } = matchColumns(
    table.header,
    values,
    options.columns,
    options.units,
  );
  const base = { table, delimiter: table.delimiter, columns, unknownOverrides };
  const column = (field: CsvField) => columns.find((c) => c.field === field);
  if (!column('label')) {
    const found = table.header.map((h) => `"${h.trim()}"`).filter((h) => h !== '""');
    return {
      ...base,
      ...nothing,
      refusal: refuse(
        'not-recognised',
        `No column holds the steps' labels. The headers found are ${found.join(', ') || 'all blank'}; name one of them Step, Activity, Task, Label or Name, or choose it when importing.`,
        { line: table.headerRow },
      ),
    };
  }
  const problems: CsvProblem[] = [];
  const reader = { problems, formulas: 0 };
  const decimalComma = table.delimiter !== ',';
  const settings = {
    hoursPerDay: options.hoursPerDay ?? DEFAULT_SETTINGS.hoursPerDay,
    daysPerWeek: options.daysPerWeek ?? DEFAULT_SETTINGS.daysPerWeek,
    decimalComma,
  };
  const rows = readRows(table.rows, columns, settings, reader);
  if (rows.length === 0) {
    return {
      ...base,
      ...nothing,
      problems,
      refusal: refuse(
        'empty',
        `No row has a step label in the "${column('label')?.header.trim()}" column: there are no steps to import.`,
      ),
    };
  }
  const roleColumn = column('role') ?? column('roleId');
  const placed = placeRows(rows, problems, roleColumn !== undefined);
  const hasLinkColumns =
    (column('next') !== undefined || column('after') !== undefined) &&
    rows.some((r) => r.next.trim() !== '' || r.after.trim() !== '');
  const linked = linkSteps(rows, placed.steps, problems, {
    hasIdColumn: column('id') !== undefined,
    hasLinkColumns,
    decimalComma,
    headers: {
      ...(column('next') ? { next: column('next')?.header } : {}),
      ...(column('after') ? { after: column('after')?.header } : {}),
    },
  });
  problems.sort((a, b) => a.row - b.row);
  return {
    ...base,
    roles: placed.roles,
    steps: linked.steps,
    flows: linked.flows,
    problems,
    facts: {
      rolesFromColumn: placed.rolesFromColumn,
      ...(roleColumn ? { roleColumn: roleColumn.header.trim() } : {}),
      chained: linked.chained,
      addedStart: linked.addedStart,
      addedEnd: linked.addedEnd,
      byNumber: linked.byNumber,
      firstStepRow: rows[0]?.row ?? 0,
      formulas: reader.formulas,
      questionDecisions: linked.questionDecisions,
      parallel: linked.parallel,
      extraEntries: linked.extraEntries,
      extraExits: linked.extraExits,
    },
  };
}
