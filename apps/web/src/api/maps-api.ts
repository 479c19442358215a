import { readRefusal, type RefusalKind } from '@procmap/protocol';
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

/**
 * An API failure: the server's code, the words a person reads for it (from the shared table of
 * refusals) as `message`, and the server's own technical message as `detail`.
 */
export class ApiError extends Error {
  readonly kind: RefusalKind;
  /** For a page or banner: a heading and the advice under it, when the refusal has them. */
  readonly title: string | undefined;
  readonly advice: string | undefined;
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail?: string,
  ) {
    const refusal = readRefusal(status, code);
    super(refusal.user);
    this.kind = refusal.kind;
    this.title = refusal.title;
    this.advice = refusal.advice;
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json' } });
  } catch {
    throw new ApiError(0, 'offline');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    throw new ApiError(
      res.status,
      typeof error?.code === 'string' ? error.code : `http-${res.status}`,
      typeof error?.message === 'string' ? error.message : undefined,
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
