import type { MapListState } from './useMapList';

// Dates as the rest of the app writes them ("29 Nov 2026, 06:43"), whatever the browser's locale.
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/**
 * The maps on this server: first those this browser made (it keeps their links), each opening
 * directly; the rest folded away, since the list gives no tokens and they open from their links.
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
  const linked = state.maps.flatMap((map) => {
    const link = linkFor(map.id);
    return link ? [{ map, link }] : [];
  });
  const others = state.maps.filter((map) => linkFor(map.id) === undefined);
  return (
    <>
      {linked.length > 0 ? (
        <ul className="map-list" data-testid="map-list">
          {linked.map(({ map, link }) => (
            <li key={map.id} className="map-list__item">
              <a href={link} className="map-list__title">
                {map.title || 'Untitled map'}
              </a>
              <span className="muted">{when(map.updatedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty" data-testid="maps-empty">
          No maps made in this browser yet. Start with <strong>New map</strong>, or open a map from
          the link someone shared.
        </p>
      )}
      {others.length > 0 && (
        // Maps made elsewhere: listed for the server's owner, folded away, and only openable
        // from their links (the list carries no tokens).
        <details className="map-list__others" data-testid="map-list-others">
          <summary>
            {others.length === 1
              ? '1 other map on this server'
              : `${others.length} other maps on this server`}
          </summary>
          <p className="muted">Open these from the link their owner shared.</p>
          <ul className="map-list">
            {others.map((map) => (
              <li key={map.id} className="map-list__item">
                <span className="map-list__title">{map.title || 'Untitled map'}</span>
                <span className="muted">{when(map.updatedAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
