import { BOLD_WIDTHS, REGULAR_WIDTHS, type WidthRuns } from './font-metrics';

/*
 * Measuring and wrapping text with the bundled font's own widths, so a label wraps the same in
 * the SVG, the PDF and the report. Characters outside the table count as an average letter.
 */

export type FontWeight = 'normal' | 'bold';

const AVERAGE = 556;

function table(runs: WidthRuns): Map<number, number> {
  const out = new Map<number, number>();
  for (const [first, widths] of runs) {
    widths.forEach((w, i) => {
      out.set(first + i, w);
    });
  }
  return out;
}

const REGULAR = table(REGULAR_WIDTHS);
const BOLD = table(BOLD_WIDTHS);
/** ASCII widths in flat arrays: the hot path of wrapping thousands of labels. */
const ASCII_REGULAR = Float64Array.from({ length: 128 }, (_, c) => REGULAR.get(c) ?? AVERAGE);
const ASCII_BOLD = Float64Array.from({ length: 128 }, (_, c) => BOLD.get(c) ?? AVERAGE);

/** Width of `text` in user units at font `size`. */
export function textWidth(text: string, size: number, weight: FontWeight = 'normal'): number {
  const ascii = weight === 'bold' ? ASCII_BOLD : ASCII_REGULAR;
  const wide = weight === 'bold' ? BOLD : REGULAR;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) total += ascii[c] as number;
    else if (c >= 0xd800 && c <= 0xdbff) {
      total += AVERAGE;
      i++; // the low half of a surrogate pair is the same character
    } else total += wide.get(c) ?? AVERAGE;
  }
  return (total * size) / 1000;
}

/** Anything cleanText would change: most labels have none of it and are returned as they are. */
const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff]| {2}|^ | $/;

/**
 * Text as one printable line: control characters and line breaks become spaces, runs of
 * spaces collapse, and characters XML forbids (lone surrogates, U+FFFE/FFFF) are dropped.
 */
export function cleanText(text: string): string {
  if (typeof text === 'string' && !NEEDS_CLEANING.test(text)) return text;
  return (
    String(text)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/[\ufffe\uffff]/g, '')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

const ELLIPSIS = '…';

/** Cuts `text` to fit `width`, ending it with an ellipsis when anything was cut. */
export function truncate(text: string, width: number, size: number, weight?: FontWeight): string {
  if (textWidth(text, size, weight) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (textWidth(text.slice(0, mid) + ELLIPSIS, size, weight) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}${ELLIPSIS}`;
}

/**
 * Breaks `text` into lines no wider than `width` at spaces (a word longer than a line is cut
 * where it must be), at most `maxLines` of them; the last shown line ends in an ellipsis when
 * text was left out.
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  maxLines = Number.POSITIVE_INFINITY,
  weight: FontWeight = 'normal',
): string[] {
  const clean = cleanText(text);
  if (clean === '') return [];
  if (textWidth(clean, size, weight) <= width) return [clean];
  const lines: string[] = [];
  let line = '';
  const words = clean.split(' ');
  for (let w = 0; w < words.length; w++) {
    let word = words[w] as string;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, size, weight) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') {
      lines.push(line);
      line = '';
    }
    // A word wider than the line: cut it into pieces that fit.
    while (textWidth(word, size, weight) > width && word.length > 1) {
      let cut = word.length - 1;
      while (cut > 1 && textWidth(word.slice(0, cut), size, weight) > width) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
    if (lines.length >= maxLines) break;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const shown = lines.slice(0, maxLines);
  const last = shown[maxLines - 1] as string;
  shown[maxLines - 1] = truncate(`${last}${ELLIPSIS}`, width, size, weight);
  return shown;
}
