import { useCallback, useEffect, useState } from 'react';
import { browserRecentStore, forgetMap, type RecentMap, recentMaps } from '../api/recent-maps';

/*
 * The home page's list: the maps this browser created or opened, read from its own storage —
 * never from the server, which lists its maps only to its admin.
 */

/** This browser's maps, kept current when another tab opens one; and a way to forget one. */
export function useRecentMaps(): {
  readonly maps: readonly RecentMap[];
  forget(id: string): void;
} {
  const [maps, setMaps] = useState<readonly RecentMap[]>(() => recentMaps(browserRecentStore()));
  useEffect(() => {
    const reload = () => setMaps(recentMaps(browserRecentStore()));
    window.addEventListener('storage', reload);
    return () => window.removeEventListener('storage', reload);
  }, []);
  const forget = useCallback((id: string) => {
    forgetMap(browserRecentStore(), id);
    setMaps(recentMaps(browserRecentStore()));
  }, []);
  return { maps, forget };
}
