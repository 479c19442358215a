/*
 * procmap's service worker: lets the editor open without a network, so a map kept on this
 * device (IndexedDB) can be shown and edited offline. Hand-written and small on purpose.
 *
 * - Page loads (navigations): network first, so a deploy is picked up at once; without a
 *   network, the last index.html seen (the app routes itself, so it serves every page).
 * - /assets/*: cache first. Their names carry a content hash, so a cached file never goes stale.
 * - Everything else, and above all /api/ and /sync, is never cached or touched.
 */

const SHELL = 'procmap-shell-v1';
const ASSETS = 'procmap-assets-v1';
const INDEX = '/index.html';

const isAsset = (url) => url.origin === self.location.origin && url.pathname.startsWith('/assets/');

/** Stores a fresh index.html and the files it links, so the app shell works offline. */
async function cacheShell(response) {
  const html = await response.clone().text();
  await (await caches.open(SHELL)).put(INDEX, response);
  const linked = [...html.matchAll(/(?:src|href)="(\/assets\/[^"?#]+)"/g)].map((m) => m[1]);
  await cacheAssets(linked);
}

/** Adds the given /assets/ files to the cache unless they are there already. */
async function cacheAssets(paths) {
  const cache = await caches.open(ASSETS);
  for (const path of new Set(paths)) {
    const url = new URL(path, self.location.origin);
    if (!isAsset(url) || (await cache.match(url.href))) continue;
    try {
      const response = await fetch(url.href);
      if (response.ok) await cache.put(url.href, response);
    } catch {
      // offline right now: it is cached the next time it loads
    }
  }
}

async function fetchShell() {
  const response = await fetch('/', { cache: 'no-cache' });
  if (response.ok) await cacheShell(response);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetchShell()
      .catch(() => {})
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('procmap-') && name !== SHELL && name !== ASSETS)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && type.startsWith('text/html')) {
      await cacheShell(response.clone()).catch(() => {});
    }
    // A proxy in front of a server that is down answers 502/503: the cached app does better.
    if (response.status >= 500)
      return (await caches.match(INDEX, { cacheName: SHELL })) ?? response;
    return response;
  } catch (error) {
    const cached = await caches.match(INDEX, { cacheName: SHELL });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request.url, response.clone()).catch(() => {});
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync')) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (isAsset(url)) {
    event.respondWith(cacheFirst(request));
  }
});

/** The page lists the /assets/ files it loaded (the editor chunk loads lazily). */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data && data.type === 'cache-assets' && Array.isArray(data.paths)) {
    const paths = data.paths.filter((p) => typeof p === 'string').slice(0, 200);
    event.waitUntil(cacheAssets(paths));
  }
});
