import { Dialog } from './Dialog';
import { useReadOnly } from './editor-context';
import { SHORTCUTS } from './shortcuts';

/** Every keyboard shortcut, opened with `?`. */
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
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
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
          ))}
        </tbody>
      </table>
      <p className="muted">
        Capture a process: <kbd>L</kbd> name a lane, <kbd>N</kbd> first step, then <kbd>Enter</kbd>{' '}
        type <kbd>Enter</kbd> for each next step; <kbd>Alt+↓</kbd> hands it to the lane below.
      </p>
    </Dialog>
  );
}
