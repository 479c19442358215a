import Papa from 'papaparse';
import { type ImportRefusal, refuse } from '../imported';
import { checkSize, lineAndColumn } from '../xml-guard';
import { unquoteCell } from './formula-quote';

/*
 * A CSV file as a table of text cells, read by Papa Parse: RFC 4180 quoting (commas, quotes
 * and line breaks inside quoted cells), any line ending, the delimiter found from the first
 * rows (comma; semicolon, as Excel writes CSV where the decimal separator is a comma; tab),
 * a byte-order mark dropped. No value is converted or evaluated: every cell stays text, and
 * the single quote the export puts before a formula-like cell is taken off.
 */

export type Delimiter = ',' | ';' | '\t';

export interface Table {
  readonly delimiter: Delimiter;
  /** The header's cells, as written (quote taken off, a byte-order mark dropped). */
  readonly header: readonly string[];
  /** The header's row in the sheet, from 1. */
  readonly headerRow: number;
  /** The rows below the header with at least one non-blank cell. */
  readonly rows: readonly TableRow[];
}

export interface TableRow {
  /** The row's number in the sheet, from 1: the header is usually row 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The table of `text`, or why there is none. */
export function readTable(input: string): Table | ImportRefusal {
  const tooLarge = checkSize(input);
  if (tooLarge) return tooLarge;
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '')
    return refuse('empty', 'This file is empty: there are no rows to import.');
  // The delimiter is guessed from the first rows with blank lines left out (a blank line counts
  // as a row of one cell and would tip the guess to the comma); the file is then read whole,
  // blank lines kept, so that row numbers are the spreadsheet's.
  const guess = Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: 'greedy',
    preview: 10,
  });
  const delimiter = DELIMITERS.find((d) => d === guess.meta.delimiter) ?? ',';
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const at = unclosed.index === undefined ? undefined : lineAndColumn(text, unclosed.index);
    return refuse(
      'malformed',
      `A quoted cell${unclosed.row === undefined ? '' : ` in row ${unclosed.row + 1}`} is never closed: the rest of the file would be read as one cell. Check the quotes around it.`,
      at,
    );
  }
  let header: TableRow | undefined;
  const rows: TableRow[] = [];
  for (const [i, record] of parsed.data.entries()) {
    const cells = record.map((cell) => unquoteCell(String(cell)));
    if (blank(cells)) continue;
    if (header === undefined) header = { row: i + 1, cells };
    else rows.push({ row: i + 1, cells });
  }
  if (header === undefined) {
    return refuse('empty', 'This file has no rows, only blank lines.');
  }
  return { delimiter, header: header.cells, headerRow: header.row, rows };
}

export const isRefusal = (value: unknown): value is ImportRefusal =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;
