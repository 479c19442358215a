import {
  type AnalysisResult,
  type Annotation,
  describeBottleneck,
  type Finding,
  type FormatSettings,
  formatMetric,
  formatMinutes,
  formatNumber,
  formatShare,
  METRIC_DESCRIPTORS,
  type Metrics,
  RULE_LABELS,
} from '@procmap/analysis';
import { type ProcessMap, resolveSettings, type ValidationResult } from '@procmap/model';
import { count, type Io, palette, printable } from './output';
import { problemLine } from './validate-report';

/*
 * What `procmap analyze` prints on a terminal: the metrics with their units, then the findings,
 * largest gain first, each naming its steps by label. Names, units and number formats come from
 * the analysis package's metric descriptors, as in the editor and the report. With --json the
 * command prints analyze()'s result as it is instead (docs/analysis.md).
 */

const LABEL_WIDTH = 26;
const MAX_STEPS_LISTED = 8;

/** The map's settings as the formatters read them. */
function formatSettings(map: ProcessMap): FormatSettings {
  const settings = resolveSettings(map);
  return typeof settings.currency === 'string'
    ? { hoursPerDay: settings.hoursPerDay, currency: settings.currency }
    : { hoursPerDay: settings.hoursPerDay };
}

/**
 * Prints the report of one analysed map. `validation` is the file's (its warnings are listed);
 * `map` is the process analysed: the file's own, or one of its scenarios (`scenario` names it).
 */
export function reportAnalysis(
  io: Io,
  file: string,
  validation: ValidationResult & { ok: true },
  result: AnalysisResult,
  room: readonly Annotation[] = [],
  process: { readonly map: ProcessMap; readonly scenario?: string } = { map: validation.map },
): void {
  const p = palette(io);
  const { map } = process;
  const settings = resolveSettings(map);
  const time = (minutes: number) => formatMinutes(minutes, settings.hoursPerDay);
  const out: string[] = [
    `${p.bold(`Analysis of ${processTitle(map, process.scenario)}`)} (${printable(file)}) — ${count(map.steps.length, 'step')}, ${count(map.roles.length, 'role')}`,
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
  out.push('', p.bold(`Findings (${result.findings.length}), largest gain first`));
  const gains = result.findings.reduce((t, f) => t + f.uniqueTimeAtStake, 0);
  if (gains > 0) {
    out.push(
      `  Together up to ${time(gains)} of the ${time(result.metrics.leadTime)} lead time a case (time two findings share counted once)`,
    );
  }
  out.push(...findingLines(io, result.findings, map, time));
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

/** `"Referral"`, or `"Referral", scenario "To-be: portal"`: quoted, control characters escaped. */
export function processTitle(map: ProcessMap, scenario?: string): string {
  const title = map.title === '' ? '(untitled)' : printable(JSON.stringify(map.title));
  return scenario === undefined
    ? title
    : `${title}, scenario ${printable(JSON.stringify(scenario))}`;
}

function row(label: string, value: string): string {
  return `  ${label.padEnd(LABEL_WIDTH)}${value}`;
}

function metricLines(m: Metrics, map: ProcessMap, time: (min: number) => string): string[] {
  const demand = resolveSettings(map).demand;
  const settings = formatSettings(map);
  const lines = METRIC_DESCRIPTORS.map((d) => {
    const value = formatMetric(m, d.key, settings);
    if (value === null) return row(d.label, `n/a (${d.missing})`);
    const printed = d.unit === 'money' ? printable(value) : value;
    if (d.key === 'taktTime' && demand) {
      return row(d.label, `${printed} (${formatNumber(demand.count)} cases a ${demand.per})`);
    }
    if (d.key === 'casesInProgress') return row(d.label, `${printed} (Little's law)`);
    return row(d.label, printed);
  });
  lines.push(
    row('Bottleneck', m.bottleneck === null ? 'none' : printable(describeBottleneck(m.bottleneck))),
    row(
      'Longest wait',
      m.longestWait === null
        ? 'none'
        : `${quote(m.longestWait.label, m.longestWait.stepId)}, ${time(m.longestWait.waitTime)} a case`,
    ),
  );
  return lines;
}

function roleLines(m: Metrics, map: ProcessMap, time: (min: number) => string): string[] {
  const per = resolveSettings(map).demand?.per ?? 'period';
  return m.roles.map((r) => {
    const name = printable(r.name === '' ? r.roleId : r.name);
    let text = `${time(r.workPerCase)} of work a case`;
    if (r.utilisation !== null) text += `, ${formatShare(r.utilisation)} utilised`;
    if (r.queueGrowthPerPeriod !== null) {
      text += ` — cannot keep up: queue grows by ${formatNumber(r.queueGrowthPerPeriod)} cases a ${per}`;
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
    if (f.uniqueTimeAtStake < f.timeAtStake) {
      stake +=
        f.uniqueTimeAtStake > 0
          ? ` (${time(f.uniqueTimeAtStake)} not also counted by a larger finding)`
          : ' (all of it also counted by a larger finding)';
    }
    lines.push(
      `  ${String(i + 1).padStart(width)}. ${paint(f.severity.padEnd(8))} ${RULE_LABELS[f.rule]}${waste}${stake}`,
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
