import {
  type CompiledGraph,
  compileGraph,
  DEMAND_PERIODS,
  type DemandPeriod,
  DISTRIBUTIONS,
  entryIndices,
  type ProcessMap,
  resolveSettings,
  type TimeVariation,
  workingMinutesPer,
} from '@procmap/model';
import { type Sampler, samplerOf, variationProblem } from './distributions';
import type { SimulationProblem, SimulationWarning } from './result';

/*
 * The map read once into what the engine needs, and every reason it cannot be simulated as it
 * is. The map may come straight from a file or a live document, so nothing is trusted: each
 * problem names the step or role and says what to add or fix.
 */

/** The analysis' default tolerance for a decision's probabilities (docs/analysis.md). */
const PROBABILITY_TOLERANCE = 0.001;

/** The simulation's view of the map, indexed like the compiled graph. */
export interface Model {
  readonly g: CompiledGraph;
  /** Cases arriving per working minute. */
  readonly rate: number;
  readonly even: boolean;
  readonly minutesPerDay: number;
  readonly entries: readonly number[];
  /** Per step: its hands-on time and its waiting time, each as a draw. */
  readonly process: readonly Sampler[];
  readonly wait: readonly Sampler[];
  /** Per step: 1 when it needs someone's time (a processTime above 0). */
  readonly works: Uint8Array;
  /** Per step: 1 when it has a waiting time to draw (most steps have none). */
  readonly waits: Uint8Array;
  /** Per step: cases gathered before it starts (1 when not batched). */
  readonly batch: Int32Array;
  /** Per role: people in its pool; Infinity without a headcount. */
  readonly servers: Float64Array;
  /** Per role: cost of a minute of its time; NaN without an hourly cost. */
  readonly costPerMinute: Float64Array;
  readonly warnings: readonly SimulationWarning[];
}

export type ModelOrProblems =
  | { readonly ok: true; readonly model: Model }
  | { readonly ok: false; readonly problems: readonly SimulationProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const name = (label: string, id: string) => (label.trim() === '' ? id : label);

/** Reads a map for simulation, or says everything that stops it being simulated. */
export function readModel(map: ProcessMap): ModelOrProblems {
  const problems: SimulationProblem[] = [];
  const warnings: SimulationWarning[] = [];
  const settings = isRecord(map.settings) ? map.settings : {};
  const analysis = isRecord(settings.analysis) ? settings.analysis : {};
  const tolerance =
    typeof analysis.probabilityTolerance === 'number'
      ? analysis.probabilityTolerance
      : PROBABILITY_TOLERANCE;
  const g = compileGraph(map, { probabilityTolerance: tolerance });
  const resolved = resolveSettings({ settings: settings as ProcessMap['settings'] });

  const demand = isRecord(settings.demand) ? settings.demand : undefined;
  const per = demand?.per;
  const count = demand?.count;
  let rate = 0;
  if (
    typeof count !== 'number' ||
    !Number.isFinite(count) ||
    count <= 0 ||
    !(DEMAND_PERIODS as readonly unknown[]).includes(per)
  ) {
    problems.push({
      code: 'no-demand',
      message:
        'Set the demand first: how many cases arrive per hour, day or week (map settings, "Demand"). The simulation needs it to know how often cases arrive.',
    });
  } else {
    rate = count / workingMinutesPer(per as DemandPeriod, resolved);
  }

  const entries = entryIndices(g);
  if (entries.length === 0) {
    problems.push({
      code: 'no-start',
      message:
        g.steps.length === 0
          ? 'Add steps first: a start step where cases begin, the work, and an end.'
          : 'Add a start step: every step has a flow into it, so the simulation cannot tell where cases begin.',
    });
  }

  const n = g.steps.length;
  const process: Sampler[] = new Array(n);
  const wait: Sampler[] = new Array(n);
  const works = new Uint8Array(n);
  const waits = new Uint8Array(n);
  const batch = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const step = g.steps[i] as unknown as Record<string, unknown>;
    const id = g.ids[i] as string;
    const label = name(g.labels[i] as string, id);
    const p = timeOf(step, 'processTime', 'processVariation', label, id, problems);
    const w = timeOf(step, 'waitTime', 'waitVariation', label, id, problems);
    process[i] = p.sampler;
    wait[i] = w.sampler;
    works[i] = p.time > 0 || p.variable ? 1 : 0;
    waits[i] = w.time > 0 || w.variable ? 1 : 0;
    const b = step.batchSize;
    if (typeof b === 'number' && Number.isFinite(b) && b > 1) batch[i] = Math.round(b);
  }

  for (const bad of g.problems.badDecisions) {
    const id = g.ids[bad.step] as string;
    problems.push({
      code: 'bad-probabilities',
      stepId: id,
      message: `The branches of "${name(g.labels[bad.step] as string, id)}" have probabilities that add up to ${Math.round(bad.sum * 1000) / 10}%, not 100%: fix them so each case takes exactly one branch.`,
    });
  }

  const roles = g.roles;
  const servers = new Float64Array(roles.length).fill(Number.POSITIVE_INFINITY);
  const costPerMinute = new Float64Array(roles.length).fill(Number.NaN);
  for (let r = 0; r < roles.length; r++) {
    const role = roles[r] as unknown as Record<string, unknown>;
    const id = role.id as string;
    const roleName = typeof role.name === 'string' && role.name.trim() !== '' ? role.name : id;
    const cost = role.hourlyCost;
    if (typeof cost === 'number' && Number.isFinite(cost) && cost >= 0)
      costPerMinute[r] = cost / 60;
    const hc = role.headcount;
    const needed = firstWorkingStep(g, works, r);
    // Without a headcount the role has as many people as it needs (the result says so).
    if (typeof hc !== 'number' || !Number.isFinite(hc) || hc < 0) continue;
    const people = Math.round(hc);
    if (people < 1) {
      if (needed >= 0) {
        const stepId = g.ids[needed] as string;
        problems.push({
          code: 'no-people',
          roleId: id,
          stepId,
          message: `${roleName} has a headcount of ${hc}, but "${name(g.labels[needed] as string, stepId)}" needs their time: give the role at least one person, or move the step to another role.`,
        });
      }
      continue;
    }
    servers[r] = people;
    if (people !== hc && needed >= 0)
      warnings.push({
        code: 'whole-people',
        roleId: id,
        message: `${roleName}'s headcount of ${hc} is simulated as ${people} ${people === 1 ? 'person' : 'people'}: the simulation counts whole people.`,
      });
  }

  for (const i of endlessSteps(g, entries)) {
    const id = g.ids[i] as string;
    problems.push({
      code: 'endless-loop',
      stepId: id,
      message: `Cases that reach "${name(g.labels[i] as string, id)}" never finish: every way on from it leads back. Give the loop a way out (a branch to the next step or an end).`,
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  const even = demand?.arrivals === 'even';
  return {
    ok: true,
    model: {
      g,
      rate,
      even,
      minutesPerDay: resolved.hoursPerDay * 60,
      entries,
      process,
      wait,
      works,
      waits,
      batch,
      servers,
      costPerMinute,
      warnings,
    },
  };
}

/** A step's time and its variation as a sampler, noting what cannot be simulated. */
function timeOf(
  step: Record<string, unknown>,
  timeField: 'processTime' | 'waitTime',
  variationField: 'processVariation' | 'waitVariation',
  label: string,
  stepId: string,
  problems: SimulationProblem[],
): { sampler: Sampler; time: number; variable: boolean } {
  const words = timeField === 'processTime' ? 'process time' : 'wait time';
  const fixed = { sampler: () => 0, time: 0, variable: false };
  const raw = step[timeField];
  if (raw !== undefined && (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0)) {
    problems.push({
      code: 'bad-time',
      stepId,
      message: `"${label}" has a ${words} of ${describe(raw)}: a time must be a number of minutes, at least 0.`,
    });
    return fixed;
  }
  const time = typeof raw === 'number' ? raw : 0;
  const variation = step[variationField];
  if (variation === undefined)
    return { sampler: samplerOf(time, undefined), time, variable: false };
  const shape = variationShape(variation);
  if (shape !== undefined) {
    problems.push({ code: 'bad-variation', stepId, message: `"${label}": its ${words} ${shape}` });
    return fixed;
  }
  const checked = variation as TimeVariation;
  const problem = variationProblem(time, checked);
  if (problem !== undefined) {
    problems.push({
      code: 'bad-variation',
      stepId,
      message: `"${label}": its ${words} cannot vary as given: ${problem}.`,
    });
    return fixed;
  }
  const variable = checked.distribution !== 'fixed';
  return { sampler: samplerOf(time, checked), time, variable: variable && time > 0 };
}

/** What is wrong with a variation's shape, or undefined when it is one the engine can draw. */
function variationShape(v: unknown): string | undefined {
  if (!isRecord(v)) return `variation must be { distribution, … }, got ${describe(v)}.`;
  const d = v.distribution;
  if (!(DISTRIBUTIONS as readonly unknown[]).includes(d)) {
    return `varies by an unknown distribution ${describe(d)}: use one of ${DISTRIBUTIONS.join(', ')}.`;
  }
  const bound = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (d === 'triangular' || d === 'uniform') {
    if (!bound(v.min) || !bound(v.max))
      return `varies by a ${d} range that needs a min and a max of at least 0 minutes.`;
    if ((v.min as number) > (v.max as number))
      return `varies between ${v.min} and ${v.max} minutes: the min is above the max.`;
  }
  if (d === 'lognormal' && !(typeof v.cv === 'number' && Number.isFinite(v.cv) && v.cv > 0))
    return 'varies by a lognormal spread that needs a coefficient of variation (cv) above 0.';
  return undefined;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : typeof v;
}

/** The first step of role r that needs someone's time, or -1. */
function firstWorkingStep(g: CompiledGraph, works: Uint8Array, r: number): number {
  for (let i = 0; i < g.steps.length; i++) if (g.role[i] === r && works[i]) return i;
  return -1;
}

/**
 * Steps a case can reach but never leave for an end: from them no way with a chance above 0
 * leads to a step without a way out (a case ends where no flow leads on). A case there would loop
 * for ever, so the run would not end.
 */
function endlessSteps(g: CompiledGraph, entries: readonly number[]): number[] {
  const n = g.steps.length;
  const reached = new Uint8Array(n);
  const stack = [...entries];
  for (const e of entries) reached[e] = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let k = g.outStart[i] as number; k < (g.outStart[i + 1] as number); k++) {
      const e = g.outEdges[k] as number;
      const to = g.edgeTo[e] as number;
      if ((g.edgeWeight[e] as number) > 0 && !reached[to]) {
        reached[to] = 1;
        stack.push(to);
      }
    }
  }
  const finishes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (g.outStart[i] === g.outStart[i + 1]) {
      finishes[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    for (let k = g.inStart[i] as number; k < (g.inStart[i + 1] as number); k++) {
      const e = g.inEdges[k] as number;
      const from = g.edgeFrom[e] as number;
      if ((g.edgeWeight[e] as number) > 0 && !finishes[from]) {
        finishes[from] = 1;
        stack.push(from);
      }
    }
  }
  // One message is enough: the first step, in map order, of the loop itself (a step that
  // only leads into it is not where the fix goes).
  for (let i = 0; i < n; i++) {
    if (!reached[i] || finishes[i]) continue;
    for (let k = g.inStart[i] as number; k < (g.inStart[i + 1] as number); k++) {
      const from = g.edgeFrom[g.inEdges[k] as number] as number;
      if (reached[from] && !finishes[from]) return [i];
    }
  }
  return [];
}
