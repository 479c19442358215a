import type { ConnectionState } from '../sync/map-connection';

/** Connection and save state, in words: "Saved" only once the server says it is on disk. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { status, saved, synced } = state;
  const label =
    status === 'connected'
      ? synced
        ? 'Connected'
        : 'Loading…'
      : status === 'connecting'
        ? 'Connecting…'
        : 'Offline';
  const save = saved ? 'Saved' : status === 'connected' ? 'Saving…' : 'Not saved yet';
  return (
    <div className="badges" aria-live="polite">
      <span
        className={`badge badge--${status}`}
        data-testid="connection-status"
        data-status={status}
      >
        <span className="badge__dot" aria-hidden="true" />
        {label}
      </span>
      <span
        className={`badge ${saved ? 'badge--saved' : 'badge--pending'}`}
        data-testid="save-status"
        data-saved={saved}
      >
        {save}
      </span>
    </div>
  );
}
