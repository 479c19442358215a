import { describe, expect, it } from 'vitest';
import { type BidiRun, hasBidi, MISSING, visualRuns } from './pdf-bidi';

/*
 * The order a PDF draws a label in, checked by hand: the expected strings are the characters
 * as they stand on the page from left to right (a right-to-left run's letters reversed).
 */

/** Font 0 has Latin and Hebrew, font 1 Arabic; nothing has CJK. */
const LATIN_HEBREW = 0;
const ARABIC = 1;
function fontFor(cp: number, previous: number): number {
  if (cp >= 0x4e00 && cp <= 0x9fff) return -1;
  const arabic = cp >= 0x0600 && cp <= 0x06ff;
  if (!arabic && previous === ARABIC && !/\p{L}/u.test(String.fromCodePoint(cp))) return ARABIC;
  return arabic ? ARABIC : LATIN_HEBREW;
}

/** The label as it stands on the page, left to right. */
const onPage = (runs: readonly BidiRun[]) =>
  runs.map((r) => (r.rtl ? [...r.text].reverse().join('') : r.text)).join('');

describe('visualRuns: a label in the order a PDF draws it', () => {
  it('given Hebrew inside English, then the English reads forwards and the Hebrew right to left', () => {
    // when
    const runs = visualRuns('Triage טריאז׳ step 2', fontFor);
    // then
    expect(runs.map((r) => [r.text, r.rtl])).toEqual([
      ['Triage ', false],
      ['טריאז׳', true],
      [' step 2', false],
    ]);
    expect(onPage(runs)).toBe('Triage ׳זאירט step 2');
  });

  it('given English with a number then Hebrew, then the number keeps its digits in order', () => {
    const runs = visualRuns('Call 111 then קבלה', fontFor);
    expect(onPage(runs)).toBe('Call 111 then הלבק');
    expect(runs.at(-1)).toEqual({ text: 'קבלה', rtl: true, font: LATIN_HEBREW });
  });

  it('given an Arabic label, then it is one right-to-left run in the Arabic font, as typed', () => {
    const runs = visualRuns('مراجعة الطلب', fontFor);
    // one run, so the shaper sees both words and joins each one's letters
    expect(runs).toEqual([{ text: 'مراجعة الطلب', rtl: true, font: ARABIC }]);
    expect(onPage(runs)).toBe('بلطلا ةعجارم');
  });

  it('given a Hebrew label with a number, then the number reads left to right between the words', () => {
    // Typed: "reception 24 hours"; on the page the first word is on the right.
    const runs = visualRuns('קבלה 24 שעות', fontFor);
    expect(onPage(runs)).toBe('תועש 24 הלבק');
    expect(runs.find((r) => r.text === '24')?.rtl).toBe(false);
  });

  it('given brackets in right-to-left text, then they are mirrored so they still enclose the word', () => {
    const runs = visualRuns('שעות (בערך)', fontFor);
    expect(onPage(runs)).toBe('(ךרעב) תועש');
  });

  it('given Arabic with a Latin word, then each keeps its own direction and font', () => {
    // The paragraph is left to right, as the SVG and the editor draw it: the words stay in
    // typing order from left to right, each Arabic word reading right to left.
    const runs = visualRuns('مراجعة PDF الطلب', fontFor);
    expect(onPage(runs)).toBe('ةعجارم PDF بلطلا');
    const latin = runs.find((r) => r.text.includes('PDF'));
    expect(latin).toMatchObject({ rtl: false, font: LATIN_HEBREW });
  });

  it('given characters no font has, then each prints as a question mark in the first font', () => {
    const runs = visualRuns('Form 申请 ok', fontFor);
    expect(onPage(runs)).toBe(`Form ${MISSING}${MISSING} ok`);
    expect(runs.every((r) => r.font === LATIN_HEBREW)).toBe(true);
  });

  it('given direction marks, then they steer the order and are not drawn', () => {
    // An RLM after "Call" makes no run of its own and leaves no character behind.
    const runs = visualRuns('Call\u200f קבלה', fontFor);
    expect(runs.map((r) => r.text).join('')).not.toContain('\u200f');
    expect(onPage(runs).replace(/ /g, '')).toBe('Callהלבק');
  });

  it('given plain Latin text, then hasBidi says it needs no reordering', () => {
    expect(hasBidi('Café crème — Łódź')).toBe(false);
    expect(hasBidi('Call 111 then קבלה')).toBe(true);
    expect(hasBidi('مراجعة')).toBe(true);
    expect(visualRuns('', fontFor)).toEqual([]);
  });
});
