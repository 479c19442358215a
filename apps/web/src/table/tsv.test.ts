import { describe, expect, it } from 'vitest';
import { parseTsv } from './tsv';

describe('parseTsv: a block copied from a spreadsheet', () => {
  it('splits cells at tabs and rows at CRLF, without an empty row for the last line break', () => {
    expect(parseTsv('Nurse\tTriage\t10 min\r\nGP\tReview\t2 h\r\n')).toEqual([
      ['Nurse', 'Triage', '10 min'],
      ['GP', 'Review', '2 h'],
    ]);
  });

  it('takes LF and lone CR line breaks as well', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells, at the start, in the middle and at the end of a row', () => {
    expect(parseTsv('\tx\t\t\r\n')).toEqual([['', 'x', '', '']]);
  });

  it('reads a quoted cell with line breaks and doubled quotes as Excel writes it', () => {
    const text = 'Nurse\t"Check the form\nand the ""photo"""\t5\r\nGP\tSign\t1\r\n';
    expect(parseTsv(text)).toEqual([
      ['Nurse', 'Check the form\nand the "photo"', '5'],
      ['GP', 'Sign', '1'],
    ]);
  });

  it('turns CRLF inside a quoted cell into one line break', () => {
    expect(parseTsv('"one\r\ntwo"\tx')).toEqual([['one\ntwo', 'x']]);
  });

  it('treats a quote that does not close a cell as text', () => {
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
    expect(parseTsv('"quoted" then more\tx')).toEqual([['"quoted" then more', 'x']]);
    expect(parseTsv('"never closed\tx')).toEqual([['"never closed', 'x']]);
  });

  it('gives one cell for a single value and no rows for nothing', () => {
    expect(parseTsv('soon')).toEqual([['soon']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps a blank row between two rows', () => {
    expect(parseTsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });
});
