import type { Selection } from '../../store/session-store';
import type { KeyContext } from '../keyboard-commands';

/*
 * What an editor action is: its words, its keys, when it applies and what it does. The actions
 * themselves are listed by the shortcuts dialog's groups, one file each, beside this one.
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
