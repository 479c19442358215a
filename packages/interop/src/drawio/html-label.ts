/*
 * The words of a draw.io label. With `html=1` (draw.io's default for new shapes) a label is
 * HTML: `Change status to<div>In Process</div>`, `Material&nbsp;<br>in stock?`, fonts and
 * colours. Only its text is wanted, so tags are dropped (a line break or block becomes a break)
 * and character references decoded; no HTML is ever rendered or kept.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  deg: '°',
  times: '×',
  laquo: '«',
  raquo: '»',
};

/** Decodes HTML character references; an unknown name is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const BREAK = /<br\s*\/?>|<\/?(div|p|li|ul|ol|tr|h[1-6]|table|blockquote)\b[^>]*>/gi;
const TAG = /<\/?[a-z][^>]*>|<!--[\s\S]*?-->/gi;

/**
 * The text of a label, its lines kept (trimmed, blank ones dropped). `html`: whether the cell's
 * style says its label is HTML; a plain label is taken as written.
 */
export function labelLines(value: string, html: boolean): string[] {
  const text = html ? decodeEntities(value.replace(BREAK, '\n').replace(TAG, '')) : value;
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** The text of a label on one line: its line breaks become spaces. */
export function labelText(value: string, html: boolean): string {
  return labelLines(value, html).join(' ');
}
