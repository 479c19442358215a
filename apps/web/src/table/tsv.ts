/*
 * Cells copied from a spreadsheet, as the clipboard's plain text holds them: a tab between
 * cells, a line break (CRLF from Excel, LF elsewhere) between rows, and one after the last row.
 * A cell holding a line break, a tab or a quote is written in double quotes, its quotes doubled
 * ("He said ""no""" is He said "no"). A quote that does not open such a cell is text.
 */

/** The rows of cells in a copied block; empty text is no rows. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    const quoted = text[at] === '"' ? readQuoted(text, at) : undefined;
    let cell: string;
    if (quoted) {
      cell = quoted.cell;
      at = quoted.end;
    } else {
      let end = at;
      while (end < n && text[end] !== '\t' && text[end] !== '\n' && text[end] !== '\r') end++;
      cell = text.slice(at, end);
      at = end;
    }
    row.push(cell);
    if (at >= n) {
      rows.push(row);
      break;
    }
    if (text[at] === '\t') {
      at++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR ends the row.
    at += text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    // The break after the last row is not an empty row of its own.
    if (at >= n) break;
  }
  return rows;
}

/**
 * A quoted cell starting at `start`: its text and where it ends, or undefined when the quote
 * does not close right before a tab, a line break or the end (then it is plain text).
 */
function readQuoted(text: string, start: number): { cell: string; end: number } | undefined {
  let cell = '';
  let at = start + 1;
  while (at < text.length) {
    const c = text[at];
    if (c === '"') {
      if (text[at + 1] === '"') {
        cell += '"';
        at += 2;
        continue;
      }
      const next = text[at + 1];
      if (next === undefined || next === '\t' || next === '\n' || next === '\r') {
        return { cell: cell.replace(/\r\n?/g, '\n'), end: at + 1 };
      }
      return undefined;
    }
    cell += c;
    at++;
  }
  return undefined;
}
