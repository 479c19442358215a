import type { AnalysisResult, Annotation, Finding, Metrics } from '@procmap/analysis';
import {
  formatDuration,
  type ProcessMap,
  resolveSettings,
  type ValidationResult,
} from '@procmap/model';
import { count, type Io, palette, printable } from './output';
import { problemLine } from './validate-report';

/*
 * What `procmap analyze` prints on a terminal: the metrics with their units, then the findings,
 * most time at stake first, each naming its steps by label. With --json the command prints
 * analyze()'s result as it is instead (docs/analysis.md).
 */

const LABEL_WIDTH = 26;
const MAX_STEPS_LISTED = 8;

/** `37.5%`: a share with at most one decimal. */
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
/**
 * The model's duration format, rounded to what a reader can use: whole minutes from an hour,
 * tenths of a day from a working day (`2 h 51 min`, `69.6 d`).
 */
export function friendly(minutes: number, hoursPerDay: number): string {
  const day = hoursPerDay * 60;
  let shown = minutes;
  if (day > 0 && minutes >= day) shown = (Math.round((minutes / day) * 10) / 10) * day;
  else if (minutes >= 60) shown = Math.round(minutes);
  return formatDuration(shown, { hoursPerDay });
}

/** A number with at most two decimals. */
const num = (n: number) => String(Math.round(n * 100) / 100);

/** Prints the report of one analysed map. */
export function reportAnalysis(
  io: Io,
  file: string,
  validation: ValidationResult & { ok: true },
  result: AnalysisResult,
  room: readonly Annotation[] = [],
): void {
  const p = palette(io);
  const { map } = validation;
  const settings = resolveSettings(map);
  const time = (minutes: number) => friendly(minutes, settings.hoursPerDay);
  const title = map.title === '' ? '(untitled)' : printable(JSON.stringify(map.title));
  const out: string[] = [
    `${p.bold(`Analysis of ${title}`)} (${printable(file)}) — ${count(map.steps.length, 'step')}, ${count(map.roles.length, 'role')}`,
  ];
  const warnings = validation.problems;
  if (warnings.length > 0) {
    out.push('', `${count(warnings.length, 'validator warning')}:`);
    for (const problem of warnings) out.push(problemLine(io, problem));
  }
  out.push('', p.bold('Per case'), ...metricLines(result.metrics, map, time));
  if (result.metrics.roles.length > 0) {
    out.push('', p.bold('Roles'), ...roleLines(result.metrics, map, time));
  }
  out.push(
    '',
    p.bold(`Findings (${result.findings.length}), most time at stake first`),
    ...findingLines(io, result.findings, map, time),
  );
  if (room.length > 0) {
    out.push('', p.bold(`From the room: pain points and ideas (${room.length}), most votes first`));
    for (const a of room) {
      const where = a.target === null ? '' : ` — on ${printable(JSON.stringify(a.target))}`;
      const votes = a.votes > 0 ? ` (${count(a.votes, 'vote')})` : '';
      out.push(
        `  ${a.kind === 'idea' ? 'Idea' : 'Pain point'}: ${printable(a.text)}${where}${votes}`,
      );
    }
  }
  io.stdout(`${out.join('\n')}\n`);
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${value}`;
}

function metricLines(m: Metrics, map: ProcessMap, time: (min: number) => string): string[] {
  const settings = resolveSettings(map);
  const demand = settings.demand;
  const currency = typeof settings.currency === 'string' ? ` ${printable(settings.currency)}` : '';
  const ratio = (r: number | null) => (r === null ? 'n/a (no lead time)' : percent(r));
  const lines = [
    row('Lead time', time(m.leadTime)),
    row('Process time', time(m.processTime)),
    row('Wait time', time(m.waitTime)),
    row('Value-added time', time(m.valueAddedTime)),
    row('Process cycle efficiency', ratio(m.processCycleEfficiency)),
    row('Activity ratio', ratio(m.activityRatio)),
    row('Handoffs', `${num(m.handoffs)} a case`),
    row(
      'Rolled %C&A',
      m.rolledCompleteAccurate === null
        ? 'n/a (no step gives completeAccurate)'
        : percent(m.rolledCompleteAccurate),
    ),
    row(
      'Cost per case',
      m.costPerCase === null ? 'n/a (no hourly costs)' : `${num(m.costPerCase)}${currency}`,
    ),
    row(
      'Takt time',
      m.taktTime === null || !demand
        ? 'n/a (no demand)'
        : `${time(m.taktTime)} (${num(demand.count)} cases a ${demand.per})`,
    ),
    row(
      'Cases in progress',
      m.casesInProgress === null ? 'n/a (no demand)' : `${num(m.casesInProgress)} (Little's law)`,
    ),
    row(
      'Bottleneck',
      m.bottleneck === null
        ? 'none'
        : `${quote(m.bottleneck.label, m.bottleneck.stepId)} (${m.bottleneck.basis === 'utilisation' ? 'highest utilisation' : 'longest own time'})`,
    ),
    row(
      'Longest wait',
      m.longestWait === null
        ? 'none'
        : `${quote(m.longestWait.label, m.longestWait.stepId)}, ${time(m.longestWait.waitTime)} a case`,
    ),
  ];
  return lines;
}

function roleLines(m: Metrics, map: ProcessMap, time: (min: number) => string): string[] {
  const per = resolveSettings(map).demand?.per ?? 'period';
  return m.roles.map((r) => {
    const name = printable(r.name === '' ? r.roleId : r.name);
    let text = `${time(r.workPerCase)} of work a case`;
    if (r.utilisation !== null) text += `, ${percent(r.utilisation)} utilised`;
    if (r.queueGrowthPerPeriod !== null) {
      text += ` — cannot keep up: queue grows by ${num(r.queueGrowthPerPeriod)} cases a ${per}`;
    }
    return row(name.length >= LABEL_WIDTH ? `${name.slice(0, LABEL_WIDTH - 2)}… ` : name, text);
  });
}

function findingLines(
  io: Io,
  findings: readonly Finding[],
  map: ProcessMap,
  time: (min: number) => string,
): string[] {
  if (findings.length === 0) return ['  none'];
  const p = palette(io);
  const labels = new Map(map.steps.map((s) => [s.id as string, s.label]));
  const demand = resolveSettings(map).demand;
  const width = String(findings.length).length;
  const lines: string[] = [];
  findings.forEach((f, i) => {
    const paint =
      f.severity === 'critical' ? p.red : f.severity === 'warning' ? p.yellow : (t: string) => t;
    const waste = f.waste === null ? '' : ` (${f.waste})`;
    let stake = f.timeAtStake > 0 ? ` — ${time(f.timeAtStake)} a case` : '';
    if (f.timeAtStake > 0 && demand && demand.count > 0) {
      stake += `, ${time(f.timeAtStake * demand.count)} a ${demand.per}`;
    }
    lines.push(
      `  ${String(i + 1).padStart(width)}. ${paint(f.severity.padEnd(8))} ${f.rule}${waste}${stake}`,
    );
    const indent = ' '.repeat(width + 4);
    lines.push(`${indent}${printable(f.message)}`);
    if (f.stepIds.length > 0) {
      const names = f.stepIds.map((id) => quote(labels.get(id) ?? '', id));
      const shown =
        names.length > MAX_STEPS_LISTED
          ? [...names.slice(0, MAX_STEPS_LISTED), `and ${names.length - MAX_STEPS_LISTED} more`]
          : names;
      lines.push(`${indent}Steps: ${shown.join(', ')}`);
    }
  });
  return lines;
}

/** A step label in quotes, or its id when it has no label; control characters escaped. */
function quote(label: string, id: string): string {
  return label.trim() === '' ? `step ${printable(id)}` : printable(JSON.stringify(label));
}
