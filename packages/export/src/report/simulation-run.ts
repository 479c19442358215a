import type { ProcessMap } from '@procmap/model';
import {
  SIMULATION_DEFAULTS,
  type SimulationProblem,
  type SimulationResult,
  prepareSimulation,
  simulate,
} from '@procmap/simulation';

/*
 * The simulation the report shows: run only when the map has demand to simulate, on the map's
 * own inputs, but never larger than a report can afford to wait for. Someone who wants the full
 * run has the command line and the editor's Simulate tab.
 */

/**
 * The most cases and replications the report simulates, whatever the map asks for: the
 * defaults, so a map that asks for nothing gets the figures `procmap simulate`, `procmap
 * compare --simulate` and the editor give.
 */
export const REPORT_SIMULATION_CAP = {
  cases: SIMULATION_DEFAULTS.cases,
  replications: SIMULATION_DEFAULTS.replications,
} as const;

/**
 * Cases × steps × replications the report simulates at most: a run costs two to three events
 * per step a case passes, so this is about two seconds. The templates (up to 42 steps) run the
 * whole cap; a 300-step map runs fewer cases rather than half a minute of them.
 */
export const REPORT_SIMULATION_BUDGET = 5_000_000;

/** The inputs of a run, as the report used them. */
export interface ReportSimulationInputs {
  readonly cases: number;
  readonly replications: number;
  readonly warmup: number;
  readonly seed: number;
}

export type ReportSimulation =
  | {
      readonly ok: true;
      readonly result: SimulationResult;
      readonly inputs: ReportSimulationInputs;
      /** The full run (the map's inputs, or the defaults), when the report ran less than that. */
      readonly capped?: { readonly cases: number; readonly replications: number };
    }
  | { readonly ok: false; readonly problems: readonly SimulationProblem[] };

/** Whether the map says how many cases arrive: without demand there is nothing to simulate. */
export function hasDemand(map: ProcessMap): boolean {
  const count = map.settings?.demand?.count;
  return typeof count === 'number' && count > 0;
}

/**
 * The inputs the report runs: the map's `settings.simulation`, the defaults, then the cap.
 * `seed` replaces the map's own (a case study runs its scenario under the as-is's seed); the
 * warm-up a run chooses is chosen under the seed it runs with, as `prepareComparisonRun` does.
 */
export function reportSimulationInputs(
  map: ProcessMap,
  seed?: number,
): {
  inputs: ReportSimulationInputs;
  capped?: { cases: number; replications: number };
} {
  const own = definedOnly(map.settings?.simulation);
  const runSeed = seed ?? own.seed ?? SIMULATION_DEFAULTS.seed;
  const asked = {
    ...SIMULATION_DEFAULTS,
    ...own,
    seed: runSeed,
    warmup: own.warmup ?? chosenWarmup(map, runSeed),
  };
  const replications = Math.min(asked.replications, REPORT_SIMULATION_CAP.replications);
  let cases = Math.min(asked.cases, REPORT_SIMULATION_CAP.cases);
  let warmup = asked.warmup;
  // A big map runs fewer cases, warm-up and measured alike, so the warm-up keeps its share.
  const room = Math.floor(
    REPORT_SIMULATION_BUDGET / (replications * Math.max(1, map.steps.length)),
  );
  if (cases + warmup > room) {
    const measured = Math.max(1, Math.round((cases * room) / (cases + warmup)));
    warmup = Math.max(0, Math.min(warmup, room - measured));
    cases = measured;
  }
  const inputs = { cases, replications, warmup, seed: asked.seed };
  const capped = cases < asked.cases || replications < asked.replications;
  return capped
    ? { inputs, capped: { cases: asked.cases, replications: asked.replications } }
    : { inputs };
}

/**
 * The warm-up a run chooses for the map when it asks for none (long enough for a case to get
 * through): what the editor and the command line would use. Setting a run up only times its
 * short pilot; nothing else is simulated.
 */
function chosenWarmup(map: ProcessMap, seed: number): number {
  const prepared = prepareSimulation(map, { cases: 1, replications: 1, seed });
  return prepared.ok ? prepared.run.options.warmup : SIMULATION_DEFAULTS.warmup;
}

/**
 * Runs the report's simulation; undefined when the map has no demand (no section at all).
 * `seed` replaces the map's own: a case study runs the as-is and its scenario under one seed.
 */
export function runReportSimulation(map: ProcessMap, seed?: number): ReportSimulation | undefined {
  if (!hasDemand(map)) return undefined;
  const { inputs, capped } = reportSimulationInputs(map, seed);
  const run = simulate(map, inputs);
  if (!run.ok) return { ok: false, problems: run.problems };
  return { ok: true, result: run.result, inputs, ...(capped ? { capped } : {}) };
}

/** The fields of the map's simulation settings that are set (an explicit undefined is not). */
function definedOnly(
  settings: Readonly<Record<string, unknown>> | undefined,
): Partial<ReportSimulationInputs> {
  const out: Record<string, number> = {};
  for (const key of ['cases', 'replications', 'warmup', 'seed'] as const) {
    const v = settings?.[key];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}
