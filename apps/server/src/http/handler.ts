import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { type ApiContext, handleApi } from './api';
import { CreateRateLimit } from './create-rate-limit';
import { ExportQueue } from './export-queue';
import { createOpsRoutes, type OpsOptions } from './ops-routes';
import { HttpError, sendError } from './respond';
import { setSecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';

export interface HandlerContext extends ApiContext {
  readonly log: Logger;
  readonly health: () => Record<string, unknown>;
  /**
   * Readiness and metrics (ops-routes.ts): the store and bus to ping, the metrics to serve and
   * whether the server is shutting down. Without it /readyz checks nothing and /metrics is 404.
   */
  readonly ops?: OpsOptions;
}

/** The HTTP entry point: security headers, routing, and errors as JSON — never a bare 500. */
export function createRequestHandler(ctx: HandlerContext) {
  const api = {
    ...ctx,
    creates: new CreateRateLimit(ctx.config.createsPerMinute, ctx.config.createBurst),
    exports: new ExportQueue(ctx.config.exportLimits),
  };
  const ops = createOpsRoutes(ctx);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    setSecurityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendError(res, new HttpError('bad-url', 'the request URL does not parse'));
      return;
    }
    try {
      // Probes first: they come by address, whatever Host they carry (the API checks it).
      if (!(await ops(req, res, url)) && !(await handleApi(req, res, url, api))) {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.setHeader('allow', 'GET, HEAD');
          throw new HttpError('method-not-allowed', 'use GET');
        }
        serveStatic(res, url.pathname, ctx.config.webDir);
      }
    } catch (error) {
      if (error instanceof HttpError) {
        sendError(res, error);
      } else {
        ctx.log.error('request-failed', {
          method: req.method,
          path: url.pathname,
          error: String(error),
        });
        if (!res.headersSent)
          sendError(res, new HttpError('internal', 'something went wrong on the server'));
        else res.destroy();
      }
    } finally {
      // Paths only: query strings carry tokens and are never logged.
      ctx.log.debug('request', {
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    }
  };
}
