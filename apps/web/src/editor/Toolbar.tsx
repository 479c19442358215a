import type { MapDoc } from '@procmap/doc';
import { AppLink } from '../app/AppLink';
import type { ConnectionState } from '../sync/map-connection';
import { useSession } from '../store/session-store';
import { Participants } from '../presence/Participants';
import { ConnectionBadge } from './ConnectionBadge';
import { useTidyProgress } from './useTidyUp';

/** The bar above the canvas: back to the maps, title, state, undo/redo, share, shortcuts. */
export function Toolbar({
  doc,
  title,
  state,
  readOnly,
  onAddLane,
  onTidyUp,
}: {
  doc: MapDoc;
  title: string;
  state: ConnectionState;
  readOnly: boolean;
  onAddLane: () => void;
  onTidyUp: () => void;
}) {
  const tidyProgress = useTidyProgress((s) => s.progress);
  const tidying = tidyProgress !== null;
  const openDialog = useSession((s) => s.openDialog);
  return (
    <header className="toolbar">
      <AppLink to="/" className="toolbar__home">
        ← Maps
      </AppLink>
      <h1 className="toolbar__title" data-testid="map-title">
        {title || 'Untitled map'}
      </h1>
      {readOnly && <span className="badge badge--readonly">View only</span>}
      <ConnectionBadge state={state} />
      <div className="toolbar__actions">
        <Participants />
        {!readOnly && (
          <>
            <button type="button" className="button" onClick={onAddLane} title="Add lane (L)">
              Add lane
            </button>
            <span className="toolbar__tidy">
              <button
                type="button"
                className="button"
                onClick={onTidyUp}
                disabled={tidying}
                aria-busy={tidying}
                title="Tidy up: lay the map out along the flow, every step in its lane (Shift+T)"
                data-testid="tidy-up"
              >
                {tidying ? 'Tidying…' : 'Tidy up'}
              </button>
              {tidying && (
                <progress
                  className="toolbar__progress"
                  max={1}
                  value={tidyProgress}
                  aria-label="Tidy up progress"
                  data-testid="tidy-progress"
                />
              )}
            </span>
            <button
              type="button"
              className="button"
              onClick={() => doc.undo()}
              disabled={!doc.canUndo()}
              title="Undo (Ctrl+Z)"
            >
              Undo
            </button>
            <button
              type="button"
              className="button"
              onClick={() => doc.redo()}
              disabled={!doc.canRedo()}
              title="Redo (Ctrl+Shift+Z)"
            >
              Redo
            </button>
          </>
        )}
        <button
          type="button"
          className="button"
          onClick={() => openDialog('export')}
          title="Export: PDF, improvement report, SVG, PNG, CSV"
        >
          Export
        </button>
        <button type="button" className="button" onClick={() => openDialog('share')}>
          Share
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => openDialog('shortcuts')}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </div>
    </header>
  );
}
