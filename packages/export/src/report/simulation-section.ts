import { formatMoney, formatNumber, METRIC_DESCRIPTORS } from '@procmap/analysis';
import { type SimulationResult, summarise } from '@procmap/simulation';
import { DANGER, INK_MUTED, WARN } from '../theme';
import { cleanText } from '../text';
import { leadTimeChart } from './lead-time-chart';
import type { ReportContext } from './report-context';
import type { ReportSimulation } from './simulation-run';
import { textRun } from './text-run';
import { roleStanding, utilisationRow } from './utilisation-bars';

/** The analysis's name for the cases under way, so the simulated figure reads as the same one. */
export const IN_PROGRESS =
  METRIC_DESCRIPTORS.find((d) => d.key === 'casesInProgress')?.label ?? 'Cases in progress';

/*
 * "Simulation": the map's demand run through the map, case by case, so the reader sees what
 * the averages of "How the process performs" hide: the spread of lead times, who is busy and
 * where cases queue. Every figure is the run's own; the words around them say how to read it.
 */

/** Warnings listed in full; a map with more has them all in `procmap simulate`. */
const MAX_WARNINGS = 8;
/** Steps named where cases wait longest for people. */
const QUEUE_STEPS = 5;

const count = (n: number) => n.toLocaleString('en-GB');

/** The section, or a short note of why the map cannot be simulated; nothing without demand. */
export function simulationSection(report: ReportContext, run: ReportSimulation | undefined): void {
  if (!run) return;
  const { flow } = report;
  flow.newPage();
  flow.heading('Simulation');
  if (!run.ok) {
    const [first] = run.problems;
    const more =
      run.problems.length > 1
        ? ` (and ${run.problems.length - 1} more: the simulate command lists them all)`
        : '';
    flow.text(
      'The map has demand, so the report would simulate it case by case, but the map cannot be simulated as it is:',
      { color: INK_MUTED, after: 6 },
    );
    flow.text(`${cleanText(first?.message ?? 'no reason given')}${more}`, { after: 8 });
    return;
  }
  const { result } = run;
  flow.text(
    'The demand on the map run through it case by case: each case arrives, waits for the people of each role as they become free, takes its times as they vary, and follows the branches and rework by their shares. It shows what the averages above hide: how far lead times spread, who is busy, and where cases queue.',
    { color: INK_MUTED, after: 10 },
  );
  flow.text(summarise(result, report.settings.hoursPerDay), {
    size: 12,
    weight: 'bold',
    after: 12,
  });

  keyFigures(report, result);
  // What was run, next to the figures it gave: the sections below are read against it.
  inputs(report, run);
  leadTimes(report, result);
  utilisation(report, result);
  queueSteps(report, result);
  warnings(report, result);
}

/** The headline figures of the run, each with what it means. */
function keyFigures({ flow, time, formats }: ReportContext, r: SimulationResult): void {
  const lead = r.leadTime;
  // The interval as "± its half": in days, its ends would often print the same as the mean.
  const ci = lead.ci95 ? ` ± ${time((lead.ci95[1] - lead.ci95[0]) / 2)} (95% interval)` : '';
  // A role that cannot keep up makes every lead time grow with the run's length: no interval
  // can say the figure is steady then, so the row says what is true instead.
  const overloaded = r.warnings.some((w) => w.code === 'overloaded');
  const rows: [string, string, string][] = [
    [
      'Lead time, average',
      `${time(lead.mean)}${ci}`,
      overloaded
        ? 'Not steady: a role cannot keep up (below), so lead times grow the longer the service runs; a longer run gives longer times.'
        : lead.ci95
          ? 'Arrival to end, over all runs. The true average almost surely lies within ± this: narrow means steady.'
          : 'Arrival to end, over one run: one run gives no interval to say how steady it is.',
    ],
    ['Half of cases done within', time(lead.p50), 'The middle case: half take longer.'],
    ['9 in 10 cases done within', time(lead.p90), 'What to promise if 1 case in 10 may be late.'],
    ['19 in 20 cases done within', time(lead.p95), 'The slow tail the average hides.'],
    ['Longest case', time(lead.max), 'The slowest case in any run.'],
    [
      'Throughput',
      `${formatNumber(r.throughputPerHour)} cases an hour`,
      'Cases finished per working hour: the demand, unless a role cannot keep up.',
    ],
    [
      IN_PROGRESS,
      `${formatNumber(r.wip.mean)} cases`,
      'Cases started and not yet finished, on average at any moment.',
    ],
  ];
  if (r.costPerCase !== null) {
    rows.push([
      'Cost per case',
      formatMoney(r.costPerCase, formats.currency),
      'The hands-on time of each case at its roles’ hourly costs.',
    ]);
  }
  const c = flow.column;
  flow.table(
    [
      { title: 'Figure', x: 0, w: c * 0.27 },
      { title: 'Simulated', x: c * 0.28, w: c * 0.3 },
      { title: 'What it means', x: c * 0.6, w: c * 0.4 },
    ],
    rows,
  );
}

/** The histogram of lead times, with half and nine in ten of cases marked. */
function leadTimes({ flow, time, settings }: ReportContext, r: SimulationResult): void {
  const chart = leadTimeChart(r.leadTime, flow.column, time, settings.hoursPerDay * 60);
  if (chart.height === 0) return;
  flow.heading('How long cases take', 2, chart.height + 20);
  flow.text(
    'Each bar is the share of cases, over all the runs, whose lead time falls in its range.',
    {
      size: 9.5,
      color: INK_MUTED,
      after: 4,
    },
  );
  flow.items(chart.items, chart.height);
  flow.y += 12;
}

/** A utilisation bar per role, overloaded ones in red and in words. */
function utilisation({ flow, time }: ReportContext, r: SimulationResult): void {
  if (r.roles.length === 0) return;
  const rows = r.roles.map((role) =>
    utilisationRow(role, roleStanding(role, r.warnings), flow.column, time),
  );
  // The bars are read against each other: kept on one page when they fit on one.
  const height = rows.reduce((h, row) => h + row.height, 0);
  flow.heading('How busy each role is', 2, Math.min(height + 40, flow.height / 2));
  flow.text(
    'The share of the role’s people’s working time spent on cases. Near 100% cases queue for the role; a role that cannot keep up makes its queue grow for as long as the demand lasts.',
    { size: 9.5, color: INK_MUTED, after: 6 },
  );
  for (const row of rows) flow.items(row.items, row.height);
  flow.y += 8;
}

/** The steps where cases wait longest for someone to be free. */
function queueSteps({ flow, time }: ReportContext, r: SimulationResult): void {
  const waiting = r.steps
    .filter((s) => s.visits > 0 && (s.meanQueueTime ?? 0) > 0)
    .sort((a, b) => (b.meanQueueTime ?? 0) - (a.meanQueueTime ?? 0))
    .slice(0, QUEUE_STEPS);
  if (waiting.length === 0) return;
  flow.heading('Where cases queue', 2, 60);
  flow.text(
    'The steps where a case waits longest for someone of the step’s role to be free (at a batched step, for its batch to fill too), on top of the step’s own wait and work.',
    { size: 9.5, color: INK_MUTED, after: 6 },
  );
  const c = flow.column;
  const opt = (m: number | null) => (m === null ? '—' : time(m));
  flow.table(
    [
      { title: 'Step', x: 0, w: c * 0.4 },
      { title: 'Queue', x: c * 0.4, w: c * 0.14, align: 'end' },
      { title: 'Work', x: c * 0.56, w: c * 0.14, align: 'end' },
      { title: 'Wait', x: c * 0.72, w: c * 0.14, align: 'end' },
      { title: 'Visits', x: c * 0.88, w: c * 0.12, align: 'end' },
    ],
    waiting.map((s) => [
      cleanText(s.label) || '(no label)',
      opt(s.meanQueueTime),
      opt(s.meanProcessTime),
      opt(s.meanWaitTime),
      formatNumber(s.visits),
    ]),
  );
}

/** What the run says about its own answer. */
function warnings({ flow }: ReportContext, r: SimulationResult): void {
  if (r.warnings.length === 0) return;
  flow.heading('Warnings', 2, 40);
  for (const w of r.warnings.slice(0, MAX_WARNINGS)) {
    const color = w.code === 'overloaded' ? DANGER : WARN;
    flow.ensure(30);
    flow.items(
      [
        { type: 'rect', x: 0, y: 1, w: 3, h: 11, fill: color },
        textRun(8, 10, w.code === 'overloaded' ? 'Overloaded' : 'Note', { size: 9, fill: color }),
      ],
      0,
    );
    flow.text(cleanText(w.message), { indent: 70, size: 9.5, after: 4 });
  }
  if (r.warnings.length > MAX_WARNINGS) {
    flow.text(`…and ${r.warnings.length - MAX_WARNINGS} more (the simulate command lists them).`, {
      size: 9.5,
      color: INK_MUTED,
    });
  }
  flow.y += 6;
}

/** The run's inputs and what kind of model it is, in one short paragraph. */
function inputs({ flow, settings }: ReportContext, run: ReportSimulation & { ok: true }): void {
  const r = run.result;
  const cap = run.capped
    ? ` A full run of this map is ${count(run.capped.cases)} cases × ${run.capped.replications} replications; the report runs ${count(r.cases)} × ${r.replications} to stay quick (the simulate command and the editor’s Simulate tab run it in full).`
    : '';
  flow.text(
    `Inputs: ${count(r.cases)} cases in each of ${r.replications} replications (runs with their own random draws), after ${count(r.warmup)} warm-up cases that are not measured; random seed ${r.seed}. ` +
      `A simulation of working time (${formatNumber(settings.hoursPerDay)} h a day, no nights, weekends, shifts or breaks), cases served first come, first served.${cap}`,
    { size: 9, color: INK_MUTED, after: 12 },
  );
}
