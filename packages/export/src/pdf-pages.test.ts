import { analyze } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import {
  EXPORT_FONTS as FONTS,
  flat,
  generateMap,
  HAS_PDFTOTEXT,
  mapBuilder,
  pdfText,
} from '@procmap/test-kit';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildScene, PAGE_LAYOUT, paginate, toPdf } from './index';

/*
 * The default PDF is readable: no name (step or flow label, lane name) on any page is smaller
 * than 8 pt and no other text smaller than 6 pt, and a map that would need smaller text on one
 * page is tiled instead. Sizes are read from the file itself: every
 * text of a map page is set with `Tf` in page space (no scaling around it), so the smallest Tf
 * operand is the smallest text a reader sees.
 */

interface PrintedText {
  readonly pages: number;
  /** Smallest text size (pt) on each page. */
  readonly smallest: number[];
  /** Every text size used (pt, to two decimals). */
  readonly sizes: number[];
}

async function printedText(pdf: Uint8Array): Promise<PrintedText> {
  const doc = await PDFDocument.load(pdf);
  const smallest: number[] = [];
  const sizes = new Set<number>();
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => doc.context.lookup(ref))
        : [contents];
    let min = Number.POSITIVE_INFINITY;
    for (const stream of streams) {
      const ops = new TextDecoder('latin1').decode(
        decodePDFRawStream(stream as PDFRawStream).decode(),
      );
      // text is never drawn under a scaling matrix: every text matrix is unscaled
      for (const m of ops.matchAll(/(\S+) (\S+) (\S+) (\S+) \S+ \S+ Tm/g)) {
        expect([Math.abs(Number(m[1])), Math.abs(Number(m[4]))]).toEqual([1, 1]);
      }
      for (const m of ops.matchAll(/ (\d+(?:\.\d+)?) Tf/g)) {
        min = Math.min(min, Number(m[1]));
        sizes.add(Math.round(Number(m[1]) * 100) / 100);
      }
    }
    smallest.push(min);
  }
  return { pages: doc.getPageCount(), smallest, sizes: [...sizes] };
}

/** A generated map with times on its steps, so it draws its smallest text (time tags). */
const mapOf = (steps: number): ProcessMap => generateMap({ steps, roles: 5, seed: 11 });

const sceneOf = (map: ProcessMap) =>
  buildScene(map, { analysis: analyze(map), date: '7 December 2026' });

describe('the default PDF keeps every text readable', () => {
  for (const steps of [17, 200]) {
    it(`given a ${steps}-step map on A4, then no page prints a name under 8 pt or other text under 6 pt`, async () => {
      // given
      const scene = sceneOf(mapOf(steps));
      // when: no page mode chosen
      const pdf = await toPdf(scene, FONTS, { size: 'A4', landscape: true });
      // then
      const printed = await printedText(pdf);
      expect(printed.pages).toBeGreaterThan(1); // too big for one readable page: tiled
      expect(Math.min(...printed.smallest)).toBeGreaterThanOrEqual(PAGE_LAYOUT.minDetailPt);
      const layout = paginate(scene, { size: 'A4', landscape: true });
      expect(printed.pages).toBe(layout.length);
      // Names are drawn at nameUnits or more, so at this scale at minTextPt or more.
      expect(layout[0]!.scale * PAGE_LAYOUT.nameUnits).toBeGreaterThanOrEqual(
        PAGE_LAYOUT.minTextPt,
      );
      // and the step labels (14 units) really are printed at that size or larger
      expect(printed.sizes).toContain(Math.round(layout[0]!.scale * 14 * 100) / 100);
    }, 60_000);
  }

  it('given the same 17-step map fitted on one page, then its text is far too small', async () => {
    // The old default, kept as a choice: this is what the readable default avoids.
    const pdf = await toPdf(sceneOf(mapOf(17)), FONTS, { size: 'A4', mode: 'fit' });
    const printed = await printedText(pdf);
    expect(printed.pages).toBe(1);
    expect(printed.smallest[0]).toBeLessThan(PAGE_LAYOUT.minTextPt / 2);
  });

  it('given a small map on A3, then the default is one page at a readable size', async () => {
    const map = mapBuilder('Book a room')
      .role('r', 'Reception')
      .task('a', 'r', 'Take the request')
      .task('b', 'r', 'Book the room')
      .chain('a', 'b')
      .build();
    const scene = sceneOf(map);
    const page = { size: 'A3', landscape: true } as const;
    const pages = paginate(scene, page);
    expect(pages).toHaveLength(1);
    const printed = await printedText(await toPdf(scene, FONTS, page));
    expect(printed.pages).toBe(1);
    expect(printed.smallest[0]).toBeGreaterThanOrEqual(PAGE_LAYOUT.minTextPt);
  });

  it('given tiles, then each page says which pages join it and marks the repeated strip', async () => {
    const scene = sceneOf(mapOf(17));
    const pages = paginate(scene, { size: 'A4', landscape: true });
    const [first, second] = pages;
    expect(first).toMatchObject({ row: 1, column: 1, columns: pages.length / (first?.rows ?? 1) });
    // the second tile starts where the first one's repeated strip begins
    expect(second?.region.x).toBeCloseTo(
      (first?.region.x ?? 0) + (first?.region.w ?? 0) - PAGE_LAYOUT.overlap,
    );
    if (!HAS_PDFTOTEXT && !process.env.CI) return; // CI always reads the text back
    const pdf = await toPdf(scene, FONTS, pages.slice(0, 2));
    expect(flat(pdfText(pdf, 1))).toContain('Joins page 2 right');
    expect(flat(pdfText(pdf, 2))).toContain('Joins page 1 left, 3 right');
  });
});
