import { type ReactNode, useEffect, useState } from 'react';
import { mapAccess } from '../api/maps-api';
import { browserStorage, recallAccess } from '../sync/access-cache';
import { reconnectDelay } from '../sync/backoff';
import { AppLink } from './AppLink';
import { initialOpening, type MapOpening, openingAfterFailure } from './map-opening';

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/**
 * Opens the editor only for a link that opens a map (see map-opening.ts): a link this browser
 * has opened before at once, any other once the server says yes. Until then no editor, no
 * socket and no copy on this device exist.
 */
export function MapGate({
  mapId,
  token,
  children,
}: {
  mapId: string;
  token: string;
  children: ReactNode;
}) {
  const [opening, setOpening] = useState<MapOpening>(() =>
    initialOpening(recallAccess(browserStorage(), mapId, token) !== undefined),
  );
  const [failures, setFailures] = useState(0);
  const kind = opening.kind;

  useEffect(() => {
    if (kind === 'open' || kind === 'refused') return;
    const check = () => setOpening({ kind: 'checking' });
    if (kind !== 'checking') {
      // Offline: ask again when the network returns. Unreachable: after a jittered, growing
      // delay (a room of laptops must not knock in step), or sooner if the network returns.
      window.addEventListener('online', check);
      const timer =
        kind === 'unreachable'
          ? setTimeout(check, reconnectDelay(failures, Math.random))
          : undefined;
      return () => {
        window.removeEventListener('online', check);
        if (timer !== undefined) clearTimeout(timer);
      };
    }
    let cancelled = false;
    mapAccess(mapId, token).then(
      () => {
        if (!cancelled) setOpening({ kind: 'open' });
      },
      (error: unknown) => {
        if (cancelled) return;
        const next = openingAfterFailure(error, browserOnline());
        if (next.kind === 'unreachable') setFailures((n) => n + 1);
        setOpening(next);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [mapId, token, kind, failures]);

  // The window's title says what the page says.
  const refusedTitle = opening.kind === 'refused' ? opening.title : undefined;
  useEffect(() => {
    if (refusedTitle === undefined) return;
    document.title = `${refusedTitle} — procmap`;
    return () => {
      document.title = 'procmap';
    };
  }, [refusedTitle]);

  if (opening.kind === 'open') return children;
  if (opening.kind === 'refused') {
    return (
      <main className="page page--narrow" data-testid="link-refused">
        <h1>{opening.title}</h1>
        <p>{opening.advice}</p>
        <p className="muted">
          Nothing was opened or kept on this device. Check that the whole link was copied: it ends
          with a long code after <code>#token=</code>.
        </p>
        <p>
          <AppLink to="/">Go to your maps</AppLink>
        </p>
      </main>
    );
  }
  const waiting =
    opening.kind === 'offline'
      ? 'You are offline, and this map has not been opened on this device before. It opens as soon as the connection is back.'
      : opening.kind === 'unreachable'
        ? `${opening.message} Trying again…`
        : 'Opening the map…';
  return (
    <main
      className="page page--narrow"
      aria-busy={opening.kind === 'checking'}
      data-testid="map-opening"
    >
      <p role="status" data-opening={opening.kind}>
        {waiting}
      </p>
      {opening.kind === 'unreachable' && (
        <p>
          <button type="button" className="button" onClick={() => setOpening({ kind: 'checking' })}>
            Try now
          </button>{' '}
          <AppLink to="/">Go to your maps</AppLink>
        </p>
      )}
    </main>
  );
}
