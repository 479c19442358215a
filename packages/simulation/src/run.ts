import type { ProcessMap } from '@procmap/model';
import { combine, figuresOf, LeadHistogram, type ReplicationFigures } from './collect';
import { readModel } from './inputs';
import { joinsOf } from './joins';
import { type Random, randomStreams } from './random';
import { Replication } from './replication';
import {
  SIMULATION_DEFAULTS,
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

/** Largest run asked for: cases per replication, and replications. */
export const SIMULATION_LIMITS = { cases: 10_000_000, replications: 1000, warmup: 10_000_000 };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The options with the map's settings and the defaults filled in, or what is wrong with them. */
function resolveOptions(
  map: ProcessMap,
  options: SimulationOptions,
): { options: Required<SimulationOptions>; problems: SimulationProblem[] } {
  const settings = isRecord(map.settings) ? map.settings : {};
  const saved = isRecord(settings.simulation) ? settings.simulation : {};
  const problems: SimulationProblem[] = [];
  const pick = (key: keyof SimulationOptions, min: number, max: number, words: string): number => {
    const v = options[key] ?? saved[key] ?? SIMULATION_DEFAULTS[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max) return v;
    problems.push({ code: 'bad-option', message: `${words}, got ${String(v)}` });
    return SIMULATION_DEFAULTS[key];
  };
  const max = SIMULATION_LIMITS;
  return {
    options: {
      cases: pick('cases', 1, max.cases, 'cases must be a whole number from 1 to 10,000,000'),
      replications: pick(
        'replications',
        1,
        max.replications,
        'replications must be a whole number from 1 to 1,000',
      ),
      warmup: pick(
        'warmup',
        0,
        max.warmup,
        'warm-up cases must be a whole number from 0 to 10,000,000',
      ),
      seed: pick(
        'seed',
        Number.MIN_SAFE_INTEGER,
        Number.MAX_SAFE_INTEGER,
        'the seed must be a whole number',
      ),
    },
    problems,
  };
}

/** Checks the map and the options and sets up a run; nothing is simulated yet. */
export function prepareSimulation(map: ProcessMap, options: SimulationOptions = {}): Prepared {
  const resolved = resolveOptions(map, options);
  const read = readModel(map);
  const problems = [...resolved.problems, ...(read.ok ? [] : read.problems)];
  if (!read.ok || problems.length > 0) return { ok: false, problems };
  const { model } = read;
  const { cases, replications, warmup, seed } = resolved.options;
  const joins = joinsOf(model.g, model.entries);
  const streams = randomStreams(seed, replications * 3);
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
      streams[3 * k] as Random,
      streams[3 * k + 1] as Random,
      streams[3 * k + 2] as Random,
      leads,
    );

  const run: SimulationRun = {
    options: resolved.options,
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
        histogram.add(totals.leads, totals.leadMax);
        figures.push(figuresOf(model, totals));
        events += current.events;
        current = undefined;
        if (figures.length === replications)
          answer = combine(model, resolved.options, figures, histogram);
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

/** Runs a simulation to the end. */
export function simulate(map: ProcessMap, options: SimulationOptions = {}): Simulated {
  const prepared = prepareSimulation(map, options);
  if (!prepared.ok) return prepared;
  const { run } = prepared;
  while (!run.done) run.advance(1_000_000);
  return { ok: true, result: run.result() };
}
