import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log';
import { type ApiContext, handleApi } from './api';
import { CreateRateLimit } from './create-rate-limit';
import { ExportQueue } from './export-queue';
import { HttpError, sendError, sendJson } from './respond';
import { setSecurityHeaders } from './security-headers';
import { serveStatic } from './static-files';

export interface HandlerContext extends ApiContext {
  readonly log: Logger;
  readonly health: () => Record<string, unknown>;
}

/** The HTTP entry point: security headers, routing, and errors as JSON — never a bare 500. */
export function createRequestHandler(ctx: HandlerContext) {
  const api = {
    ...ctx,
    creates: new CreateRateLimit(ctx.config.createsPerMinute, ctx.config.createBurst),
    exports: new ExportQueue(ctx.config.exportLimits),
  };
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
      if (url.pathname === '/healthz') {
        sendJson(res, 200, { ok: true, ...ctx.health() });
      } else if (!(await handleApi(req, res, url, api))) {
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
