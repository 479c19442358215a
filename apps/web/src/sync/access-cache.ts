import type { MapAccess } from '../api/maps-api';

/** The part of `localStorage` used here, so tests can pass a plain object. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const key = (mapId: string) => `procmap.access.${mapId}`;

/**
 * A short fingerprint of a link's token (FNV-1a, 32 bits): enough to tell an edit link from a
 * view link of the same map, without writing the token itself to storage.
 */
export function tokenFingerprint(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

type Remembered = Record<string, MapAccess>;

function read(store: KeyValueStore, mapId: string): Remembered {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key(mapId)) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: Remembered = {};
    for (const [fingerprint, access] of Object.entries(parsed)) {
      if (access === 'edit' || access === 'view') out[fingerprint] = access;
    }
    return out;
  } catch {
    return {}; // unreadable or blocked storage: as if nothing was remembered
  }
}

/**
 * What the server last said this link may do on this map, or undefined if it never said. Kept
 * per map and per link, so a view link stays view-only when the editor opens offline.
 */
export function recallAccess(
  store: KeyValueStore | undefined,
  mapId: string,
  token: string,
): MapAccess | undefined {
  if (!store) return undefined;
  return read(store, mapId)[tokenFingerprint(token)];
}

/** Remembers the server's answer for this map and link. */
export function rememberAccess(
  store: KeyValueStore | undefined,
  mapId: string,
  token: string,
  access: MapAccess,
): void {
  if (!store) return;
  const remembered = read(store, mapId);
  remembered[tokenFingerprint(token)] = access;
  try {
    store.setItem(key(mapId), JSON.stringify(remembered));
  } catch {
    // Storage full or blocked: the editor still works, only not as view-only when offline.
  }
}

/** `window.localStorage` when the browser lets the page use it. */
export function browserStorage(): KeyValueStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // some privacy settings throw on access
  }
}
