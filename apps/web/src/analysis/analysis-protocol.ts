import type { AnalysisResult } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';

/** What the page asks the analysis worker: analyse this map (the latest request wins). */
export interface AnalysisRequest {
  readonly id: number;
  readonly map: ProcessMap;
}

/** Per step, the figures the heat overlay colours by: expected minutes per case. */
export interface StepHeat {
  readonly wait: number;
  readonly lead: number;
}

/** The worker's answer: the analysis and the per-step heat, or why it failed. */
export type AnalysisReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly result: AnalysisResult;
      readonly heat: Readonly<Record<string, StepHeat>>;
      readonly ms: number;
    }
  | { readonly id: number; readonly ok: false; readonly message: string };
