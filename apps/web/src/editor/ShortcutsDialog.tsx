import { Dialog } from './Dialog';
import { useReadOnly } from './editor-context';
import { FIELD_KEYS, type ShortcutRow, shortcutGroups, TYPING_RULE } from './shortcuts';

function Rows({ rows }: { rows: readonly ShortcutRow[] }) {
  return rows.map((s) => (
    <tr key={`${s.keys.join()}-${s.action}`}>
      <td>
        {s.keys.map((k, i) => (
          <span key={k}>
            {i > 0 && <span className="muted"> or </span>}
            <kbd>{k}</kbd>
          </span>
        ))}
      </td>
      <td>{s.action}</td>
    </tr>
  ));
}

/** Every keyboard shortcut, opened with `?`: read from the editor's actions table. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const readOnly = useReadOnly();
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog">
      {readOnly && (
        <p className="panel__note" data-testid="shortcuts-view-only">
          View only: the keys that move around the map, select and copy work; the ones that change
          it do nothing here.
        </p>
      )}
      <p className="shortcuts__rule" data-testid="typing-rule">
        {TYPING_RULE}
      </p>
      <p className="shortcuts__rule" data-testid="map-keys-rule">
        The map is one stop of <kbd>Tab</kbd>: there, the arrows, <kbd>Enter</kbd>,{' '}
        <kbd>Delete</kbd>, <kbd>F2</kbd>, <kbd>Esc</kbd> and typing act on the selection;{' '}
        <kbd>Tab</kbd> and <kbd>Shift+Tab</kbd> leave it. Keys with <kbd>Alt</kbd>, undo, redo and{' '}
        <kbd>?</kbd> work anywhere but in a field.
      </p>
      <table className="shortcuts">
        {shortcutGroups().map((group) => (
          <tbody key={group.title}>
            <tr>
              <th colSpan={2} scope="colgroup">
                {group.title}
              </th>
            </tr>
            <Rows rows={group.rows} />
          </tbody>
        ))}
        <tbody>
          <tr>
            <th colSpan={2} scope="colgroup">
              In fields
            </th>
          </tr>
          <Rows rows={FIELD_KEYS} />
        </tbody>
      </table>
      <p className="muted">
        Capture a process: <kbd>Alt+L</kbd> name a lane, <kbd>Alt+N</kbd> first step, then{' '}
        <kbd>Enter</kbd> type <kbd>Enter</kbd> for each next step; <kbd>Alt+↓</kbd> hands it to the
        lane below, <kbd>Alt+Enter</kbd> loops back.
      </p>
    </Dialog>
  );
}
