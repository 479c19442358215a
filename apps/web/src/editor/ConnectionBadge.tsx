import { connectionWords } from '../sync/connection-words';
import type { ConnectionState } from '../sync/map-connection';

const TONE_COLOR = {
  ok: 'var(--ok)',
  pending: undefined,
  local: 'var(--warn)',
  danger: 'var(--danger)',
};

/**
 * Connection and save state, in words, always visible: "Saved" only once the server says every
 * edit is on its disk; offline, whether the edits are at least kept on this device.
 */
export function ConnectionBadge({
  state,
  readOnly = false,
}: {
  state: ConnectionState;
  /** A view-only link saves nothing, so it shows no save state (a refused link still says what it lost). */
  readOnly?: boolean;
}) {
  const { status, saved, closed, refused } = state;
  const words = connectionWords(state);
  const shown = closed || refused ? 'closed' : status;
  // reconnecting looks like connecting; closed like offline (editor.css has those two).
  const look = shown === 'reconnecting' ? 'connecting' : shown === 'closed' ? 'offline' : shown;
  return (
    // Not a live region: "Saving…" and "Saved" follow every edit. The Announcer says the save
    // state when it changes in a way that matters (connection lost, back, a slow save done).
    <div className="badges">
      <span className={`badge badge--${look}`} data-testid="connection-status" data-status={shown}>
        <span className="badge__dot" aria-hidden="true" />
        {words.connection}
      </span>
      {(!readOnly || refused) && (
        <span
          className={`badge ${saved ? 'badge--saved' : 'badge--pending'}`}
          data-testid="save-status"
          data-saved={saved}
          data-saved-locally={state.savedLocally}
          title={words.saveHint}
          style={{ color: TONE_COLOR[words.tone] }}
        >
          {words.save}
        </span>
      )}
    </div>
  );
}
