import { type Selection, selectedStepIds, useSession } from '../store/session-store';
import { focusCanvasSoon } from './canvas-focus';
import {
  addBranch,
  addLane,
  addNext,
  addStepInLane,
  cycleKind,
  deleteSelection,
  duplicateSelection,
  type KeyContext,
  moveAcrossLanes,
  moveSelection,
  selectLeavingFlow,
  startRename,
} from './keyboard-commands';
import { chordLabel, type KeyPress, matchesChord, typesText } from './keys';

/*
 * Every command of the editor, once: its words, its keys, when it applies and what it does.
 * The canvas's keydown, the toolbar, the lane menu and the shortcuts dialog are all read from
 * this table, so a key, a button and the list of shortcuts can never disagree.
 */

/** What the editor around the canvas offers the commands: panel focus, Tidy up. */
export interface EditorUi {
  focusProperties(): void;
  focusCommentBox(): void;
  focusFlowLabel(): void;
  tidyUp(): void;
}

/** What an action runs with: the open map, and the editor around it. */
export interface ActionContext extends KeyContext {
  readonly ui: EditorUi;
}

/** What decides whether an action applies and is enabled: plain data, for pure tests. */
export interface ActionState {
  readonly selection: Selection;
  readonly readOnly: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/** Headings of the shortcuts dialog, in its order. */
export const ACTION_GROUPS = {
  capture: 'Capture',
  connect: 'Flows',
  select: 'Select and move around',
  edit: 'Edit',
  map: 'The map',
} as const;

export type ActionGroup = keyof typeof ACTION_GROUPS;

export interface Action {
  readonly id: string;
  /** Its words on a button or in a menu. */
  readonly label: string;
  /** What it does, in one line of the shortcuts dialog. */
  readonly help: string;
  /** Its chords ("Alt+L", "Ctrl+Shift+Z"); the first is the one buttons and menus show. */
  readonly keys: readonly string[];
  readonly group: ActionGroup;
  /** Changes the map: refused on a view link. */
  readonly changesMap: boolean;
  /** Whether it means something with this selection; its keys are left alone otherwise. */
  applies(state: ActionState): boolean;
  /** Whether it can run now, beyond applying (undo needs something to undo). Default yes. */
  ready?(state: ActionState): boolean;
  /**
   * Its keys go on to the browser, which turns them into the clipboard events that run it
   * (copy, cut, paste need the clipboard's data); `run` is then not called for a key.
   */
  readonly byBrowser?: boolean;
  /**
   * Its keys act on the map only: when the keyboard is on the map (or on nothing), never on a
   * toolbar button, the panel, the outline or a dialog. Keys with Alt, undo and redo, and "?"
   * work wherever the keyboard is.
   */
  readonly onMap?: boolean;
  run(ctx: ActionContext): void;
}

const always = () => true;
const onSteps = (s: ActionState) => s.selection.kind === 'steps';
const onOneStep = (s: ActionState) => s.selection.kind === 'steps' && s.selection.ids.length === 1;
const onLane = (s: ActionState) => s.selection.kind === 'lane';
const onFlow = (s: ActionState) => s.selection.kind === 'flow';
const onSomething = (s: ActionState) => s.selection.kind !== 'none';
const onStepsOrLane = (s: ActionState) => onSteps(s) || onLane(s);
const lastStep = () => selectedStepIds(useSession.getState().selection).at(-1);

/** The table. Order matters only among actions sharing a key: the first that applies runs. */
export const ACTIONS: readonly Action[] = [
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
  {
    id: 'properties',
    label: 'Properties',
    help: 'Go to the properties panel (of the selection, or the map); Esc comes back',
    keys: ['Alt+P'],
    group: 'edit',
    changesMap: false,
    applies: always,
    run: (ctx) => ctx.ui.focusProperties(),
  },
  {
    id: 'comment',
    label: 'Comment',
    help: 'Comment: a pain point, idea, question or note on the selection or the map',
    keys: ['Alt+C'],
    group: 'edit',
    changesMap: true,
    applies: always,
    run: (ctx) => ctx.ui.focusCommentBox(),
  },
  {
    id: 'move-up',
    label: 'Move up',
    help: 'Move the selected step (or lane) up a lane',
    keys: ['Alt+ArrowUp'],
    group: 'edit',
    changesMap: true,
    applies: onStepsOrLane,
    run: (ctx) => moveAcrossLanes(ctx, -1),
  },
  {
    id: 'move-down',
    label: 'Move down',
    help: 'Move the selected step (or lane) down a lane',
    keys: ['Alt+ArrowDown'],
    group: 'edit',
    changesMap: true,
    applies: onStepsOrLane,
    run: (ctx) => moveAcrossLanes(ctx, 1),
  },
  {
    id: 'delete',
    label: 'Delete',
    help: 'Delete the selection: steps (their chain is rejoined), a flow, or a lane (asks where its steps go)',
    keys: ['Delete', 'Backspace'],
    group: 'edit',
    changesMap: true,
    onMap: true,
    applies: onSomething,
    run: deleteSelection,
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    help: 'Duplicate the selected steps',
    keys: ['Ctrl+D'],
    group: 'edit',
    changesMap: true,
    onMap: true,
    applies: onSteps,
    run: duplicateSelection,
  },
  {
    id: 'copy',
    label: 'Copy',
    help: 'Copy the selected steps (also to another map)',
    keys: ['Ctrl+C'],
    group: 'edit',
    changesMap: false,
    onMap: true,
    applies: onSteps,
    byBrowser: true,
    run: () => document.execCommand('copy'),
  },
  {
    id: 'cut',
    label: 'Cut',
    help: 'Cut the selected steps',
    keys: ['Ctrl+X'],
    group: 'edit',
    changesMap: true,
    onMap: true,
    applies: onSteps,
    byBrowser: true,
    run: () => document.execCommand('cut'),
  },
  {
    id: 'paste',
    label: 'Paste',
    help: 'Paste copied steps',
    keys: ['Ctrl+V'],
    group: 'edit',
    changesMap: true,
    onMap: true,
    applies: always,
    byBrowser: true,
    // Only a key press may read the clipboard: from a button or menu, say which key.
    run: () => useSession.getState().setHint('Press Ctrl+V to paste copied steps.'),
  },
  {
    id: 'undo',
    label: 'Undo',
    help: 'Undo your last edit (a new step and its name are one)',
    keys: ['Ctrl+Z'],
    group: 'edit',
    changesMap: true,
    applies: always,
    ready: (s) => s.canUndo,
    run: (ctx) => {
      useSession
        .getState()
        .setHint(ctx.doc.undo() ? 'Undone. Ctrl+Shift+Z redoes.' : 'Nothing of yours to undo.');
    },
  },
  {
    id: 'redo',
    label: 'Redo',
    help: 'Redo',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    group: 'edit',
    changesMap: true,
    applies: always,
    ready: (s) => s.canRedo,
    run: (ctx) => {
      useSession.getState().setHint(ctx.doc.redo() ? 'Redone.' : 'Nothing to redo.');
    },
  },
  {
    id: 'next',
    label: 'Select next',
    help: 'Select the next step along the flow',
    // Never Tab: Tab and Shift+Tab always move the page's focus, to leave the map.
    keys: ['ArrowRight'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSomething,
    run: (ctx) => moveSelection(ctx, 'next'),
  },
  {
    id: 'previous',
    label: 'Select previous',
    help: 'Select the previous step along the flow',
    keys: ['ArrowLeft'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSomething,
    run: (ctx) => moveSelection(ctx, 'previous'),
  },
  {
    id: 'up',
    label: 'Select above',
    help: 'Select in the lane above',
    keys: ['ArrowUp'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSomething,
    run: (ctx) => moveSelection(ctx, 'up'),
  },
  {
    id: 'down',
    label: 'Select below',
    help: 'Select in the lane below',
    keys: ['ArrowDown'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSomething,
    run: (ctx) => moveSelection(ctx, 'down'),
  },
  {
    id: 'extend-next',
    label: 'Add the next step to the selection',
    help: 'Add the next step along the flow to the selection',
    keys: ['Shift+ArrowRight'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSteps,
    run: (ctx) => moveSelection(ctx, 'next', true),
  },
  {
    id: 'extend-previous',
    label: 'Add the previous step to the selection',
    help: 'Add the previous step along the flow to the selection',
    keys: ['Shift+ArrowLeft'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSteps,
    run: (ctx) => moveSelection(ctx, 'previous', true),
  },
  {
    id: 'extend-up',
    label: 'Add the step above to the selection',
    help: 'Add the nearest step in the lane above to the selection',
    keys: ['Shift+ArrowUp'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSteps,
    run: (ctx) => moveSelection(ctx, 'up', true),
  },
  {
    id: 'extend-down',
    label: 'Add the step below to the selection',
    help: 'Add the nearest step in the lane below to the selection',
    keys: ['Shift+ArrowDown'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: onSteps,
    run: (ctx) => moveSelection(ctx, 'down', true),
  },
  {
    id: 'first',
    label: 'Select the first step',
    help: 'With nothing selected: select the first step',
    keys: ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: (s) => s.selection.kind === 'none',
    run: (ctx) => moveSelection(ctx, 'next'),
  },
  {
    id: 'select-all',
    label: 'Select all',
    help: 'Select every step',
    keys: ['Ctrl+A'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: always,
    run: (ctx) => useSession.getState().selectSteps(ctx.geometry.steps.map((b) => b.step.id)),
  },
  {
    id: 'clear',
    label: 'Clear selection',
    help: 'Clear the selection',
    keys: ['Escape'],
    group: 'select',
    changesMap: false,
    onMap: true,
    applies: always,
    run: () => useSession.getState().clearSelection(),
  },
  {
    id: 'tidy-up',
    label: 'Tidy up',
    help: 'Tidy up: lay the map out along the flow, every step in its lane (one undo)',
    keys: ['Alt+T'],
    group: 'map',
    changesMap: true,
    applies: always,
    run: (ctx) => ctx.ui.tidyUp(),
  },
  {
    id: 'outline',
    label: 'Outline',
    help: 'Outline: the process as lists, one per lane, to read, review and edit by keyboard (again: back to the map)',
    keys: ['Alt+V'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => {
      const session = useSession.getState();
      if (session.view === 'map') {
        session.setView('outline');
        return;
      }
      // Back to the map from inside the outline (whose elements go away): the keyboard goes to
      // the map, on the same selection. From the toolbar's button, focus stays on the button.
      const from = document.activeElement;
      const inOutline = !from || from === document.body || from.closest('.outline') !== null;
      session.setView('map');
      if (inOutline) focusCanvasSoon();
    },
  },
  {
    id: 'export',
    label: 'Export',
    help: 'Export: PDF, improvement report, SVG, PNG, CSV',
    keys: [],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openDialog('export'),
  },
  {
    id: 'share',
    label: 'Share',
    help: 'Share: links to edit or to view this map',
    keys: [],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openDialog('share'),
  },
  {
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    help: 'Show this list',
    keys: ['?'],
    group: 'map',
    changesMap: false,
    applies: always,
    run: () => useSession.getState().openDialog('shortcuts'),
  },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

/** The action with this id (a typo in a button's id fails loudly, at once). */
export function action(id: string): Action {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`No editor action "${id}"`);
  return found;
}

/** Whether an action can be chosen now (a button or menu item enabled). */
export function isEnabled(a: Action, state: ActionState): boolean {
  if (a.changesMap && state.readOnly) return false;
  return a.applies(state) && (a.ready?.(state) ?? true);
}

/**
 * The action a key press means here, if any. Off the map (`onMap` false: the keyboard is on a
 * toolbar button, say), only the actions whose keys work anywhere.
 */
export function actionForKey(
  press: KeyPress,
  state: ActionState,
  onMap = true,
): Action | undefined {
  return ACTIONS.find(
    (a) => (onMap || !a.onMap) && a.applies(state) && a.keys.some((k) => matchesChord(press, k)),
  );
}

/** An action's first key as a tooltip ends: " (Alt+L)", or nothing. */
export function keyHint(a: Action): string {
  return a.keys[0] ? ` (${chordLabel(a.keys[0])})` : '';
}

/** A button's tooltip: its words and its first key ("Add lane (Alt+L)"). */
export function actionTitle(a: Action): string {
  return `${a.label}${keyHint(a)}`;
}

/** The session and document state the table reads. */
export function actionState(ctx: KeyContext): ActionState {
  return {
    selection: useSession.getState().selection,
    readOnly: ctx.readOnly,
    canUndo: ctx.doc.canUndo(),
    canRedo: ctx.doc.canRedo(),
  };
}

/** Runs an action from a button or menu: refused (with the reason) when it cannot run now. */
export function runAction(id: string, ctx: ActionContext): void {
  const a = action(id);
  if (a.changesMap && ctx.readOnly) {
    useSession.getState().setHint('View only: this link cannot change the map.');
    return;
  }
  a.run(ctx);
}

/** What a key press did on the canvas: nothing (the browser keeps it), or handled. */
export type KeyOutcome = 'ignored' | 'handled' | 'browser';

/**
 * One key press in the editor: the action its key means here, or, typed onto a selected step
 * or lane, the start of its new name. `onMap`: the keyboard is on the map (or on nothing);
 * elsewhere only the keys that work anywhere act. 'handled' keys are the editor's (prevent the
 * default).
 */
export function handleEditorKey(press: KeyPress, ctx: ActionContext, onMap = true): KeyOutcome {
  const session = useSession.getState();
  const a = actionForKey(press, actionState(ctx), onMap);
  if (a) {
    if (a.byBrowser) return 'browser';
    if (a.changesMap && ctx.readOnly) return 'handled';
    a.run(ctx);
    return 'handled';
  }
  if (!onMap || !typesText(press) || ctx.readOnly) return 'ignored';
  // The field of an edit just started is not on the page yet: the key is its text.
  if (session.editing) {
    session.typeAhead(press.key);
    return 'handled';
  }
  if (startRename(press.key)) return 'handled';
  if (session.selection.kind === 'none') {
    session.setHint(
      ctx.geometry.lanes.length === 0
        ? 'Letter keys take Alt: Alt+L adds a lane to start with.'
        : 'Select a step to type its name. Letter keys take Alt: Alt+N adds a step.',
    );
  }
  return 'handled';
}
