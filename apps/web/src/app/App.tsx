import { EditorPage } from '../editor/EditorPage';
import { HomePage } from '../home/HomePage';
import { AppLink } from './AppLink';
import { useLocation } from './navigation';
import { parseRoute } from './route';

/** Picks the page for the current location. */
export function App() {
  const { pathname, hash } = useLocation();
  const route = parseRoute(pathname, hash);
  if (route.page === 'editor') {
    return (
      <EditorPage key={`${route.mapId}:${route.token}`} mapId={route.mapId} token={route.token} />
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
