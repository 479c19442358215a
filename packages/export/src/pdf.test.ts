import { analyze } from '@procmap/analysis';
import { generateMap, hospitalDischarge, mapBuilder } from '@procmap/test-kit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildScene, PAGE_LAYOUT, pageSize, paginate, toPdf } from './index';
import { EXPORT_FONTS as FONTS, flat, HAS_PDFTOTEXT, pdfText } from '@procmap/test-kit';

const LATIN = [
  'Café crème',
  'Łódź clinic',
  'Ørsted ward',
  'Straße',
  '½ dose',
  '« Suivi »',
  'Ñandú',
  'Ærø',
];

describe.skipIf(!HAS_PDFTOTEXT)('toPdf (read back with pdftotext)', () => {
  it('given labels in several Latin scripts, then every one is in the PDF as real text', async () => {
    // given
    const b = mapBuilder('Sortie d’hôpital — Straße ½').role('r', 'Infirmière é');
    LATIN.forEach((label, i) => {
      b.task(`s${i}`, 'r', label);
    });
    b.chain(...LATIN.map((_, i) => `s${i}`));
    // when
    const pdf = await toPdf(buildScene(b.build(), { date: '29 November 2026' }), FONTS, {
      landscape: true,
    });
    // then
    const text = flat(pdfText(pdf));
    for (const label of [
      ...LATIN,
      'Infirmière é',
      'Sortie d’hôpital — Straße ½',
      '29 November 2026',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('given the hospital discharge map, then every step label and role name is searchable', async () => {
    const map = hospitalDischarge();
    const pdf = await toPdf(buildScene(map, { analysis: analyze(map) }), FONTS, {
      size: 'A3',
      landscape: true,
    });
    const text = flat(pdfText(pdf));
    for (const step of map.steps) expect(text).toContain(flat(step.label));
    for (const role of map.roles) expect(text).toContain(role.name);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

/** Tiles needed to cover `length` with windows of `tile` that advance by tile - overlap. */
function tilesByWalking(length: number, tile: number, overlap: number): number {
  let count = 1;
  for (let covered = tile; covered < length; covered += tile - overlap) count++;
  return count;
}

describe('tiling a 300-step map on A4', () => {
  const map = generateMap({ steps: 300, seed: 7 });
  const scene = buildScene(map);

  it('makes as many pages as the page geometry needs, each labelled with its place', async () => {
    // given: the printable area of portrait A4, less the title block, at the tile scale
    const [w, h] = pageSize({ size: 'A4' });
    const first = paginate(scene, { size: 'A4', mode: 'tile' })[0];
    expect(first).toBeDefined();
    const top = first?.top ?? 0;
    const scale = PAGE_LAYOUT.tileScale;
    const tileW = (w - 2 * PAGE_LAYOUT.margin) / scale - scene.headerWidth;
    const tileH = (h - PAGE_LAYOUT.margin - top) / scale;
    const columns = tilesByWalking(scene.width - scene.headerWidth, tileW, PAGE_LAYOUT.overlap);
    const rows = tilesByWalking(scene.height, tileH, PAGE_LAYOUT.overlap);
    // when
    const pages = paginate(scene, { size: 'A4', mode: 'tile' });
    // then: tiles break between steps, so a column holds a little less than equal tiles would;
    // never more than a tenth more pages than equal tiles
    expect(columns).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(rows * columns * 1.1));
    const total = pages.length;
    expect(pages[1]?.label).toBe(`Page 2 of ${total} — row 1, column 2`);
    const last = pages.at(-1);
    expect(last?.label).toBe(
      `Page ${total} of ${total} — row ${last?.row}, column ${last?.column}`,
    );
    if (!HAS_PDFTOTEXT) return;
    const pdf = await toPdf(scene, FONTS, { size: 'A4', mode: 'tile' });
    expect(
      pdfText(pdf)
        .split('\f')
        .filter((p) => p.trim() !== ''),
    ).toHaveLength(total);
    expect(flat(pdfText(pdf, 2))).toContain(`Page 2 of ${total} — row 1, column 2`);
    expect(flat(pdfText(pdf, total))).toContain(`Page ${total} of ${total}`);
    // every tile repeats the lane names on its left
    expect(flat(pdfText(pdf, total))).toContain(scene.lanes[0]?.name ?? '?');
  }, 60_000);

  it('prints just the pages it is given', async () => {
    const pages = paginate(scene, { size: 'A4', mode: 'tile' }).slice(0, 2);
    const pdf = await toPdf(scene, FONTS, pages);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(2);
  });

  it('fits the same map on one page when asked', async () => {
    const pages = paginate(scene, { size: 'A3', landscape: true, mode: 'fit' });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.scale).toBeLessThan(0.1);
  });
});
