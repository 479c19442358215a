import { useSession } from '../store/session-store';
import { CAPTURE_ACTIONS } from './actions/capture';
import { EDIT_ACTIONS } from './actions/edit';
import { FLOW_ACTIONS } from './actions/flows';
import { MAP_ACTIONS } from './actions/map';
import { SELECT_ACTIONS } from './actions/select';
import type { Action, ActionContext, ActionState } from './actions/types';
import { type KeyContext, startRename } from './keyboard-commands';
import { chordLabel, type KeyPress, matchesChord, typesText } from './keys';

export type {
  Action,
  ActionContext,
  ActionGroup,
  ActionState,
  EditorUi,
} from './actions/types';
export { ACTION_GROUPS } from './actions/types';

/*
 * Every command of the editor, once: its words, its keys, when it applies and what it does.
 * The canvas's keydown, the toolbar, the lane menu and the shortcuts dialog are all read from
 * this table, so a key, a button and the list of shortcuts can never disagree. The actions are
 * written one file per group of the shortcuts dialog (actions/); this file finds and runs them.
 */

/** The table. Order matters only among actions sharing a key: the first that applies runs. */
export const ACTIONS: readonly Action[] = [
  ...CAPTURE_ACTIONS,
  ...FLOW_ACTIONS,
  ...EDIT_ACTIONS,
  ...SELECT_ACTIONS,
  ...MAP_ACTIONS,
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
