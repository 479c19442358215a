import { browserRecentStore, rememberMap } from './recent-maps';

/** What the server answers when a map is created: the only time both tokens are handed out. */
export interface CreatedMap {
  readonly id: string;
  readonly title: string;
  readonly editToken: string;
  readonly viewToken: string;
  readonly editUrl: string;
  readonly viewUrl: string;
}

/** An API failure with the server's code and a message a user can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
  } catch {
    throw new ApiError(0, 'offline', 'The server cannot be reached. Check your connection.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(
      res.status,
      error?.code ?? `http-${res.status}`,
      error?.message ?? `The server answered ${res.status}.`,
    );
  }
  return body as T;
}

/** Creates a map: empty with a title, or from a whole map file (a template). */
export function createMap(body: { title: string } | object): Promise<CreatedMap> {
  return request<CreatedMap>('/api/maps', { method: 'POST', body: JSON.stringify(body) });
}

/** What a token may do on a map: edit it, or only view it. */
export type MapAccess = 'edit' | 'view';

/**
 * Asks the server what `token` may do on the map, before anything is edited. The answer also
 * carries the map's title: the map goes on this browser's list of maps (recent-maps.ts).
 */
export async function mapAccess(mapId: string, token: string): Promise<MapAccess> {
  const path = `/api/maps/${encodeURIComponent(mapId)}/access?token=${encodeURIComponent(token)}`;
  const body = await request<{ access: MapAccess; title?: unknown }>(path);
  const access = body.access === 'edit' ? 'edit' : 'view';
  const title = typeof body.title === 'string' ? body.title : '';
  rememberMap(browserRecentStore(), { id: mapId, title, token, access });
  return access;
}

/**
 * The map's view-only link, for whoever holds its edit token (maps made before view links could
 * be recovered answer 404 `view-link-unavailable`).
 */
export async function fetchViewLink(mapId: string, editToken: string): Promise<string> {
  const path = `/api/maps/${encodeURIComponent(mapId)}/view-link?token=${encodeURIComponent(editToken)}`;
  const body = await request<{ viewUrl: string }>(path);
  return body.viewUrl;
}
