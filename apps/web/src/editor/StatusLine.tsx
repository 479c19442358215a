import type { MapIndex } from '@procmap/model';
import type { ReactNode } from 'react';
import { useSession } from '../store/session-store';

/** One line under the canvas: a refused action's reason, or what the keys do right now. */
export function StatusLine({ index, children }: { index: MapIndex; children?: ReactNode }) {
  const hint = useSession((s) => s.hint);
  const selection = useSession((s) => s.selection);
  const editing = useSession((s) => s.editing);
  let text = hint;
  if (!text) {
    if (editing) text = 'Typing: Enter saves, Esc cancels.';
    else if (selection.kind === 'steps') {
      const step = index.step(selection.ids[selection.ids.length - 1]!);
      const lane = step ? index.role(step.roleId)?.name : undefined;
      text = `Step selected${lane ? ` in ${lane}` : ''}: Enter adds the next step, F2 renames, Alt+↑/↓ changes lane, Delete removes.`;
    } else if (selection.kind === 'flow') {
      text =
        'Flow selected: F2 edits its label, Delete removes it, Tab goes to the step it leads to.';
    } else if (selection.kind === 'lane') {
      text =
        'Lane selected: N or Enter adds a step, F2 renames, L adds a lane below, Alt+↑/↓ moves it.';
    } else text = 'Press L to add a lane, N to add a step, ? for every shortcut.';
  }
  return (
    <footer className="status-line">
      <span
        className={`status-line__text${hint ? ' status-line--hint' : ''}`}
        data-testid="status-line"
        aria-live="polite"
      >
        {text}
      </span>
      {children}
    </footer>
  );
}
