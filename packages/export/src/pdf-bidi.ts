import bidiFactory from 'bidi-js';

/*
 * A PDF draws glyphs left to right where they are put: unlike a browser, it orders nothing. A
 * line that mixes right-to-left letters (Hebrew, Arabic) with others is therefore split here,
 * with the Unicode bidirectional algorithm, into runs in the order they are seen, each run in one
 * direction and one font, kept in the order it was typed so that a shaper can join its letters.
 */

const bidi = bidiFactory();

/** A piece of a line in one direction and one font, its characters in the order typed. */
export interface BidiRun {
  /** The run's text as typed (mirrored brackets swapped in right-to-left runs). */
  readonly text: string;
  readonly rtl: boolean;
  /** Which font sets it: the index `fontFor` gave. */
  readonly font: number;
}

/** Right-to-left letters, or characters that steer the bidi algorithm: such text needs it. */
const BIDI =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud802\ud803\ud83a\ud83b]/;

/** Whether a line has anything the bidi algorithm would reorder. */
export function hasBidi(text: string): boolean {
  return BIDI.test(text);
}

/** Marks that only steer the algorithm: they take part in it, then draw nothing. */
const CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Picks the font for a character: an index, or -1 when no font has it. `previous` is the font
 * of the character before, so spaces, punctuation and accents can stay in the font of the
 * letters around them.
 */
export type FontChooser = (codePoint: number, previous: number) => number;

/** What stands in for a character no font can draw: never a box. */
export const MISSING = '?';

/**
 * Splits one line into runs in visual order (left to right on the page). The paragraph
 * direction is left to right unless `base` says otherwise — as the SVG and the editor draw a
 * label — so "Call 111 then קבלה" reads the same in every export. Characters no font has
 * become MISSING in font 0; direction controls are left out.
 */
export function visualRuns(
  text: string,
  fontFor: FontChooser,
  base: 'ltr' | 'rtl' | 'auto' = 'ltr',
): BidiRun[] {
  if (text === '') return [];
  const embedding = bidi.getEmbeddingLevels(text, base);
  const levels = embedding.levels;
  const mirrored = bidi.getMirroredCharactersMap(text, levels);
  // Where each character lands, counted from the left.
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const [from, to] of bidi.getReorderSegments(text, embedding)) {
    for (let a = from as number, b = to as number; a < b; a++, b--) {
      const t = order[a] as number;
      order[a] = order[b] as number;
      order[b] = t;
    }
  }
  const seat = new Int32Array(text.length);
  order.forEach((logical, visual) => {
    seat[logical] = visual;
  });

  const runs: { text: string; level: number; font: number; seat: number }[] = [];
  let previous = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const width = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    if (!CONTROL.test(ch)) {
      const level = levels[i] as number;
      const rtl = (level & 1) === 1;
      const chosen = fontFor(cp, previous);
      const font = Math.max(0, chosen);
      const shown = chosen < 0 ? MISSING : rtl ? (mirrored.get(i) ?? ch) : ch;
      const last = runs[runs.length - 1];
      if (last && last.level === level && last.font === font) {
        last.text += shown;
        last.seat = Math.min(last.seat, seat[i] as number);
      } else {
        runs.push({ text: shown, level, font, seat: seat[i] as number });
      }
      previous = font;
    }
    i += width;
  }
  runs.sort((a, b) => a.seat - b.seat);
  return runs.map(({ text: t, level, font }) => ({ text: t, rtl: (level & 1) === 1, font }));
}
