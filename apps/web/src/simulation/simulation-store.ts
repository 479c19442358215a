import type { SimulationProblem, SimulationResult } from '@procmap/simulation';
import { create } from 'zustand';
import { queueHeat } from './results-view';
import type { InputField, RunInputs } from './run-inputs';

/** What the last run came to: results, or why the map cannot be simulated, or a failure. */
export type Outcome =
  | {
      readonly kind: 'result';
      readonly result: SimulationResult;
      readonly summary: string;
      readonly inputs: RunInputs;
      /** The map's version (mapVersion) the run was computed on. */
      readonly version: string;
      /** When it finished, for "Run at 14:02". */
      readonly at: number;
      readonly events: number;
      readonly ms: number;
    }
  | {
      readonly kind: 'problems';
      readonly problems: readonly SimulationProblem[];
      readonly inputs: RunInputs;
      readonly version: string;
    }
  | { readonly kind: 'error'; readonly message: string };

/** The run under way. */
export interface Running {
  readonly id: number;
  readonly inputs: RunInputs;
  readonly version: string;
  /** Share done, 0..1. */
  readonly done: number;
}

/** A step's colour on the queue overlay (0..1 of the map's longest queue) and its figure. */
export interface QueueMark {
  readonly share: number;
  /** Minutes a case queues for people at the step, per case. */
  readonly minutes: number;
}

interface SimulationState {
  readonly running: Running | null;
  readonly outcome: Outcome | null;
  /** The last run was cancelled: said until the next run. */
  readonly cancelled: boolean;
  /** The inputs are unfolded: until a run starts, and whenever someone opens them. */
  readonly inputsOpen: boolean;
  /** The fields as typed; null while they show the map's own settings. */
  readonly typed: Readonly<Record<InputField, string>> | null;
  /** The queue overlay is on (only one overlay at a time: the analysis heat is off then). */
  readonly overlay: boolean;
  /** Per step, from the last result. */
  readonly marks: ReadonlyMap<string, QueueMark>;
  /** The last thing said in the tab's polite live region; serial makes a repeat heard. */
  readonly said: { readonly text: string; readonly serial: number } | null;
}

const INITIAL: SimulationState = {
  running: null,
  outcome: null,
  cancelled: false,
  inputsOpen: true,
  typed: null,
  overlay: false,
  marks: new Map(),
  said: null,
};

/** The simulation of the open map: session state, never in the shared document. */
export const useSimulation = create<SimulationState>()(() => INITIAL);

/** Back to nothing run (leaving the map). */
export function resetSimulation(): void {
  useSimulation.setState(INITIAL);
}

/** Says `text` in the tab's live region. */
export function say(text: string): void {
  const serial = (useSimulation.getState().said?.serial ?? 0) + 1;
  useSimulation.setState({ said: { text, serial } });
}

/** Per-step overlay marks from a result: each step's queue against the longest. */
export function queueMarks(result: SimulationResult): Map<string, QueueMark> {
  const heat = queueHeat(result);
  let max = 0;
  for (const minutes of heat.values()) max = Math.max(max, minutes);
  const marks = new Map<string, QueueMark>();
  for (const [id, minutes] of heat) marks.set(id, { share: max > 0 ? minutes / max : 0, minutes });
  return marks;
}

/** The figure the overlay legend's hot end shows: the longest queue per case. */
export function longestQueue(marks: ReadonlyMap<string, QueueMark>): number {
  let max = 0;
  for (const mark of marks.values()) max = Math.max(max, mark.minutes);
  return max;
}
