import { ACTION_GROUPS, ACTIONS, type ActionGroup } from './actions';
import { chordLabel } from './keys';

/** One row of the shortcuts dialog: the keys (any of them) and what they do. */
export interface ShortcutRow {
  readonly keys: readonly string[];
  readonly action: string;
}

/** The rule for letters, in the one line the dialog gives it. */
export const TYPING_RULE =
  'Typing on a selected step or lane renames it; commands with a letter take Alt (Alt+N, Alt+L…).';

/** Keys of the fields the editor opens (a name being typed, the comment box): theirs, not commands. */
export const FIELD_KEYS: readonly ShortcutRow[] = [
  { keys: ['Enter'], action: 'While typing a name: save it' },
  { keys: ['Shift+Enter'], action: 'While typing a step’s name: start a new line' },
  { keys: ['Esc'], action: 'While typing a name: cancel. In the side panel: back to the map' },
  { keys: ['Enter'], action: 'In the comment box: send the comment' },
  { keys: ['Shift+Enter'], action: 'In the comment box: start a new line' },
  { keys: ['Ctrl+click', 'Shift+drag'], action: 'Select several steps (click to add; drag a box)' },
  {
    keys: ['Enter', 'F2'],
    action:
      'In the table: edit the cell (or just type); Enter saves and goes down, Tab saves and goes right',
  },
  {
    keys: ['Ctrl+V'],
    action: 'In the table: paste rows copied from Excel at the cell; rows past the last add steps',
  },
];

/** Every action with a key, grouped as the dialog shows them, keys as people read them. */
export function shortcutGroups(): { readonly title: string; readonly rows: ShortcutRow[] }[] {
  return (Object.keys(ACTION_GROUPS) as ActionGroup[]).map((group) => ({
    title: ACTION_GROUPS[group],
    rows: ACTIONS.filter((a) => a.group === group && a.keys.length > 0).map((a) => ({
      keys: a.keys.map(chordLabel),
      action: a.help,
    })),
  }));
}
