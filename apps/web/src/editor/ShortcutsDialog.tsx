import { Dialog } from './Dialog';
import { SHORTCUTS } from './shortcuts';

/** Every keyboard shortcut, opened with `?`. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-dialog">
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
