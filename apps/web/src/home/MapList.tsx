import type { MapListState } from './useMapList';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/**
 * The maps on this server. The list gives no tokens, so a map opens from its link; a map this
 * browser created opens directly (see `openable`).
 */
export function MapList({
  state,
  linkFor,
}: {
  state: MapListState;
  linkFor: (id: string) => string | undefined;
}) {
  if (state.status === 'loading') {
    return (
      <p className="muted" aria-busy="true">
        Loading maps…
      </p>
    );
  }
  if (state.status === 'forbidden') {
    return (
      <p className="notice" data-testid="maps-forbidden">
        This server keeps its list of maps private. Open a map from its link, or create a new one.
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        The maps could not be loaded: {state.message}
      </p>
    );
  }
  if (state.maps.length === 0) {
    return (
      <p className="empty" data-testid="maps-empty">
        No maps yet. Start with <strong>New map</strong>, or pick a template to see how a finished
        map looks.
      </p>
    );
  }
  return (
    <ul className="map-list" data-testid="map-list">
      {state.maps.map((map) => {
        const link = linkFor(map.id);
        return (
          <li key={map.id} className="map-list__item">
            {link ? (
              <a href={link} className="map-list__title">
                {map.title || 'Untitled map'}
              </a>
            ) : (
              <span className="map-list__title">{map.title || 'Untitled map'}</span>
            )}
            <span className="muted">{when(map.updatedAt)}</span>
            {!link && <span className="muted map-list__hint">open from its link</span>}
          </li>
        );
      })}
    </ul>
  );
}
