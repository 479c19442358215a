import { csvCell } from '@procmap/export';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { startsLikeFormula, unquoteCell } from './formula-quote';

/*
 * The import's test of "could start a formula" must be the export's, or a quote the export
 * added would stay on (or one a user typed would go): checked here cell by cell, through the
 * export's own csvCell.
 */

const CELLS = [
  '=HYPERLINK("http://x")',
  '+1+2',
  '-2+3',
  '@SUM(A1)',
  '\tTab',
  '\rCR',
  ' =1+1',
  '\n=1+1',
  '\u0000=1',
  '\u00a0=x',
  '\u3000=1+1',
  '\u200b=1',
  '\ufeff=1',
  '\uff1d1',
  '\uff0b1',
  '\uff0d1',
  '\uff20A',
  '\u30fc1',
  '\ufe66\u207a1',
  'plain',
  ' plain',
  'a = b',
  'ops@example.org',
  'データ入力',
  "'quoted",
  "'=already quoted",
  "''",
  '',
];

/** The one cell csvCell writes, read back by Papa Parse as the import reads it. */
const written = (text: string) =>
  Papa.parse<string[]>(csvCell(text), { delimiter: ',' }).data[0]?.[0] ?? '';

describe('unquoteCell', () => {
  it.each(CELLS)('gives back %j as the export wrote it', (text) => {
    const cell = written(text);
    expect(cell.startsWith("'") && !text.startsWith("'")).toBe(startsLikeFormula(text));
    if (!text.startsWith("'")) expect(unquoteCell(cell)).toBe(text);
  });

  it('keeps a quote that is not the export’s', () => {
    expect(unquoteCell("'tis")).toBe("'tis");
    expect(unquoteCell("'")).toBe("'");
    expect(unquoteCell("''=1")).toBe("''=1");
  });

  it('cannot tell a typed quote before a formula from the export’s: "\'=x" comes back as "=x"', () => {
    expect(written("'=x")).toBe("'=x");
    expect(unquoteCell("'=x")).toBe('=x');
  });
});
