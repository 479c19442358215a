import { formatNumber } from '@procmap/analysis';
import { INK_MUTED } from '../theme';
import { cleanText } from '../text';
import type { CaseStudy } from './case-study-data';
import { leadTimeOverlay } from './lead-time-overlay';
import type { ReportContext } from './report-context';
import { IN_PROGRESS } from './simulation-section';
import type { ReportSimulation } from './simulation-run';

/*
 * "Simulated lead times": the as-is and the scenario run case by case through their demand with
 * the same random draws (one seed), their spreads on one chart and their key times side by side.
 * A side that cannot be simulated says why.
 */

export function caseStudySimulation(report: ReportContext, study: CaseStudy): void {
  const sim = study.simulation;
  if (!sim) return;
  const { flow, time, settings } = report;
  flow.heading('Simulated lead times', 2, 200);
  const a = sim.asIs;
  const b = sim.toBe;
  if (!a?.ok || !b?.ok) {
    flow.text(
      `Only one side could be simulated, so the two are not compared here. ${whyNot('As-is', a)} ${whyNot('To-be', b)}`.trim(),
      { color: INK_MUTED },
    );
    return;
  }
  const ra = a.result;
  const rb = b.result;
  flow.text(
    `Both processes run through their demand case by case, with the same random draws (seed ${ra.seed}), ${ra.cases.toLocaleString('en-GB')} cases × ${ra.replications} runs each. The grey bars are the as-is, the blue outline the scenario: the further left, the sooner cases are done.`,
    { size: 9.5, color: INK_MUTED, after: 6 },
  );
  const chart = leadTimeOverlay(
    ra.leadTime,
    rb.leadTime,
    flow.column,
    time,
    settings.hoursPerDay * 60,
  );
  if (chart.height > 0) {
    flow.items(chart.items, chart.height);
    flow.y += 12;
  }
  const c = flow.column;
  flow.table(
    [
      { title: 'Simulated', x: 0, w: c * 0.4 },
      { title: 'As-is', x: c * 0.42, w: c * 0.18, align: 'end' },
      { title: 'To-be', x: c * 0.64, w: c * 0.18, align: 'end' },
    ],
    [
      ['Lead time, average', time(ra.leadTime.mean), time(rb.leadTime.mean)],
      ['Half of cases done within', time(ra.leadTime.p50), time(rb.leadTime.p50)],
      ['9 in 10 cases done within', time(ra.leadTime.p90), time(rb.leadTime.p90)],
      [IN_PROGRESS, formatNumber(ra.wip.mean), formatNumber(rb.wip.mean)],
    ],
  );
  const overloaded = (r: typeof ra) => r.warnings.some((w) => w.code === 'overloaded');
  if (overloaded(ra) || overloaded(rb)) {
    const who = [overloaded(ra) ? 'the as-is' : '', overloaded(rb) ? 'the scenario' : '']
      .filter(Boolean)
      .join(' and ');
    flow.text(
      `In ${who} a role cannot keep up with the demand: its lead times are not steady and grow the longer the service runs.`,
      { size: 9.5, color: INK_MUTED },
    );
  }
}

function whyNot(side: string, run: ReportSimulation | undefined): string {
  if (!run) return `${side}: no demand given.`;
  if (run.ok) return '';
  return `${side}: ${cleanText(run.problems[0]?.message ?? 'no reason given')}`;
}
