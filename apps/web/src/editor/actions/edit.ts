import { useSession } from '../../store/session-store';
import { deleteSelection, duplicateSelection, moveAcrossLanes } from '../keyboard-commands';
import { undoReport } from '../undo-where';
import type { Action, ActionContext } from './types';
import { always, onSteps, onSomething, onStepsOrLane } from './when';

/** Edit: properties and comments, moving across lanes, delete, duplicate, the clipboard, undo. */
export const EDIT_ACTIONS: readonly Action[] = [
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
    run: (ctx) => undoOrRedo(ctx, false),
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
    run: (ctx) => undoOrRedo(ctx, true),
  },
];

/**
 * Undoes or redoes the map's last edit of this person, wherever it was: when it acted on another
 * process than the one shown (a scenario's edit, a scenario deleted), that one is shown and the
 * status line says where.
 */
function undoOrRedo(ctx: ActionContext, redo: boolean): void {
  const session = useSession.getState();
  const before = ctx.doc.map.getSnapshot();
  if (!(redo ? ctx.doc.redo() : ctx.doc.undo())) {
    session.setHint(redo ? 'Nothing to redo.' : 'Nothing of yours to undo.');
    return;
  }
  const report = undoReport(before, ctx.doc.map.getSnapshot(), session.processId, redo);
  if (report.show !== undefined && report.show !== session.processId) {
    session.showProcess(report.show);
  }
  session.setHint(report.hint);
}
