import type { CreatedMap } from '../api/maps-api';
import { browserRecentStore, rememberMap } from '../api/recent-maps';
import { rememberLinks } from '../api/share-links';
import { navigate } from '../app/navigation';

/** The path and fragment of an absolute share link, so the app stays on its own origin. */
function appPath(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.hash}`;
}

/**
 * A map just created from the home page (new, a template, an imported file): its links kept,
 * listed among this browser's maps, and opened in the editor.
 */
export function openCreatedMap(map: CreatedMap): void {
  rememberLinks(map);
  rememberMap(browserRecentStore(), {
    id: map.id,
    title: map.title,
    token: map.editToken,
    access: 'edit',
  });
  navigate(appPath(map.editUrl));
}
