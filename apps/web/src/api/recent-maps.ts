import type { MapAccess } from './maps-api';

/*
 * The maps this browser created or opened, kept in its localStorage: what the home page lists.
 * The server lists its maps to nobody but its admin, so this browser's own memory is the list —
 * each entry with the link it was opened by (the token in the fragment, as in the address bar
 * and the browser's history) and the title the server last gave. Maps created before this list
 * existed are found from the links kept for the share dialog (share-links.ts).
 */

/** A map this browser knows how to open. */
export interface RecentMap {
  readonly id: string;
  /** The title when it was last created or opened here ('' if never seen). */
  readonly title: string;
  /** The app path to open it: `/m/<id>#token=<token>`. */
  readonly path: string;
  readonly access: MapAccess;
  /** When it was last created or opened here (ISO 8601; '' if not known). */
  readonly at: string;
}

/** The part of `localStorage` used here, so tests can pass a plain object. */
export interface RecentStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'procmap:recent-maps';
const LINKS_PREFIX = 'procmap:links:';
/** The most maps the list keeps; the least recently opened go first. */
export const MAX_RECENT = 100;

const isAccess = (v: unknown): v is MapAccess => v === 'edit' || v === 'view';

/** The app path of a map's link. */
export const mapPath = (id: string, token: string) =>
  `/m/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;

function readList(store: RecentStore): RecentMap[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((e: Partial<RecentMap> | null) =>
      e &&
      typeof e.id === 'string' &&
      typeof e.title === 'string' &&
      typeof e.path === 'string' &&
      e.path.startsWith('/m/') &&
      isAccess(e.access) &&
      typeof e.at === 'string'
        ? [{ id: e.id, title: e.title, path: e.path, access: e.access, at: e.at }]
        : [],
    );
  } catch {
    return []; // unreadable or blocked storage: as if nothing was remembered
  }
}

function writeList(store: RecentStore, list: readonly RecentMap[]): void {
  try {
    store.setItem(KEY, JSON.stringify(list.slice(0, MAX_RECENT)));
  } catch {
    // Storage full or blocked: the map still opens, it is only not listed.
  }
}

/** Maps whose links were kept for the share dialog before this list existed. */
function linkedMaps(store: RecentStore): RecentMap[] {
  const out: RecentMap[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(LINKS_PREFIX)) continue;
      const id = key.slice(LINKS_PREFIX.length);
      const { editUrl } = JSON.parse(store.getItem(key) ?? '{}') as { editUrl?: unknown };
      if (typeof editUrl !== 'string') continue;
      const url = new URL(editUrl, 'http://app.invalid');
      const token = new URLSearchParams(url.hash.slice(1)).get('token');
      if (token) out.push({ id, title: '', path: mapPath(id, token), access: 'edit', at: '' });
    }
  } catch {
    // Unreadable storage or link: listed without it.
  }
  return out;
}

/** The maps this browser created or opened, most recently first. */
export function recentMaps(store: RecentStore | undefined): RecentMap[] {
  if (!store) return [];
  const list = readList(store);
  const known = new Set(list.map((m) => m.id));
  return [...list, ...linkedMaps(store).filter((m) => !known.has(m.id))];
}

/**
 * Remembers that this browser created or opened a map, with the link it used and the title the
 * server gave. An edit link already kept is not replaced by a view link of the same map.
 */
export function rememberMap(
  store: RecentStore | undefined,
  map: {
    readonly id: string;
    readonly title: string;
    readonly token: string;
    readonly access: MapAccess;
  },
  now = new Date(),
): void {
  if (!store) return;
  const list = readList(store);
  const before = list.find((m) => m.id === map.id);
  const keepEdit = before?.access === 'edit' && map.access === 'view';
  const entry: RecentMap = {
    id: map.id,
    title: map.title,
    path: keepEdit ? before.path : mapPath(map.id, map.token),
    access: keepEdit ? 'edit' : map.access,
    at: now.toISOString(),
  };
  writeList(store, [entry, ...list.filter((m) => m.id !== map.id)]);
}

/** Takes a map off this browser's list (and forgets the links kept for it). */
export function forgetMap(store: RecentStore | undefined, id: string): void {
  if (!store) return;
  writeList(
    store,
    readList(store).filter((m) => m.id !== id),
  );
  try {
    store.removeItem(`${LINKS_PREFIX}${id}`);
  } catch {
    // Blocked storage: nothing was kept to forget.
  }
}

/** `window.localStorage` when the browser lets the page use it. */
export function browserRecentStore(): RecentStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // some privacy settings throw on access
  }
}
