import type { ProcessMap } from '@procmap/model';
import type { SimulationOptions, SimulationProblem, SimulationResult } from './result';

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

/** Checks the map and the options and sets up a run; nothing is simulated yet. */
export function prepareSimulation(_map: ProcessMap, _options: SimulationOptions = {}): Prepared {
  throw new Error('not yet');
}

/** Runs a simulation to the end. */
export function simulate(map: ProcessMap, options: SimulationOptions = {}): Simulated {
  const prepared = prepareSimulation(map, options);
  if (!prepared.ok) return prepared;
  const { run } = prepared;
  while (!run.done) run.advance(1_000_000);
  return { ok: true, result: run.result() };
}
