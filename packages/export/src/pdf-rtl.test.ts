import {
  EXPORT_FONTS,
  EXPORT_FONTS_ALL,
  HAS_PDFTOTEXT,
  mapBuilder,
  poppler,
} from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildScene, type ExportFonts, toPdf } from './index';

/*
 * Hebrew, Arabic and mixed labels in the PDF, read back with poppler: pdftotext must give each
 * label in the order it was typed (it rebuilds reading order from the glyphs' places, so a label
 * drawn backwards or with empty boxes comes out wrong), pdffonts must show the Arabic font
 * embedded as a subset, and pdftoppm must draw the pages without complaint. CI installs poppler;
 * elsewhere these tests are skipped when it is missing, but never in CI.
 */

const FONTS: ExportFonts = EXPORT_FONTS_ALL;
const LATIN_ONLY: ExportFonts = EXPORT_FONTS;

const RUN = HAS_PDFTOTEXT || Boolean(process.env.CI);

/** The PDF's text as pdftotext reads it, without its direction marks, spaces collapsed. */
function readingOrder(pdf: Uint8Array): string {
  const { stdout } = poppler('pdftotext', ['-enc', 'UTF-8', 'FILE', '-'], pdf);
  return stdout
    .replace(/[\u202a-\u202e\u200e\u200f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LABELS = [
  'Triage טריאז׳ step 2',
  'مراجعة الطلب',
  'Call 111 then קבלה',
  'קבלה ראשונית',
  'Plain English step',
];

function bilingualMap() {
  const b = mapBuilder('Blue Badge — שלב א׳')
    .role('front', 'Reception קבלה')
    .role('review', 'المراجعة');
  LABELS.forEach((label, i) => {
    b.task(`s${i}`, i % 2 === 0 ? 'front' : 'review', label);
  });
  return b.chain(...LABELS.map((_, i) => `s${i}`)).build();
}

describe.skipIf(!RUN)('PDF with right-to-left labels (read back with poppler)', () => {
  it('given Hebrew, Arabic and mixed labels, then pdftotext reads each in the order typed', async () => {
    // when
    const pdf = await toPdf(buildScene(bilingualMap(), { date: '7 December 2026' }), FONTS, {
      landscape: true,
      mode: 'fit',
    });
    // then
    const text = readingOrder(pdf);
    for (const label of [...LABELS, 'Blue Badge — שלב א׳', 'Reception קבלה', 'المراجعة']) {
      expect(text).toContain(label);
    }
  });

  it('given Arabic labels, then the Arabic font is embedded as a subset and the pages draw cleanly', async () => {
    const pdf = await toPdf(buildScene(bilingualMap(), {}), FONTS, { mode: 'fit' });
    // then: fonts listed as "name type encoding emb sub uni"
    const fonts = poppler('pdffonts', ['FILE'], pdf).stdout;
    const arabic = fonts.split('\n').find((line) => line.includes('+NotoSansArabic'));
    expect(arabic, fonts).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    // and the subset holds only the glyphs used: far smaller than the 190 kB font
    expect(pdf.length).toBeLessThan(60_000);
    const drawn = poppler('pdftoppm', ['-png', '-r', '40', 'FILE', 'page'], pdf);
    expect(drawn.status).toBe(0);
    expect(drawn.stderr).toBe('');
  });

  it('given no Arabic font, then Arabic letters print as question marks, never as empty boxes', async () => {
    const pdf = await toPdf(buildScene(bilingualMap(), {}), LATIN_ONLY, { mode: 'fit' });
    const text = readingOrder(pdf);
    // "مراجعة الطلب": six letters, a space, five letters (drawn right to left)
    expect(text).toMatch(/\?{5,6} \?{5,6}/);
    // Hebrew needs no second font: it is still there, in order
    expect(text).toContain('Call 111 then קבלה');
    expect(text).not.toMatch(/[\u0600-\u06ff]/);
  });

  it('given a map in Latin script only, then no shaped font is added to the file', async () => {
    const map = mapBuilder('Invoice approval')
      .role('r', 'Accounts')
      .task('a', 'r', 'Receive invoice')
      .task('b', 'r', 'Approve')
      .chain('a', 'b')
      .build();
    const pdf = await toPdf(buildScene(map, {}), FONTS, { mode: 'fit' });
    const fonts = poppler('pdffonts', ['FILE'], pdf).stdout;
    expect(fonts).toContain('LiberationSans');
    expect(fonts).not.toContain('NotoSansArabic');
    expect(fonts).not.toMatch(/[A-Z]{6}\+/);
  });
});
