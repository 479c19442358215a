/*
 * Registers the service worker (public/sw.js) that lets the editor open without a network.
 * Production builds only: in development Vite serves unhashed modules that must not be cached.
 */

declare global {
  // The part of Vite's `import.meta.env` used here (the app does not load `vite/client` types).
  interface ImportMetaEnv {
    readonly PROD: boolean;
  }
  interface ImportMeta {
    readonly env: ImportMetaEnv;
  }
}

/** Paths of this origin's /assets/ files among resource URLs. */
function assetPaths(urls: readonly string[]): string[] {
  const paths: string[] = [];
  for (const url of urls) {
    const parsed = new URL(url, window.location.href);
    if (parsed.origin === window.location.origin && parsed.pathname.startsWith('/assets/')) {
      paths.push(parsed.pathname);
    }
  }
  return paths;
}

export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page has loaded, so caching the shell does not compete with opening the map.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

function register(): void {
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      // Tell the worker every asset this page loads, now and later (the editor chunk and the
      // layout worker load lazily), so they are all there when the app next opens offline.
      const post = (urls: readonly string[]) => {
        const paths = assetPaths(urls);
        if (paths.length > 0) registration.active?.postMessage({ type: 'cache-assets', paths });
      };
      if (typeof PerformanceObserver === 'undefined') return;
      new PerformanceObserver((list) => post(list.getEntries().map((e) => e.name))).observe({
        type: 'resource',
        buffered: true,
      });
    })
    .catch(() => {
      // No service worker (private mode, blocked): the app works, only not offline.
    });
}
