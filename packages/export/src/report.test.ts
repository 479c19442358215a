import { analyze } from '@procmap/analysis';
import { outpatientReferral } from '@procmap/test-kit';
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
