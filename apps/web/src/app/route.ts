/** Where the app is: the home page, or one map's editor with the token from the link's fragment. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'editor'; readonly mapId: string; readonly token: string }
  | { readonly page: 'not-found' };

/** Reads a route from a location; the token sits in the fragment (`#token=…`), never sent to a server. */
export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/m\/([^/]+)\/?$/.exec(pathname);
  if (!match) return { page: 'not-found' };
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  return { page: 'editor', mapId: decodeURIComponent(match[1]!), token };
}

/** The path and fragment of a share link, if `text` is one (absolute or relative). */
export function linkTarget(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim(), window.location.origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const route = parseRoute(url.pathname, url.hash);
  if (route.page !== 'editor' || !route.token) return undefined;
  return `${url.pathname}${url.hash}`;
}
