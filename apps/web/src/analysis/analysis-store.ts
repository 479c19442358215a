import type { AnalysisResult, Finding } from '@procmap/analysis';
import { create } from 'zustand';
import type { StepHeat } from './analysis-protocol';

export type HeatMode = 'off' | 'wait' | 'lead';

/**
 * For each step: how many findings name it, and its heat (0..1 of the map's hottest step) with
 * the figures behind it (minutes per case), which the step and the legend show as text.
 */
export interface StepMarks {
  readonly findings: number;
  readonly worst: Finding['severity'] | null;
  readonly heat: { readonly wait: number; readonly lead: number };
  readonly minutes: StepHeat;
}

interface AnalysisStore {
  readonly result: AnalysisResult | null;
  readonly marks: ReadonlyMap<string, StepMarks>;
  /** An edit is waiting to be analysed, or the analysis is running. */
  readonly computing: boolean;
  readonly error: string | null;
  /** Milliseconds the last analysis took in the worker. */
  readonly ms: number | null;
  readonly heatMode: HeatMode;
  setHeatMode(mode: HeatMode): void;
}

/** The live analysis of the open map: session state, computed off the main thread. */
export const useAnalysis = create<AnalysisStore>()((set) => ({
  result: null,
  marks: new Map(),
  computing: false,
  error: null,
  ms: null,
  heatMode: 'off',
  setHeatMode: (heatMode) => set({ heatMode }),
}));

const RANK = { info: 0, warning: 1, critical: 2 } as const;

/** Per-step marks from a result and the worker's heat figures. */
export function stepMarks(
  result: AnalysisResult,
  heat: Readonly<Record<string, StepHeat>>,
): Map<string, StepMarks> {
  let maxWait = 0;
  let maxLead = 0;
  for (const h of Object.values(heat)) {
    maxWait = Math.max(maxWait, h.wait);
    maxLead = Math.max(maxLead, h.lead);
  }
  const marks = new Map<
    string,
    {
      findings: number;
      worst: Finding['severity'] | null;
      heat: { wait: number; lead: number };
      minutes: StepHeat;
    }
  >();
  for (const [id, h] of Object.entries(heat)) {
    marks.set(id, {
      findings: 0,
      worst: null,
      heat: { wait: maxWait > 0 ? h.wait / maxWait : 0, lead: maxLead > 0 ? h.lead / maxLead : 0 },
      minutes: { wait: h.wait, lead: h.lead },
    });
  }
  for (const finding of result.findings) {
    for (const id of new Set(finding.stepIds)) {
      const mark = marks.get(id);
      if (!mark) continue;
      mark.findings++;
      if (mark.worst === null || RANK[finding.severity] > RANK[mark.worst])
        mark.worst = finding.severity;
    }
  }
  return marks;
}
