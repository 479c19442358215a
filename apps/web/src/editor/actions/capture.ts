import { useSession } from '../../store/session-store';
import {
  addBranch,
  addLane,
  addNext,
  addStepInLane,
  cycleKind,
  startRename,
} from '../keyboard-commands';
import type { Action } from './types';
import { always, onSteps, onLane, onSomething, lastStep } from './when';

/** Capture: lanes, steps, branches, names and kinds as fast as the room talks. */
export const CAPTURE_ACTIONS: readonly Action[] = [
  {
    id: 'add-lane',
    label: 'Add lane',
    help: 'Add a lane (below the selected one) and name it',
    keys: ['Alt+L'],
    group: 'capture',
    changesMap: true,
    applies: always,
    run: addLane,
  },
  {
    id: 'add-step',
    label: 'Add step',
    help: 'Add a step in the selected lane and name it',
    keys: ['Alt+N'],
    group: 'capture',
    changesMap: true,
    applies: always,
    run: addStepInLane,
  },
  {
    id: 'next-step',
    label: 'Add next step',
    help: 'On a step: add the next step, in between when one follows (on a decision: a branch)',
    keys: ['Enter'],
    group: 'capture',
    changesMap: true,
    onMap: true,
    applies: onSteps,
    run: (ctx) => {
      const from = lastStep();
      if (from) addNext(ctx, from);
    },
  },
  {
    id: 'lane-step',
    label: 'Add step',
    help: 'On a lane: add a step in it',
    keys: ['Enter'],
    group: 'capture',
    changesMap: true,
    onMap: true,
    applies: onLane,
    run: addStepInLane,
  },
  {
    id: 'branch',
    label: 'Start a branch',
    help: 'On a step: start a branch, a new step beside the one that follows',
    keys: ['Shift+Enter'],
    group: 'capture',
    changesMap: true,
    onMap: true,
    applies: onSteps,
    run: (ctx) => {
      const from = lastStep();
      if (from) addBranch(ctx, from);
    },
  },
  {
    id: 'rename',
    label: 'Rename',
    help: 'Rename the selected step or lane (or just type); on a flow, edit its label',
    keys: ['F2'],
    group: 'capture',
    changesMap: true,
    onMap: true,
    applies: onSomething,
    run: (ctx) => {
      if (useSession.getState().selection.kind === 'flow') ctx.ui.focusFlowLabel();
      else startRename();
    },
  },
  {
    id: 'kind',
    label: 'Change kind',
    help: 'Change the kind of the selected step (task, decision, delay, end, start)',
    keys: ['Alt+K'],
    group: 'capture',
    changesMap: true,
    applies: onSteps,
    run: cycleKind,
  },
];
