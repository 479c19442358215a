import {
  type FormatSettings,
  formatMetric,
  formatShare,
  formatValue,
  METRIC_DESCRIPTORS,
  type MetricUnit,
} from '@procmap/analysis';
import {
  type ComparedProcess,
  type Comparison,
  describeChanges,
  type FlowWords,
  type ProcessSimulation,
  type RoleVerdict,
  roleChanges,
  verdictOf,
} from '@procmap/compare';
import {
  type MapChanges,
  type ProcessMap,
  resolveSettings,
  type ValidationResult,
  votesOf,
} from '@procmap/model';
import { processTitle } from './analyze-report';
import { count, type Io, palette, printable } from './output';
import { problemLine } from './validate-report';

/*
 * What `procmap compare` prints on a terminal: the processes compared, a table of the headline
 * metrics with each scenario's change from the as-is and whether that is better or worse (in
 * words, so it reads without colour), each role's utilisation, the simulated figures with
 * --simulate, then for each scenario what it changes, by step label, and the ideas it puts into
 * practice. With --json the command prints the comparison as it is instead.
 */

const LABEL_WIDTH = 26;
/** Names in a column head are cut here, so a table stays readable. */
const NAME_WIDTH = 28;
/** Changes listed per kind (steps added, removed...) before "and N more". */
const LISTED = 20;

/** The simulations of a comparison, in the order of its processes. */
export interface ComparedSimulations {
  readonly seed: number;
  readonly results: readonly ProcessSimulation[];
}

/** Prints the comparison of the as-is (first in `compared`) with its scenarios. */
export function reportComparison(
  io: Io,
  file: string,
  validation: ValidationResult & { ok: true },
  comparison: Comparison,
  maps: readonly ProcessMap[],
  simulations?: ComparedSimulations,
): void {
  const p = palette(io);
  const { map } = validation;
  const compared = comparison.scenarios;
  const scenarios = compared.length - 1;
  const out: string[] = [
    `${p.bold(`Comparison of ${processTitle(map)}`)} (${printable(file)}) — the as-is and ${count(scenarios, 'scenario')}`,
  ];
  if (validation.problems.length > 0) {
    out.push('', `${count(validation.problems.length, 'validator warning')}:`);
    for (const problem of validation.problems) out.push(problemLine(io, problem));
  }
  out.push('', p.bold('Processes'));
  compared.forEach((c, i) => {
    const m = maps[i] as ProcessMap;
    const about = c.description ? `: ${printable(c.description)}` : '';
    out.push(
      `  ${printable(c.name)} (${printable(c.id)}) — ${count(m.steps.length, 'step')}, ${count(m.roles.length, 'role')}${about}`,
    );
  });
  if (scenarios === 0) {
    out.push(
      '',
      'This map has no scenarios yet: add one to "scenarios" in the file (docs/scenarios.md), or make one in the editor.',
    );
  }
  const settings = maps.map(formatSettings);
  out.push('', p.bold('Per case'), ...table(heads(compared), metricRows(compared, settings)));
  const roles = roleRows(compared);
  if (roles.length > 0) {
    out.push('', p.bold('Utilisation by role'), ...table(heads(compared), roles));
    if (roles.some((r) => r.cells.some((c) => c.startsWith('n/a')))) {
      out.push('  n/a: no demand, or no headcount for the role');
    }
  }
  if (simulations) out.push(...simulationLines(io, compared, maps, simulations));
  compared.forEach((c, i) => {
    if (c.changes === undefined) return;
    out.push('', p.bold(`What ${printable(JSON.stringify(c.name))} changes from the as-is`));
    out.push(...changeLines(c.changes, map, maps[i] as ProcessMap, settings[0] as FormatSettings));
    out.push(...ideaLines(c, map));
  });
  io.stdout(`${out.join('\n')}\n`);
}

/** The map's settings as the formatters read them. */
function formatSettings(map: ProcessMap): FormatSettings {
  const settings = resolveSettings(map);
  return typeof settings.currency === 'string'
    ? { hoursPerDay: settings.hoursPerDay, currency: settings.currency }
    : { hoursPerDay: settings.hoursPerDay };
}

interface Row {
  readonly label: string;
  /** One cell per process, the as-is first. */
  readonly cells: readonly string[];
}

const clip = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text;

function heads(compared: readonly ComparedProcess[]): string[] {
  return compared.map((c) => clip(printable(c.name), NAME_WIDTH));
}

/** A table: a label column, then a column per process as wide as its widest cell. */
function table(headings: readonly string[], rows: readonly Row[]): string[] {
  const widths = headings.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)),
  );
  const line = (label: string, cells: readonly string[]) => {
    const name = label.length >= LABEL_WIDTH ? `${label.slice(0, LABEL_WIDTH - 2)}… ` : label;
    const body = cells.map((c, i) =>
      i === cells.length - 1 ? c : c.padEnd((widths[i] as number) + 3),
    );
    return `  ${name.padEnd(LABEL_WIDTH)}${body.join('')}`.trimEnd();
  };
  return [line('', headings), ...rows.map((r) => line(r.label, r.cells))];
}

/** A change written in the metric's unit with its sign: `-1 h 10 min`, `+9.5 pts`, `-£5.00`. */
function signedChange(unit: MetricUnit, change: number, settings: FormatSettings): string {
  const sign = change < 0 ? '-' : '+';
  const size = Math.abs(change);
  if (unit === 'share') return `${sign}${formatShare(size).replace('%', ' pts')}`;
  return `${sign}${formatValue(unit, size, settings)}`;
}

/** A scenario's cell: its figure, then the change from the as-is and the verdict in words. */
function changeCell(
  unit: MetricUnit,
  before: number | null,
  after: number | null,
  verdict: RoleVerdict,
  settings: FormatSettings,
): string {
  const shown = (v: number | null) =>
    v === null || !Number.isFinite(v) ? 'n/a' : printable(formatValue(unit, v, settings));
  const value = shown(after);
  if (before === null && after === null) return value;
  if (verdict === 'same') return `${value} (same)`;
  if (before === null || after === null || !Number.isFinite(before) || !Number.isFinite(after)) {
    return after === null ? value : `${value} (the as-is has none)`;
  }
  const change = printable(signedChange(unit, after - before, settings));
  if (verdict === 'neither') return `${value} (${change})`;
  return `${value} (${change}, ${verdict === 'idle' ? 'no work left' : verdict})`;
}

function metricRows(
  compared: readonly ComparedProcess[],
  settings: readonly FormatSettings[],
): Row[] {
  const asIs = compared[0]?.metrics.metrics;
  if (asIs === undefined) return [];
  return METRIC_DESCRIPTORS.map((d) => ({
    label: d.label,
    cells: compared.map((c, i) => {
      const s = settings[i] as FormatSettings;
      const m = c.metrics.metrics;
      if (i === 0) return printable(formatMetric(m, d.key, s) ?? 'n/a');
      return changeCell(
        d.unit,
        asIs[d.key],
        m[d.key],
        verdictOf(d.better, asIs[d.key], m[d.key]),
        s,
      );
    }),
  }));
}

/** Each role's utilisation: the as-is's roles, then those a scenario adds, with the change. */
function roleRows(compared: readonly ComparedProcess[]): Row[] {
  const asIs = compared[0]?.metrics.metrics;
  if (asIs === undefined) return [];
  const names = new Map<string, string>();
  const cells = new Map<string, string[]>();
  const cell = (id: string, name: string) => {
    if (!names.has(id)) names.set(id, name);
    let row = cells.get(id);
    if (!row) {
      row = compared.map(() => 'not in it');
      cells.set(id, row);
    }
    return row;
  };
  const share = (v: number | null) => (v === null ? 'n/a' : formatShare(v));
  for (const r of asIs.roles) cell(r.roleId, r.name || r.roleId)[0] = share(r.utilisation);
  compared.forEach((c, i) => {
    if (i === 0) return;
    for (const change of roleChanges(asIs, c.metrics.metrics)) {
      const row = cell(change.roleId, change.name || change.roleId);
      row[i] =
        change.presence === 'removed'
          ? 'removed'
          : change.presence === 'added'
            ? `${share(change.after)} (added)`
            : changeCell('share', change.before, change.after, change.verdict, { hoursPerDay: 8 });
    }
  });
  return [...cells].map(([id, row]) => ({ label: printable(names.get(id) ?? id), cells: row }));
}

/** The simulated figures of each process under one seed, and why any could not run. */
function simulationLines(
  io: Io,
  compared: readonly ComparedProcess[],
  maps: readonly ProcessMap[],
  simulations: ComparedSimulations,
): string[] {
  const p = palette(io);
  const { results } = simulations;
  const asIs = results[0];
  const base = asIs?.ok ? asIs.result : null;
  const settings = maps.map(formatSettings);
  const figure = (
    label: string,
    unit: MetricUnit,
    pick: (r: NonNullable<typeof base>) => number | null,
  ): Row => ({
    label,
    cells: results.map((r, i) => {
      if (!r.ok) return 'cannot be simulated';
      const s = settings[i] as FormatSettings;
      const after = pick(r.result);
      if (i === 0) return after === null ? 'n/a' : printable(formatValue(unit, after, s));
      const before = base === null ? null : pick(base);
      return changeCell(unit, before, after, verdictOf('lower', before, after), s);
    }),
  });
  const rows = [
    figure('Mean lead time', 'duration', (r) => r.leadTime.mean),
    figure('Half of cases within', 'duration', (r) => r.leadTime.p50),
    figure('9 in 10 within', 'duration', (r) => r.leadTime.p90),
    figure('19 in 20 within', 'duration', (r) => r.leadTime.p95),
    figure('Cases in progress', 'number', (r) => r.wip.mean),
    figure('Staff cost per case', 'money', (r) => r.costPerCase),
  ];
  const out = [
    '',
    p.bold(`Simulated (seed ${simulations.seed} for every process)`),
    ...table(heads(compared), rows),
  ];
  results.forEach((r, i) => {
    if (r.ok) return;
    out.push(`  ${printable(compared[i]?.name ?? '')} cannot be simulated:`);
    for (const problem of r.problems)
      out.push(`    ${p.red('error')}  ${printable(problem.message)}`);
  });
  // A role that cannot keep up makes every figure of that process grow with the run: say so.
  results.forEach((r, i) => {
    if (!r.ok) return;
    for (const w of r.result.warnings.filter((x) => x.code === 'overloaded')) {
      out.push(
        `  ${p.yellow('warning')}  ${printable(compared[i]?.name ?? '')}: ${printable(w.message)}`,
      );
    }
  });
  return out;
}

/** A step, flow end or role by its label in quotes, or its id when it has none. */
function named(label: string | undefined, id: string): string {
  return label === undefined || label.trim() === ''
    ? printable(id)
    : printable(JSON.stringify(label));
}

function listed(lines: string[]): string[] {
  if (lines.length <= LISTED) return lines;
  return [...lines.slice(0, LISTED), `    and ${lines.length - LISTED} more`];
}

/**
 * The changes by step label: added, removed, moved to another lane, changed with each field in
 * the compare package's words and its values ("wait before 2 h → 30 min").
 */
function changeLines(
  changes: MapChanges,
  asIs: ProcessMap,
  scenario: ProcessMap,
  formats: FormatSettings,
): string[] {
  const { steps, flows, roles } = describeChanges(asIs, scenario, changes, formats);
  const words = (list: readonly string[]) => list.map(printable).join(', ');
  const out: string[] = [];
  const stepLines: string[] = [];
  for (const s of steps.added) stepLines.push(`    added    ${named(s.label, s.id)}`);
  for (const s of steps.removed) stepLines.push(`    removed  ${named(s.label, s.id)}`);
  for (const s of steps.changed) {
    if (s.movedFrom !== undefined) {
      const lane = `lane ${s.movedFrom} → ${s.lane}`;
      stepLines.push(`    moved    ${named(s.label, s.id)}: ${printable(lane)}`);
    }
    if (s.described.length > 0) {
      stepLines.push(`    changed  ${named(s.label, s.id)}: ${words(s.described)}`);
    }
  }
  out.push('  Steps', ...(stepLines.length > 0 ? listed(stepLines) : ['    none changed']));

  const flow = (f: FlowWords) => `${named(f.from, f.id)} → ${named(f.to, f.id)}`;
  const flowLines = [
    ...flows.added.map((f) => `    added    ${flow(f)}`),
    ...flows.removed.map((f) => `    removed  ${flow(f)}`),
    ...flows.changed.map((f) => `    changed  ${flow(f)}: ${words(f.described)}`),
  ];
  if (flowLines.length > 0) out.push('  Flows', ...listed(flowLines));

  const roleLines = [
    ...roles.added.map((r) => `    added    ${named(r.name, r.id)}`),
    ...roles.removed.map((r) => `    removed  ${named(r.name, r.id)}`),
    ...roles.changed.map((r) => `    changed  ${named(r.name, r.id)}: ${words(r.described)}`),
  ];
  if (roleLines.length > 0) out.push('  Roles', ...listed(roleLines));
  return out;
}

/** The ideas a scenario puts into practice: each idea's text and votes, from the map's comments. */
function ideaLines(c: ComparedProcess, map: ProcessMap): string[] {
  const ideas = c.ideas ?? [];
  if (ideas.length === 0) return ['  Ideas it puts into practice: none linked'];
  const comments = new Map((map.comments ?? []).map((x) => [x.id as string, x]));
  return [
    '  Ideas it puts into practice',
    ...ideas.map((id) => {
      const idea = comments.get(id);
      if (idea === undefined) return `    comment ${printable(id)} (not in the map)`;
      const votes = votesOf(idea);
      const by = idea.author ? `${printable(idea.author)}, ` : '';
      return `    ${printable(JSON.stringify(idea.text))} (${by}${count(votes, 'vote')})`;
    }),
  ];
}
