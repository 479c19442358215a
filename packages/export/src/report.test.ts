import { analyze } from '@procmap/analysis';
import { generateMap, outpatientReferral } from '@procmap/test-kit';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { roundedDuration } from '@procmap/model';
import { buildReport, commentVotes } from './index';
import { EXPORT_FONTS as FONTS, flat, HAS_PDFTOTEXT, pdfText } from '@procmap/test-kit';

describe.skipIf(!HAS_PDFTOTEXT)('the improvement report', () => {
  it('contains the title page, the metrics with what they mean, the findings, the comments and the workload', async () => {
    // given
    const base = outpatientReferral();
    const comments = (base.comments ?? []).map((c, i) =>
      i === 1 ? { ...c, votes: { ana: 2, ben: 1 } } : c,
    );
    const map = { ...base, comments };
    const analysis = analyze(map);
    const hours = map.settings?.hoursPerDay ?? 7.5;
    // when
    const pdf = await buildReport(map, analysis, FONTS, { date: '29 November 2026' });
    const text = flat(pdfText(pdf));
    // then
    expect(text).toContain('Improvement report');
    expect(text).toContain(map.title);
    expect(text).toContain(`Lead time ${roundedDuration(analysis.metrics.leadTime, hours)}`);
    expect(text).toContain('How long one case takes');
    expect(text).toContain('Where time is lost');
    for (const f of analysis.findings.slice(0, 10)) expect(text).toContain(flat(f.message));
    expect(text).toContain('What the team said');
    expect(text).toContain('3 votes');
    expect(text).toContain('Workload by role');
    for (const r of analysis.metrics.roles) expect(text).toContain(r.name);
  }, 30_000);
});

describe.skipIf(!HAS_PDFTOTEXT)('the map in the report', () => {
  const pages = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

  it('given a map too small to read on one page, then its tiles follow the overview', async () => {
    // given: 50 steps, far too wide for labels to be read on one page
    const map = generateMap({ steps: 50, seed: 50 });
    // when
    const pdf = await buildReport(map, analyze(map), FONTS);
    // then
    const text = flat(pdfText(pdf));
    expect(text).toContain('row 1, column 1');
    expect(text).toContain('the pages after it show the map in pieces');
    expect(await pages(pdf)).toBeGreaterThan(8);
  }, 30_000);

  it('given a map whose tiles would outnumber the report, then it keeps the overview and says where the full map is', async () => {
    // given: 300 steps, over a hundred pages of tiles
    const map = generateMap({ steps: 300, seed: 300 });
    // when
    const pdf = await buildReport(map, analyze(map), FONTS);
    const tiled = await buildReport(map, analyze(map), FONTS, { maxTilePages: 1000 });
    // then
    const text = flat(pdfText(pdf));
    expect(text).not.toContain('row 1, column 1');
    expect(text).toMatch(/at a readable size the map takes \d+ pages, too many for this report/);
    expect(text).toContain('PDF at “Readable size”');
    expect(await pages(pdf)).toBeLessThan(12); // the text, and one map page
    expect(await pages(tiled)).toBeGreaterThan(100);
  }, 60_000);
});

describe('commentVotes', () => {
  const c = (votes: unknown) =>
    ({ id: 'c', kind: 'idea', author: 'a', text: 't', createdAt: '', votes }) as never;
  it('reads a number, an object of voter → count, or nothing', () => {
    expect(commentVotes(c(4))).toBe(4);
    expect(commentVotes(c({ ana: 2, ben: 1, bad: 'x' }))).toBe(3);
    expect(commentVotes(c(undefined))).toBeUndefined();
    expect(commentVotes(c(-1))).toBeUndefined();
  });
});
