import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAdminToken } from '../auth/tokens';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { ServerMetrics } from '../metrics';
import { HttpError, sendJson } from './respond';

/*
 * What operators and load balancers ask: GET /healthz (the process answers), GET /readyz (send
 * it traffic: storage and bus answer, not shutting down) and GET /metrics (Prometheus). A load
 * balancer probes by address, so unlike the API these answer whatever the Host header says;
 * /metrics may require its own token (PROCMAP_METRICS_TOKEN).
 */

/** What the readiness and metrics routes read; every part may be left out. */
export interface OpsOptions {
  /** Served at /metrics; without it /metrics is 404. */
  readonly metrics?: ServerMetrics;
  /** The store; its `ping`, when it has one, must resolve within the timeout. */
  readonly storage?: { ping?(): Promise<void> };
  /** The bus to other instances, when there are several: must ping true within the timeout. */
  readonly bus?: { ping(): Promise<boolean> };
  /** True once the server is shutting down: not ready, whatever else answers. */
  readonly draining?: () => boolean;
  /** How long a ping may take before it counts as failed (default 1 s). */
  readonly pingTimeoutMs?: number;
}

export interface OpsContext {
  readonly config: Pick<ServerConfig, 'metricsToken'>;
  readonly log: Logger;
  /** What /healthz reports besides `ok: true`. */
  readonly health: () => Record<string, unknown>;
  readonly ops?: OpsOptions;
}

export interface ReadyReport {
  readonly ready: boolean;
  readonly storage: 'ok' | 'unreachable';
  /** 'none' with no bus: one instance. */
  readonly bus: 'ok' | 'down' | 'none';
  /** Present (true) while shutting down. */
  readonly draining?: true;
}

const PING_TIMEOUT_MS = 1000;

/** `check`'s answer, or `late` once `ms` have passed (or when it throws or rejects). */
async function within<T>(check: () => Promise<T>, ms: number, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch {
    return late;
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the store and the bus at once, each within the ping timeout. */
export async function checkReady(ops: OpsOptions = {}): Promise<ReadyReport> {
  const ms = ops.pingTimeoutMs ?? PING_TIMEOUT_MS;
  const storagePing = ops.storage?.ping?.bind(ops.storage);
  const busPing = ops.bus?.ping.bind(ops.bus);
  const [storage, bus] = await Promise.all([
    // An embedded store without a ping answers whenever it is open.
    storagePing
      ? within(
          async () => {
            await storagePing();
            return 'ok' as const;
          },
          ms,
          'unreachable' as const,
        )
      : ('ok' as const),
    busPing
      ? within(
          async () => ((await busPing()) ? ('ok' as const) : ('down' as const)),
          ms,
          'down' as const,
        )
      : ('none' as const),
  ]);
  const draining = ops.draining?.() === true;
  const ready = storage === 'ok' && bus !== 'down' && !draining;
  return { ready, storage, bus, ...(draining ? { draining: true as const } : {}) };
}

function bearer(req: IncomingMessage): string | undefined {
  return req.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
}

/** Refuses (401) a scrape without the configured metrics token; constant-time comparison. */
function requireMetricsToken(req: IncomingMessage, token: string | undefined): void {
  if (!token) return;
  const presented = bearer(req);
  if (isAdminToken(presented, token)) return;
  throw new HttpError(
    'admin-token-required',
    presented === undefined
      ? 'the metrics require the metrics token (Authorization: Bearer …)'
      : 'the metrics token is wrong',
    undefined,
    { 'www-authenticate': 'Bearer realm="procmap metrics"' },
  );
}

function requireGet(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'GET' || req.method === 'HEAD') return;
  res.setHeader('allow', 'GET, HEAD');
  throw new HttpError('method-not-allowed', 'use GET');
}

/**
 * The routes, as a function answering true for a path it served (false: not one of these).
 * It logs when readiness changes, so an operator sees why a load balancer stopped sending.
 */
export function createOpsRoutes(ctx: OpsContext) {
  let wasReady = true;
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    switch (url.pathname) {
      case '/healthz':
        sendJson(res, 200, { ok: true, ...ctx.health() });
        return true;
      case '/readyz': {
        requireGet(req, res);
        const report = await checkReady(ctx.ops);
        if (report.ready !== wasReady) {
          wasReady = report.ready;
          const { storage, bus, draining } = report;
          if (report.ready) ctx.log.info('ready', { storage, bus });
          else ctx.log.warn('not-ready', { storage, bus, draining });
        }
        sendJson(res, report.ready ? 200 : 503, report);
        return true;
      }
      case '/metrics': {
        requireGet(req, res);
        requireMetricsToken(req, ctx.config.metricsToken);
        const metrics = ctx.ops?.metrics;
        if (!metrics) throw new HttpError('not-found', 'this server does not collect metrics');
        const text = await metrics.text();
        res.writeHead(200, {
          'content-type': metrics.contentType,
          'content-length': Buffer.byteLength(text),
          'cache-control': 'no-store',
        });
        res.end(text);
        return true;
      }
      default:
        return false;
    }
  };
}
