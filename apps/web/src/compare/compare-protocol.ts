import type { ProcessSimulation } from '@procmap/compare';
import type { ProcessMap } from '@procmap/model';

/** What the Compare view asks its worker: simulate these processes (the as-is first) under one seed. */
export interface CompareRunRequest {
  readonly id: number;
  readonly maps: readonly ProcessMap[];
}

/** The worker's messages about run `id`: progress while it runs, then one answer. */
export type CompareRunReply =
  | {
      readonly id: number;
      readonly kind: 'progress' /** Share of the run done, 0..1. */;
      readonly done: number;
    }
  | {
      readonly id: number;
      readonly kind: 'result';
      readonly seed: number;
      /** Each process's answer, in the order asked. */
      readonly results: readonly ProcessSimulation[];
    }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };
