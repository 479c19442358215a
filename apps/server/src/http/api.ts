import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAdminToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import { type CreatedMap, MapError, type MapService } from '../maps/map-service';
import { linkOrigin, requireKnownHost } from './allowed-hosts';
import { clientAddress } from './client-address';
import type { CreateRateLimit } from './create-rate-limit';
import type { ExportQueue } from './export-queue';
import type { ExportKind } from './export-routes';
import { HttpError, readJson, sendJson } from './respond';
import { storageRefusal } from './storage-errors';

/*
 * The REST API (docs/server.md). Every bad input is a 4xx naming the problem. Map tokens come
 * as ?token=…; the admin token, when configured, as `Authorization: Bearer …`. Only known Host
 * names are answered (allowed-hosts.ts); listing maps needs the admin token, and creating maps
 * without one is rate-limited per client address.
 */

export interface ApiContext {
  readonly config: ServerConfig;
  readonly maps: MapService;
}

/** The API's own state, one per server: the creation allowance and the export lanes. */
export interface ApiGuards {
  readonly creates: CreateRateLimit;
  readonly exports: ExportQueue;
}

const MAP_PATH = /^\/api\/maps\/([A-Za-z0-9_-]{1,64})(\/access|\/view-link|\/compare)?$/;
const EXPORT_PATH =
  /^\/api\/maps\/([A-Za-z0-9_-]{1,64})\/(export\.svg|export\.pdf|export\.csv|export[./]bpmn|report\.pdf)$/;

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
      'admin-token-required',
      'this server requires the admin token (Authorization: Bearer …)',
    );
  }
  if (!isAdminToken(presented, config.adminToken)) {
    throw new HttpError('admin-token-invalid', 'the admin token is wrong');
  }
}

/** Whether a body is declared as JSON (a map file); anything else may be a file to import. */
function isJsonBody(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

const methodNotAllowed = (res: ServerResponse, allow: string) => {
  res.setHeader('allow', allow);
  throw new HttpError('method-not-allowed', `use ${allow}`);
};

/** Handles /api/*; returns false for paths that are not the API's. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiContext & ApiGuards,
): Promise<boolean> {
  const { config, maps } = ctx;
  if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') return false;
  try {
    requireKnownHost(req, config);
    if (url.pathname === '/api/maps') {
      if (req.method === 'POST') {
        // With an admin token only its holder creates maps; without one, anyone may, at a pace.
        if (config.adminToken) requireAdmin(req, config);
        else ctx.creates.take(clientAddress(req));
        const links = (created: CreatedMap) => {
          const base = linkOrigin(req, config);
          return {
            ...created,
            editUrl: `${base}/m/${created.id}#token=${created.editToken}`,
            viewUrl: `${base}/m/${created.id}#token=${created.viewToken}`,
          };
        };
        if (isJsonBody(req)) {
          const body = await readJson(req, config.limits.maxMessageBytes);
          sendJson(res, 201, links(await maps.create(body)));
        } else {
          // A file to import (BPMN, CSV, draw.io): its code loads on the first import only.
          const { createFromImport } = await import('./import-route');
          const made = await createFromImport(req, url, maps);
          sendJson(res, 201, { ...links(made.created), importNotes: made.notes });
        }
      } else if (req.method === 'GET') {
        // Titles can be sensitive: nobody lists them unless an admin token is configured.
        if (!config.adminToken) {
          throw new HttpError(
            'listing-disabled',
            'this server does not list its maps: listing needs PROCMAP_ADMIN_TOKEN to be set, and that token sent as Authorization: Bearer …',
          );
        }
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
      // export/bpmn is the same download as export.bpmn.
      const kind = (exported[2] as string).replace('/', '.') as ExportKind;
      const token = url.searchParams.get('token') ?? bearer(req);
      await maps.authorize(id, token, 'view');
      // The options first (a scenario or steps the map lacks is a 400 that never takes a
      // place), then a place in the export lanes (429 past the bounds), then the work: rendered
      // on an export thread, started on first use, so the PDF and font code stays out of a
      // server that never exports, and a big report never stalls anyone's sync.
      const map = await maps.read(id);
      const { downloadTitle, exportJob, sendRendered } = await import('./export-routes');
      const job = exportJob(url, kind, map);
      const slot = ctx.exports.reserve(kind, `${clientAddress(req)} ${token}`, id);
      res.once('close', () => slot.release()); // a client that leaves gives its place back
      try {
        const rendered = await slot.run(job);
        sendRendered(res, downloadTitle(map, job.request.scenario), rendered);
      } finally {
        slot.release();
      }
      return true;
    }
    const match = url.pathname.match(MAP_PATH);
    if (!match) throw new HttpError('not-found', `no API at ${url.pathname}`);
    const id = match[1] as string;
    const token = url.searchParams.get('token') ?? bearer(req);
    if (match[2] === '/view-link') {
      // The view-only link, for anyone who may edit (and so may share the map).
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      const viewToken = await maps.viewToken(id, token);
      sendJson(res, 200, { viewUrl: `${linkOrigin(req, config)}/m/${id}#token=${viewToken}` });
    } else if (match[2] === '/compare') {
      // The as-is beside its scenarios, analysed (never simulated: that would block the sync).
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      await maps.authorize(id, token, 'view');
      const { comparison } = await import('./scenario-routes');
      sendJson(res, 200, comparison(url, await maps.read(id)));
    } else if (match[2]) {
      // What this token may do, so the editor can show a view link as view-only from the start,
      // and the map's title, so the browser can list the maps it opened.
      if (req.method !== 'GET') methodNotAllowed(res, 'GET');
      sendJson(res, 200, await maps.access(id, token));
    } else if (req.method === 'GET') {
      await maps.authorize(id, token, 'view');
      const map = await maps.read(id);
      if (url.searchParams.has('scenario')) {
        // That scenario as a map file of its own (the as-is: the whole map, as without it).
        const { mapForScenario } = await import('./scenario-routes');
        sendJson(res, 200, mapForScenario(url, map));
      } else sendJson(res, 200, map);
    } else if (
      (req.method === 'PUT' || req.method === 'DELETE') &&
      url.searchParams.has('scenario')
    ) {
      // A scenario is edited over the sync socket: PUT and DELETE act on the whole map.
      await maps.authorize(id, token, 'edit');
      throw new HttpError(
        'bad-request',
        `scenario= is for GET only: ${req.method} acts on the whole map`,
      );
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
        error.code,
        error.message,
        error.problems ? { problems: error.problems } : undefined,
      );
    }
    throw storageRefusal(error) ?? error;
  }
}
