import { selectedStepIds, useSession } from '../../store/session-store';
import type { ActionState } from './types';

/** When an action applies: by what is selected. */
export const always = () => true;
export const onSteps = (s: ActionState) => s.selection.kind === 'steps';
export const onOneStep = (s: ActionState) =>
  s.selection.kind === 'steps' && s.selection.ids.length === 1;
export const onLane = (s: ActionState) => s.selection.kind === 'lane';
export const onFlow = (s: ActionState) => s.selection.kind === 'flow';
export const onSomething = (s: ActionState) => s.selection.kind !== 'none';
export const onStepsOrLane = (s: ActionState) => onSteps(s) || onLane(s);
export const lastStep = () => selectedStepIds(useSession.getState().selection).at(-1);
