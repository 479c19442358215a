import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAdminToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import { MapError, type MapService } from '../maps/map-service';
import type { ExportKind } from './export-routes';
import { HttpError, readJson, sendJson } from './respond';

/*
 * The REST API (docs/server.md). Every bad input is a 4xx naming the problem. Map tokens come
 * as ?token=…; the admin token, when configured, as `Authorization: Bearer …`.
 */

export interface ApiContext {
  readonly config: ServerConfig;
  readonly maps: MapService;
}

const MAP_PATH = /^\/api\/maps\/([A-Za-z0-9_-]{1,64})(\/access|\/view-link)?$/;
const EXPORT_PATH =
  /^\/api\/maps\/([A-Za-z0-9_-]{1,64})\/(export\.svg|export\.pdf|export\.csv|report\.pdf)$/;

function baseUrl(req: IncomingMessage, config: ServerConfig): string {
  if (config.publicUrl) return config.publicUrl;
  const host = req.headers.host ?? `${config.host}:${config.port}`;
  return `http://${host}`;
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim();
}

function requireAdmin(req: IncomingMessage, config: ServerConfig): void {
  if (!config.adminToken) return;
  const presented = bearer(req);
  if (presented === undefined) {
    throw new HttpError(
      401,
      'admin-token-required',
      'this server requires the admin token (Authorization: Bearer …)',
    );
  }
  if (!isAdminToken(presented, config.adminToken)) {
    throw new HttpError(403, 'admin-token-invalid', 'the admin token is wrong');
  }
}

const methodNotAllowed = (res: ServerResponse, allow: string) => {
  res.setHeader('allow', allow);
  throw new HttpError(405, 'method-not-allowed', `use ${allow}`);
};

/** Handles /api/*; returns false for paths that are not the API's. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiContext,
): Promise<boolean> {
  const { config, maps } = ctx;
  if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') return false;
  try {
    if (url.pathname === '/api/maps') {
      if (req.method === 'POST') {
        requireAdmin(req, config);
        const body = await readJson(req, config.limits.maxMessageBytes);
        const created = await maps.create(body);
        const base = baseUrl(req, config);
        sendJson(res, 201, {
          ...created,
          editUrl: `${base}/m/${created.id}#token=${created.editToken}`,
          viewUrl: `${base}/m/${created.id}#token=${created.viewToken}`,
        });
      } else if (req.method === 'GET') {
        requireAdmin(req, config);
        sendJson(res, 200, { maps: await maps.list() });
      } else methodNotAllowed(res, 'GET, POST');
      return true;
    }
    const exported = url.pathname.match(EXPORT_PATH);
    if (exported) {
      // Downloads for stakeholders: any token that can view the map may export it.
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      const id = exported[1] as string;
      await maps.authorize(id, url.searchParams.get('token') ?? bearer(req), 'view');
      // Rendered on the export thread, started on first use: the PDF and font code stays out of
      // a server that never exports, and a big report never stalls anyone's sync.
      const map = await maps.read(id);
      const { exportJob, sendRendered } = await import('./export-routes');
      const { renderOnThread } = await import('./export-pool');
      const job = exportJob(url, exported[2] as ExportKind, map);
      sendRendered(res, map.title, await renderOnThread(job));
      return true;
    }
    const match = url.pathname.match(MAP_PATH);
    if (!match) throw new HttpError(404, 'not-found', `no API at ${url.pathname}`);
    const id = match[1] as string;
    const token = url.searchParams.get('token') ?? bearer(req);
    if (match[2] === '/view-link') {
      // The view-only link, for anyone who may edit (and so may share the map).
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      const viewToken = await maps.viewToken(id, token);
      sendJson(res, 200, { viewUrl: `${baseUrl(req, config)}/m/${id}#token=${viewToken}` });
    } else if (match[2]) {
      // What this token may do, so the editor can show a view link as view-only from the start.
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      sendJson(res, 200, { access: await maps.authorize(id, token, 'view') });
    } else if (req.method === 'GET') {
      await maps.authorize(id, token, 'view');
      sendJson(res, 200, await maps.read(id));
    } else if (req.method === 'PUT') {
      await maps.authorize(id, token, 'edit');
      const body = await readJson(req, config.limits.maxMessageBytes);
      sendJson(res, 200, await maps.replace(id, body));
    } else if (req.method === 'DELETE') {
      await maps.authorize(id, token, 'edit');
      await maps.delete(id);
      res.writeHead(204).end();
    } else methodNotAllowed(res, 'GET, PUT, DELETE');
    return true;
  } catch (error) {
    if (error instanceof MapError) {
      throw new HttpError(
        error.status,
        error.code,
        error.message,
        error.problems ? { problems: error.problems } : undefined,
      );
    }
    throw error;
  }
}
