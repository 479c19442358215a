import type { ProcessMap } from '@procmap/model';
import { combine, figuresOf, LeadHistogram, type ReplicationFigures } from './collect';
import { type Model, readModel } from './inputs';
import { joinsOf } from './joins';
import { type Random, randomStreams } from './random';
import { Replication } from './replication';
import {
  SIMULATION_DEFAULTS,
  SIMULATION_RANGES,
  type SimulationOptions,
  type SimulationProblem,
  type SimulationResult,
} from './result';

/** A run in progress: advanced a slice at a time, so a worker can report progress and stop. */
export interface SimulationRun {
  /** The options the run uses, the map's and the defaults filled in. */
  readonly options: Required<SimulationOptions>;
  /** Processes up to `events` more events; returns the share of the run done, 0..1. */
  advance(events: number): number;
  readonly done: boolean;
  /** Events processed so far (arrivals, ends of waits, ends of work). */
  readonly events: number;
  /** The answer; only once `done`. */
  result(): SimulationResult;
}

export type Prepared =
  | { readonly ok: true; readonly run: SimulationRun }
  | { readonly ok: false; readonly problems: readonly SimulationProblem[] };

export type Simulated =
  | { readonly ok: true; readonly result: SimulationResult }
  | { readonly ok: false; readonly problems: readonly SimulationProblem[] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The options with the map's settings and the defaults filled in, or what is wrong with them. */
function resolveOptions(
  map: ProcessMap,
  options: SimulationOptions,
): {
  options: Required<SimulationOptions>;
  problems: SimulationProblem[];
  /** Whether the warm-up was asked for (a flag or the map); else it is chosen for the map. */
  warmupGiven: boolean;
} {
  const settings = isRecord(map.settings) ? map.settings : {};
  const saved = isRecord(settings.simulation) ? settings.simulation : {};
  const problems: SimulationProblem[] = [];
  const grouped = new Intl.NumberFormat('en-GB');
  const pick = (key: keyof SimulationOptions, words: string): number => {
    const [least, most] = SIMULATION_RANGES[key];
    const v = options[key] ?? saved[key] ?? SIMULATION_DEFAULTS[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= least && v <= most) return v;
    const range = key === 'seed' ? '' : ` from ${grouped.format(least)} to ${grouped.format(most)}`;
    problems.push({
      code: 'bad-option',
      message: `${words} must be a whole number${range}, got ${String(v)}`,
    });
    return SIMULATION_DEFAULTS[key];
  };
  return {
    options: {
      cases: pick('cases', 'cases'),
      replications: pick('replications', 'replications'),
      warmup: pick('warmup', 'warm-up cases'),
      seed: pick('seed', 'the seed'),
    },
    problems,
    warmupGiven: options.warmup !== undefined || saved.warmup !== undefined,
  };
}

/** Checks the map and the options and sets up a run; nothing is simulated yet. */
export function prepareSimulation(map: ProcessMap, options: SimulationOptions = {}): Prepared {
  const resolved = resolveOptions(map, options);
  const read = readModel(map);
  const problems = [...resolved.problems, ...(read.ok ? [] : read.problems)];
  if (!read.ok || problems.length > 0) return { ok: false, problems };
  const { model } = read;
  const { cases, replications, seed } = resolved.options;
  const joins = joinsOf(model.g, model.entries);
  // Three streams for the warm-up's pilot, then three per replication: the pilot's numbers, and
  // each replication's, stay the same however many replications are asked for.
  const streams = randomStreams(seed, 3 + replications * 3);
  const warmup = resolved.warmupGiven
    ? resolved.options.warmup
    : chosenWarmup(model, joins, streams.slice(0, 3) as [Random, Random, Random]);
  const chosen = { ...resolved.options, warmup };
  const leads = new Float64Array(cases);
  const figures: ReplicationFigures[] = [];
  const histogram = new LeadHistogram();
  let events = 0;
  let current: Replication | undefined;
  let answer: SimulationResult | undefined;

  const begin = (k: number) =>
    new Replication(
      model,
      joins,
      cases,
      warmup,
      streams[3 + 3 * k] as Random,
      streams[3 + 3 * k + 1] as Random,
      streams[3 + 3 * k + 2] as Random,
      leads,
    );

  const run: SimulationRun = {
    options: chosen,
    get done() {
      return answer !== undefined;
    },
    get events() {
      return events + (current?.events ?? 0);
    },
    advance(budget: number): number {
      let left = budget;
      while (answer === undefined && left > 0) {
        current ??= begin(figures.length);
        const before = current.events;
        current.advance(left);
        left -= Math.max(1, current.events - before);
        if (!current.done) break;
        const totals = current.totals();
        histogram.add(totals.leads);
        figures.push(figuresOf(model, totals));
        events += current.events;
        current = undefined;
        if (figures.length === replications) answer = combine(model, chosen, figures, histogram);
      }
      if (answer !== undefined) return 1;
      const within = current ? current.finished / cases : 0;
      return Math.min(0.999, (figures.length + within) / replications);
    },
    result(): SimulationResult {
      if (answer === undefined) throw new Error('the simulation has not finished');
      return answer;
    },
  };
  return { ok: true, run };
}

/** Cases of the pilot run that times a case through the empty service. */
const PILOT_CASES = 20;

/**
 * The warm-up when none is asked for: at least the default 500 cases, and at least the
 * arrivals during two lead times of a case through the empty service (a short pilot run), so
 * that measuring starts once the service has filled up, however long a case takes. Rounded up
 * to two significant figures.
 */
function chosenWarmup(
  model: Model,
  joins: Int32Array,
  [arrivals, times, routing]: [Random, Random, Random],
): number {
  const pilot = new Replication(
    model,
    joins,
    PILOT_CASES,
    0,
    arrivals,
    times,
    routing,
    new Float64Array(PILOT_CASES),
  );
  while (!pilot.done) pilot.advance(1_000_000);
  const lead = pilot.totals().lead.mean;
  const wanted = Number.isFinite(lead) ? 2 * lead * model.rate : 0;
  const [, most] = SIMULATION_RANGES.warmup;
  return Math.min(most, Math.max(SIMULATION_DEFAULTS.warmup, twoFigures(wanted)));
}

/** Rounded up to two significant figures: 8,873 → 8,900. */
function twoFigures(x: number): number {
  if (!(x > 0)) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(x)) - 1);
  return Math.ceil(x / unit) * unit;
}

/** Runs a simulation to the end. */
export function simulate(map: ProcessMap, options: SimulationOptions = {}): Simulated {
  const prepared = prepareSimulation(map, options);
  if (!prepared.ok) return prepared;
  const { run } = prepared;
  while (!run.done) run.advance(1_000_000);
  return { ok: true, result: run.result() };
}
