import type { ImportNote, ImportRefusal } from '../imported';
import type { UnitSource } from './columns';
import type { CsvField } from './fields';
import { notesOf } from './notes';
import type { CsvProblem } from './problems';
import type { Delimiter } from './read-table';
import { type CsvImportOptions, readSheet } from './read-sheet';
import type { TimeUnit } from './times';

/*
 * How a sheet would be imported, before anything is created: each column with the field it
 * was matched to (a time column with the unit of its bare numbers) and a few of its values,
 * the notes the import would give, the rows' problems with their row numbers, and the
 * reason it would be refused, if it would. The editor shows this and lets the user choose a
 * column's field again (the `columns` option); the import then reads the sheet the same way.
 */

export interface CsvPreviewColumn {
  /** The column's place, from 0. */
  readonly index: number;
  readonly header: string;
  /** The field its values go to, or null: ignored. */
  readonly field: CsvField | null;
  /** For a time column: the unit its bare numbers are read in (minutes unless said). */
  readonly unit?: TimeUnit;
  /** Whether that unit was chosen by the caller, named by the header, or the default. */
  readonly unitFrom?: UnitSource;
  /** Whether the caller chose the field (else it was matched from the header). */
  readonly chosen: boolean;
  /** The first few non-blank values, as written. */
  readonly samples: readonly string[];
}

export interface CsvPreview {
  /** The cell separator found: comma, semicolon or tab; absent when the file is unreadable. */
  readonly delimiter?: Delimiter;
  /** Rows below the header with anything in them. */
  readonly rowCount: number;
  readonly columns: readonly CsvPreviewColumn[];
  /** The first problems, by row (at most PREVIEW_PROBLEMS). */
  readonly problems: readonly CsvProblem[];
  /** How many problems there are in all. */
  readonly problemCount: number;
  /** Steps, lanes and flows the import would create (start and end added included). */
  readonly counts: { readonly steps: number; readonly roles: number; readonly flows: number };
  /** What the import would approximate: the notes the import gives, in the same words. */
  readonly notes: readonly ImportNote[];
  /** Choices in `columns` or `units` that name no column. */
  readonly unknownOverrides: readonly string[];
  /** Why the import would refuse this file, if it would. */
  readonly refusal?: ImportRefusal;
}

/** The most problems a preview lists; `problemCount` counts them all. */
export const PREVIEW_PROBLEMS = 200;

const SAMPLES = 3;

/** How `importCsv` would read this sheet with these options. */
export function previewCsv(text: string, options: CsvImportOptions = {}): CsvPreview {
  const reading = readSheet(text, options);
  const rows = reading.table?.rows ?? [];
  const columns = reading.columns.map((c): CsvPreviewColumn => {
    const samples: string[] = [];
    for (const r of rows) {
      const cell = r.cells[c.index] ?? '';
      if (cell.trim() !== '') samples.push(cell);
      if (samples.length >= SAMPLES) break;
    }
    return { ...c, samples };
  });
  return {
    ...(reading.delimiter === undefined ? {} : { delimiter: reading.delimiter }),
    rowCount: rows.length,
    columns,
    problems: reading.problems.slice(0, PREVIEW_PROBLEMS),
    problemCount: reading.problems.length,
    counts: {
      steps: reading.steps.length,
      roles: reading.roles.length,
      flows: reading.flows.length,
    },
    notes: reading.refusal ? [] : notesOf(reading),
    unknownOverrides: reading.unknownOverrides,
    ...(reading.refusal ? { refusal: reading.refusal } : {}),
  };
}
