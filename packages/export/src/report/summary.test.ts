import { analyze, formatMinutes } from '@procmap/analysis';
import {
  EXPORT_FONTS as FONTS,
  flat,
  HAS_PDFTOTEXT,
  hospitalDischarge,
  mapBuilder,
  outpatientReferral,
  pdfText,
} from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../index';
import { executiveSummary } from './summary';

/*
 * The report opens with what a stakeholder needs first: the largest gains, what the room voted
 * for and the questions still open.
 */

/** A referral whose room voted and asked. */
function votedReferral() {
  return mapBuilder('Referral', {
    settings: { hoursPerDay: 7.5, demand: { count: 40, per: 'day' }, currency: 'GBP' },
  })
    .role('gp', 'GP', { headcount: 2, hourlyCost: 60 })
    .role('clerk', 'Clerk', { headcount: 1, hourlyCost: 30 })
    .start('start', 'gp', 'Patient seen')
    .task('write', 'gp', 'Write referral', { processTime: 10 })
    .task('book', 'clerk', 'Book clinic', { processTime: 5, waitTime: 900, valueClass: 'waste' })
    .task('post', 'clerk', 'Post letter', { processTime: 2, waitTime: 120 })
    .end('end', 'clerk', 'Appointment sent')
    .chain('start', 'write', 'book', 'post', 'end')
    .comment('book', 'pain-point', 'Referrals sit in the tray for days', {
      votes: { ana: 2, ben: 3 },
    })
    .comment('post', 'idea', 'Send the letter by text message', { votes: { ana: 1 } })
    .comment(null, 'pain-point', 'Nobody owns the process', {})
    .comment('book', 'question', 'Who checks the tray on Fridays?', { author: 'Fiona' })
    .comment('write', 'question', 'Is the form still needed?', { resolved: true })
    .build();
}

describe('the executive summary', () => {
  it('given a map with votes and questions, then it names the largest gains, the votes and the open questions', () => {
    const map = votedReferral();
    const analysis = analyze(map);
    const summary = executiveSummary(map, analysis);
    // The lead time and what removing the waste gives back, counted once.
    expect(summary.headline).toContain('One case takes 2.3 d from start to finish');
    const total = analysis.findings.reduce((t, f) => t + f.uniqueTimeAtStake, 0);
    expect(total).toBeLessThanOrEqual(analysis.metrics.leadTime);
    // The three largest gains, largest first, in plain words.
    // Two gains of their own: the classed-waste step with its queue, and the wait before posting.
    expect(summary.gains).toHaveLength(2);
    expect(summary.gains[1]).toMatch(/^Long wait at “Post letter”: up to 2 h a case\./);
    // "Book clinic" is classed waste: its 900-minute wait and 5 minutes of work, 905 min
    expect(summary.gains[0]).toMatch(
      /^Work that adds no value at “Book clinic”: up to 2 d a case\./,
    );
    // the long wait in front of it is the same time: not a gain of its own, so not listed
    expect(summary.gains.some((g) => g.startsWith('Long wait at “Book clinic”'))).toBe(false);
    for (const g of summary.gains) expect(g).not.toMatch(/processTime|timeAtStake|\(s\)/);
    // Most votes first; comments nobody voted for are left out.
    expect(summary.voted).toEqual([
      'Pain point, 5 votes: “Referrals sit in the tray for days” (on “Book clinic”).',
      'Idea, 1 vote: “Send the letter by text message” (on “Post letter”).',
    ]);
    // Only the question still open.
    expect(summary.questions).toEqual([
      '“Who checks the tray on Fridays?” (asked by Fiona on “Book clinic”).',
    ]);
  });

  it('given a later gain that repeats an earlier one, then it is not counted twice', () => {
    const map = votedReferral();
    const analysis = analyze(map);
    const summary = executiveSummary(map, analysis);
    // The 900-minute wait is both a long wait and most of a step classed waste: listed once.
    const longWait = analysis.findings.find((f) => f.rule === 'long-wait');
    expect(longWait?.timeAtStake).toBe(900);
    expect(longWait?.uniqueTimeAtStake).toBe(0);
    expect(summary.gains.filter((g) => g.includes('“Book clinic”'))).toHaveLength(1);
  });
});

describe.skipIf(!HAS_PDFTOTEXT)('the report opens with the executive summary', () => {
  it('given the outpatient referral, then its first page holds the summary before the map', async () => {
    const base = outpatientReferral();
    const map = {
      ...base,
      comments: [
        ...(base.comments ?? []).map((c, i) => (i === 0 ? { ...c, votes: { ana: 4 } } : c)),
        {
          id: 'q1',
          kind: 'question',
          author: 'Fiona',
          text: 'Can GPs attach results electronically?',
          createdAt: '2026-11-20T10:00:00Z',
        },
      ],
    } as typeof base;
    const analysis = analyze(map);
    const pdf = await buildReport(map, analysis, FONTS, { date: '29 November 2026' });
    const text = flat(pdfText(pdf));
    const summaryAt = text.indexOf('Executive summary');
    expect(summaryAt).toBeGreaterThan(0);
    expect(text.indexOf('The largest gains')).toBeGreaterThan(summaryAt);
    expect(text).toContain('What the room voted for');
    expect(text).toContain('4 votes');
    expect(text).toContain('Questions still open');
    expect(text).toContain('Can GPs attach results electronically?');
    expect(text.indexOf('Can GPs attach')).toBeLessThan(text.indexOf('How to read this report'));
    // The first gain named is the finding with the largest gain.
    expect(text).toContain(flat(`1. ${executiveSummary(map, analysis).gains[0]}`).slice(0, 60));
  }, 30_000);

  it('lists the gains in the findings’ order, largest time at stake first, so the two agree', () => {
    for (const map of [outpatientReferral(), hospitalDischarge()]) {
      const analysis = analyze(map);
      const summary = executiveSummary(map, analysis);
      const hours = map.settings?.hoursPerDay ?? 7.5;
      const expected = analysis.findings
        .filter((f) => f.uniqueTimeAtStake > 0)
        .sort((a, b) => b.timeAtStake - a.timeAtStake)
        .slice(0, 3)
        .map((f) => `up to ${formatMinutes(f.timeAtStake, hours)} a case`);
      expect(summary.gains).toHaveLength(expected.length);
      for (const [i, gain] of summary.gains.entries()) expect(gain).toContain(expected[i]);
      // and the first is the largest gain of the whole list
      const largest = Math.max(...analysis.findings.map((f) => f.timeAtStake));
      expect(summary.gains[0]).toContain(`up to ${formatMinutes(largest, hours)} a case`);
    }
  });
});
