import type { StepId } from '@procmap/model';
import { create } from 'zustand';
import type { StepMark } from './scenario-marks';

const NONE: ReadonlyMap<StepId, StepMark> = new Map();

/**
 * The shown scenario's marks by step id, for the step cards (each reads its own); empty while
 * the as-is is shown. Set by the editor from the shared document.
 */
export const useScenarioMarks = create<{ readonly marks: ReadonlyMap<StepId, StepMark> }>()(() => ({
  marks: NONE,
}));

/** Sets the marks shown (none for the as-is). */
export function showScenarioMarks(marks: ReadonlyMap<StepId, StepMark> | undefined): void {
  useScenarioMarks.setState({ marks: marks ?? NONE });
}
