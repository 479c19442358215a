import type { MapDoc } from '@procmap/doc';
import { AppLink } from '../app/AppLink';
import type { ConnectionState } from '../sync/map-connection';
import { useSession } from '../store/session-store';
import { Participants } from '../presence/Participants';
import { ConnectionBadge } from './ConnectionBadge';
import { useTidyProgress } from './useTidyUp';

/** Stroked 24×24 outlines for the toolbar's buttons, shown when a narrow window hides their words. */
const ICONS = {
  lane: 'M4 5h16M4 10h16M4 15h7M17 13v8M13 17h8',
  tidy: 'M3 5h6v4H3zM15 5h6v4h-6zM9 7h6M3 15h6v4H3zM15 15h6v4h-6zM9 17h6M18 9v6',
  undo: 'M9 5 4 10l5 5M4 10h10a5 5 0 0 1 0 10h-4',
  redo: 'm15 5 5 5-5 5M20 10H10a5 5 0 0 0 0 10h4',
  export: 'M12 4v11M7 10l5 5 5-5M5 20h14',
  share:
    'M8.2 10.8l7.6-4.6M8.2 13.2l7.6 4.6M8.5 12a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM20.5 5a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zM20.5 19a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0z',
} as const;

function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg
      className="toolbar__icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

/**
 * A toolbar button's words: always its accessible name; hidden (the icon stays) when the window
 * is too narrow for them, the least used first (editor.css, `toolbar__button--fold-*`).
 */
function Label({ children }: { children: string }) {
  return <span className="toolbar__label">{children}</span>;
}

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
        <span aria-hidden="true">←</span> Maps
      </AppLink>
      <h1 className="toolbar__title" data-testid="map-title" title={title || 'Untitled map'}>
        {title || 'Untitled map'}
      </h1>
      {readOnly && <span className="badge badge--readonly">View only</span>}
      <ConnectionBadge state={state} readOnly={readOnly} />
      <div className="toolbar__actions">
        <Participants />
        {!readOnly && (
          <>
            <button
              type="button"
              className="button toolbar__button toolbar__button--fold-1"
              onClick={onAddLane}
              title="Add lane (L)"
            >
              <Icon name="lane" />
              <Label>Add lane</Label>
            </button>
            <span className="toolbar__tidy">
              <button
                type="button"
                className="button toolbar__button toolbar__button--fold-1"
                onClick={onTidyUp}
                disabled={tidying}
                aria-busy={tidying}
                title="Tidy up: lay the map out along the flow, every step in its lane (Shift+T)"
                data-testid="tidy-up"
              >
                <Icon name="tidy" />
                <Label>{tidying ? 'Tidying…' : 'Tidy up'}</Label>
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
              className="button toolbar__button toolbar__button--fold-1"
              onClick={() => doc.undo()}
              disabled={!doc.canUndo()}
              title="Undo (Ctrl+Z)"
            >
              <Icon name="undo" />
              <Label>Undo</Label>
            </button>
            <button
              type="button"
              className="button toolbar__button toolbar__button--fold-1"
              onClick={() => doc.redo()}
              disabled={!doc.canRedo()}
              title="Redo (Ctrl+Shift+Z)"
            >
              <Icon name="redo" />
              <Label>Redo</Label>
            </button>
          </>
        )}
        <button
          type="button"
          className="button toolbar__button toolbar__button--fold-2"
          onClick={() => openDialog('export')}
          title="Export: PDF, improvement report, SVG, PNG, CSV"
        >
          <Icon name="export" />
          <Label>Export</Label>
        </button>
        <button
          type="button"
          className="button toolbar__button toolbar__button--fold-2"
          onClick={() => openDialog('share')}
          title="Share: links to edit or to view this map"
        >
          <Icon name="share" />
          <Label>Share</Label>
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
