import { formatMinutes, formatMoney, formatNumber, formatShare } from '@procmap/analysis';
import { type ProcessMap, resolveSettings, type ValidationResult } from '@procmap/model';
import {
  type RoleResult,
  type SimulationProblem,
  type SimulationResult,
  type StepResult,
  summarise,
} from '@procmap/simulation';
import { processTitle } from './analyze-report';
import { count, type Io, palette, printable } from './output';
import { problemLine } from './validate-report';

/*
 * What `procmap simulate` prints on a terminal: the inputs the run used, the lead time with its
 * confidence interval and percentiles, the flow, each role's load and queue, the steps where
 * cases queue longest, the run's warnings and the one-sentence summary. Durations and shares are
 * formatted as the analysis formats them, in working days of the map's hoursPerDay. With --json
 * the command prints the SimulationResult as it is instead (docs/simulation.md).
 */

const LABEL_WIDTH = 26;
/** Whole counts with thousands separators: 10,000 cases. */
const grouped = (n: number) => n.toLocaleString('en-GB');
/** The steps listed under "Where cases queue longest". */
const QUEUES_LISTED = 5;

/**
 * Prints the report of one simulated map. `validation` is the file's (its warnings are listed);
 * `map` is the process simulated: the file's own, or one of its scenarios (`scenario` names it).
 */
export function reportSimulation(
  io: Io,
  file: string,
  validation: ValidationResult & { ok: true },
  result: SimulationResult,
  process: { readonly map: ProcessMap; readonly scenario?: string } = { map: validation.map },
): void {
  const p = palette(io);
  const { map } = process;
  const { hoursPerDay } = resolveSettings(map);
  const time = (minutes: number) => formatMinutes(minutes, hoursPerDay);
  const out: string[] = [
    `${p.bold(`Simulation of ${processTitle(map, process.scenario)}`)} (${printable(file)}) — ${count(map.steps.length, 'step')}, ${count(map.roles.length, 'role')}`,
  ];
  const warnings = validation.problems;
  if (warnings.length > 0) {
    out.push('', `${count(warnings.length, 'validator warning')}:`);
    for (const problem of warnings) out.push(problemLine(io, problem));
  }
  out.push('', p.bold('Run'), ...inputLines(result, map));
  out.push('', p.bold('Lead time'), ...leadTimeLines(result, time));
  out.push('', p.bold('Flow'), ...flowLines(result, map, hoursPerDay));
  if (result.roles.length > 0) {
    out.push('', p.bold('Roles'), ...result.roles.map((r) => roleLine(r, time)));
  }
  out.push('', p.bold('Where cases queue longest'), ...queueLines(result.steps, time));
  if (result.warnings.length > 0) {
    out.push('', p.bold(`Warnings (${result.warnings.length})`));
    for (const w of result.warnings) out.push(`  ${p.yellow('warning')}  ${printable(w.message)}`);
  }
  out.push('', p.bold('In one sentence'), `  ${printable(summarise(result, hoursPerDay))}`);
  io.stdout(`${out.join('\n')}\n`);
}

/** Prints why a valid map cannot be simulated: each problem says what to add or fix. */
export function reportSimulationProblems(
  io: Io,
  file: string,
  problems: readonly SimulationProblem[],
): void {
  const p = palette(io);
  const lines = [
    `${p.red('✗')} ${printable(file)}: cannot be simulated — ${count(problems.length, 'problem')}`,
    ...problems.map((problem) => `  ${p.red('error')}    ${printable(problem.message)}`),
  ];
  io.stdout(`${lines.join('\n')}\n`);
}

/** The --json document for a valid map that cannot be simulated. */
export function simulationProblemsJson(
  file: string,
  problems: readonly SimulationProblem[],
): unknown {
  return { file, simulated: false, problems };
}

function row(label: string, value: string): string {
  const name = label.length >= LABEL_WIDTH ? `${label.slice(0, LABEL_WIDTH - 2)}… ` : label;
  return `  ${name.padEnd(LABEL_WIDTH)}${value}`;
}

function inputLines(r: SimulationResult, map: ProcessMap): string[] {
  const lines = [
    row('Cases', `${grouped(r.cases)} measured in each replication`),
    row('Replications', String(r.replications)),
    row(
      'Warm-up',
      `${grouped(r.warmup)} ${r.warmup === 1 ? 'case' : 'cases'} before them, not measured`,
    ),
    row('Seed', String(r.seed)),
  ];
  const demand = resolveSettings(map).demand;
  if (demand) {
    const arrivals = demand.arrivals === 'even' ? 'evenly spaced' : 'at random (Poisson)';
    const a = demand.per === 'hour' ? 'an' : 'a';
    lines.push(
      row('Demand', `${formatNumber(demand.count)} cases ${a} ${demand.per}, ${arrivals}`),
    );
  }
  return lines;
}

function leadTimeLines(r: SimulationResult, time: (min: number) => string): string[] {
  const { leadTime: lead } = r;
  const interval =
    lead.ci95 === null
      ? 'one replication: no confidence interval'
      : // As a margin: at a day's scale, "3.7 d to 3.7 d" would hide an interval of minutes.
        `± ${time((lead.ci95[1] - lead.ci95[0]) / 2)}, 95% confidence interval of the mean`;
  return [
    row('Mean', `${time(lead.mean)} (${interval})`),
    row('Half of cases within', `${time(lead.p50)} (p50)`),
    row('9 in 10 within', `${time(lead.p90)} (p90)`),
    row('19 in 20 within', `${time(lead.p95)} (p95)`),
    row('Longest', time(lead.max)),
    // With a role that cannot keep up no figure above is steady: more cases, longer times.
    ...(r.warnings.some((w) => w.code === 'overloaded')
      ? [
          row(
            'Not steady',
            'a role cannot keep up (see Warnings), so lead times grow the longer the run',
          ),
        ]
      : []),
  ];
}

function flowLines(r: SimulationResult, map: ProcessMap, hoursPerDay: number): string[] {
  const lines = [
    row(
      'Throughput',
      `${formatNumber(r.throughputPerHour)} cases an hour (${formatNumber(r.throughputPerHour * hoursPerDay)} a day)`,
    ),
    row('Cases in progress', `${formatNumber(r.wip.mean)} cases on average`),
  ];
  if (r.costPerCase !== null) {
    const currency = resolveSettings(map).currency;
    const money = formatMoney(r.costPerCase, typeof currency === 'string' ? currency : undefined);
    lines.push(row('Staff cost per case', printable(money)));
  }
  return lines;
}

function roleLine(r: RoleResult, time: (min: number) => string): string {
  const name = printable(r.name === '' ? r.id : r.name);
  if (r.headcount === null) return row(name, 'no headcount: as many people as needed');
  const people = count(r.headcount, 'person', 'people');
  const busy = r.utilisation === null ? '' : `, ${formatShare(r.utilisation)} busy`;
  const queue = `${formatNumber(r.meanQueueLength)} cases waiting on average, ${time(r.meanQueueTime)} a visit`;
  return row(name, `${people}${busy}; ${queue}`);
}

/** The steps whose cases wait longest for people in all, per case: queue per visit × visits. */
function queueLines(steps: readonly StepResult[], time: (min: number) => string): string[] {
  const queued = steps
    .map((s) => ({ step: s, perCase: (s.meanQueueTime ?? 0) * s.visits }))
    .filter((q) => q.perCase > 0)
    .sort((a, b) => b.perCase - a.perCase)
    .slice(0, QUEUES_LISTED);
  if (queued.length === 0) return ['  none: no case waited for people'];
  return queued.map(({ step, perCase }, i) => {
    const name = step.label.trim() === '' ? `step ${step.id}` : JSON.stringify(step.label);
    const visits =
      step.visits === 1
        ? ''
        : ` (${time(step.meanQueueTime ?? 0)} × ${Math.round(step.visits * 100) / 100} visits)`;
    return `  ${i + 1}. ${printable(name)} — ${time(perCase)} a case${visits}`;
  });
}
