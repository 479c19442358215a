import type { ProcessMap } from '@procmap/model';
import type { SimulationOptions, SimulationProblem, SimulationResult } from '@procmap/simulation';

/** What the page asks the simulation worker: run this map with these options. */
export interface SimulationRequest {
  readonly id: number;
  readonly map: ProcessMap;
  readonly options: SimulationOptions;
}

/** The worker's messages about run `id`: progress while it runs, then one answer. */
export type SimulationReply =
  | {
      readonly id: number;
      readonly kind: 'progress';
      /** Share of the run done, 0..1. */
      readonly done: number;
      readonly events: number;
    }
  | {
      readonly id: number;
      readonly kind: 'result';
      readonly result: SimulationResult;
      /** The run in one plain sentence. */
      readonly summary: string;
      readonly events: number;
      readonly ms: number;
    }
  | {
      readonly id: number;
      readonly kind: 'problems';
      readonly problems: readonly SimulationProblem[];
    }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
