import type { ProcessMap } from '@procmap/model';
import {
  prepareSimulation,
  SIMULATION_DEFAULTS,
  type SimulationOptions,
  type SimulationProblem,
  type SimulationResult,
  type SimulationRun,
} from '@procmap/simulation';

/*
 * The compared processes simulated under one seed, one after another as one run with one
 * progress: what `procmap compare --simulate` and the Compare view's "Simulate all" show. Each
 * process keeps its own cases, replications and warm-up (a scenario may override them), but the
 * seed is the as-is's for all, so a difference between two answers is the processes', not the
 * dice's. A process that cannot be simulated says why, beside the others' answers.
 */

/** One process's simulation: the `procmap simulate --json` answer, or what stops it. */
export type ProcessSimulation =
  | { readonly ok: true; readonly result: SimulationResult }
  | { readonly ok: false; readonly problems: readonly SimulationProblem[] };

export interface ComparisonRun {
  /** The seed every process runs with. */
  readonly seed: number;
  /** Processes up to `events` more events; returns the share of the whole run done, 0..1. */
  advance(events: number): number;
  readonly done: boolean;
  /** Each process's answer, in the order given; only once `done`. */
  results(): ProcessSimulation[];
}

/**
 * A run simulating `maps` (the as-is first) under one seed: `options.seed`, else the as-is's
 * `settings.simulation.seed`, else the default. Other options apply to every process.
 */
export function prepareComparisonRun(
  maps: readonly ProcessMap[],
  options: SimulationOptions = {},
): ComparisonRun {
  const seed = options.seed ?? maps[0]?.settings?.simulation?.seed ?? SIMULATION_DEFAULTS.seed;
  const prepared = maps.map((m) => prepareSimulation(m, { ...options, seed }));
  const runs: (SimulationRun | null)[] = prepared.map((p) => (p.ok ? p.run : null));
  const pending = runs.filter((r): r is SimulationRun => r !== null);
  let current = 0;
  let currentShare = 0;
  const share = () =>
    pending.length === 0 ? 1 : Math.min(1, (current + currentShare) / pending.length);
  return {
    seed,
    get done() {
      return current >= pending.length;
    },
    advance(events: number) {
      let left = events;
      while (left > 0 && current < pending.length) {
        const run = pending[current] as SimulationRun;
        const before = run.events;
        currentShare = run.advance(left);
        left -= Math.max(1, run.events - before);
        if (run.done) {
          current++;
          currentShare = 0;
        }
      }
      return share();
    },
    results() {
      if (current < pending.length) throw new Error('the comparison run is not done yet');
      return prepared.map((p) =>
        p.ok
          ? { ok: true as const, result: p.run.result() }
          : { ok: false as const, problems: p.problems },
      );
    },
  };
}

/** The whole comparison simulated at once (tests, small maps). */
export function simulateComparison(
  maps: readonly ProcessMap[],
  options: SimulationOptions = {},
): ProcessSimulation[] {
  const run = prepareComparisonRun(maps, options);
  while (!run.done) run.advance(1_000_000);
  return run.results();
}
