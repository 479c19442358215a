import { lazy, Suspense } from 'react';
import { HomePage } from '../home/HomePage';
import { AppLink } from './AppLink';
import { MapGate } from './MapGate';
import { useLocation } from './navigation';
import { parseRoute } from './route';

// The editor (React Flow, Yjs, the sync client) loads only when a map is opened: the home page
// stays small and quick on a slow hospital network.
const EditorPage = lazy(() =>
  import('../editor/EditorPage').then((module) => ({ default: module.EditorPage })),
);

/** Picks the page for the current location. */
export function App() {
  const { pathname, hash } = useLocation();
  const route = parseRoute(pathname, hash);
  if (route.page === 'editor') {
    return (
      <Suspense
        fallback={
          <div className="editor editor--loading" aria-busy="true" data-testid="editor-loading">
            <p className="editor__loading-text muted">Opening the map…</p>
          </div>
        }
      >
        <MapGate key={`${route.mapId}:${route.token}`} mapId={route.mapId} token={route.token}>
          <EditorPage mapId={route.mapId} token={route.token} />
        </MapGate>
      </Suspense>
    );
  }
  if (route.page === 'home') return <HomePage />;
  return (
    <main className="page page--narrow">
      <h1>Page not found</h1>
      <p>
        This address is not a procmap page. <AppLink to="/">Go to your maps</AppLink>.
      </p>
    </main>
  );
}
