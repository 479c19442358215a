import { useSession } from '../../store/session-store';
import { selectLeavingFlow } from '../keyboard-commands';
import type { Action } from './types';
import { onOneStep, onFlow } from './when';

/** Flows: joining steps and choosing a flow. */
export const FLOW_ACTIONS: readonly Action[] = [
  {
    id: 'connect',
    label: 'Connect to…',
    help: 'Connect the selected step to another: type part of its name (a loop back too)',
    keys: ['Alt+Enter'],
    group: 'connect',
    changesMap: true,
    applies: onOneStep,
    run: () => useSession.getState().openDialog('connect'),
  },
  {
    id: 'select-flows',
    label: 'Select its flows',
    help: 'Select the flows leaving the selected step, one by one',
    keys: ['Alt+O'],
    group: 'connect',
    changesMap: false,
    applies: (s) => onOneStep(s) || onFlow(s),
    run: selectLeavingFlow,
  },
];
