import type { RecentMap } from '../api/recent-maps';

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
 * The maps this browser created or opened, each opening from the link it was opened by, most
 * recently opened first. The server's own list stays private, so maps made elsewhere appear
 * only once their link has been opened here.
 */
export function MapList({
  maps,
  onForget,
}: {
  maps: readonly RecentMap[];
  onForget: (id: string) => void;
}) {
  if (maps.length === 0) {
    return (
      <p className="empty" data-testid="maps-empty">
        No maps made or opened in this browser yet. Start with <strong>New map</strong>, pick a
        template to see how a finished map looks, or open a map from the link someone shared.
      </p>
    );
  }
  return (
    <ul className="map-list" data-testid="map-list">
      {maps.map((map) => {
        const title = map.title || 'Untitled map';
        return (
          <li key={map.id} className="map-list__item">
            <a href={map.path} className="map-list__title">
              {title}
            </a>
            {map.access === 'view' && <span className="map-list__tag">view only</span>}
            <span className="muted">{when(map.at)}</span>
            <button
              type="button"
              className="map-list__forget"
              aria-label={`Forget ${title} in this browser`}
              title="Take it off this list (the map itself stays on the server)"
              onClick={() => onForget(map.id)}
            >
              Forget
            </button>
          </li>
        );
      })}
    </ul>
  );
}
