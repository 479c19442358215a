/*
 * Undoing the CSV export's guard against formula injection. The export puts a single quote
 * before a text cell that a spreadsheet could run as a formula (OWASP's advice); the import
 * takes that quote off again, and only that one: a cell whose quote is followed by anything
 * that would not start a formula ("'tis the season") keeps its quote. A formula in a cell is
 * never evaluated: it is text, here and on the map.
 *
 * The test of "could start a formula" is the export's (packages/export/src/csv.ts); the two
 * are checked against each other by formula-quote.test.ts, since this pure package may not
 * depend on the export.
 */

/** A first character on OWASP's list. */
const FIRST_CHAR = /^[=+\-@\t\r\n\0]/;

/** What a spreadsheet may drop before it looks for a formula. */
const IGNORABLE = /^[\s\p{Cc}\p{Cf}]+/u;

const SIGNS = new Set(['=', '+', '-', '@']);

/** = + - @, their full-width and other compatibility forms, and ー (a double-byte minus). */
function isSign(char: string): boolean {
  return SIGNS.has(char) || SIGNS.has(char.normalize('NFKC')) || char === '\u30fc';
}

/** Whether a spreadsheet could take `text` for a formula. */
export function startsLikeFormula(text: string): boolean {
  if (FIRST_CHAR.test(text)) return true;
  const first = text.replace(IGNORABLE, '').codePointAt(0);
  return first !== undefined && isSign(String.fromCodePoint(first));
}

/** A cell as it was before the export quoted it; any other cell unchanged. */
export function unquoteCell(cell: string): string {
  return cell.startsWith("'") && startsLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}
