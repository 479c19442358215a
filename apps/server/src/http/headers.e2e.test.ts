import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * Security headers on every response of the real server process — the web app, the API, its
 * errors, and the HTTP refusals of the sync socket — with a built web app in place.
 */

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

function send(
  server: { readonly url: string },
  method: string,
  path: string,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent: false,
        headers:
          body === undefined
            ? {}
            : {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(body)),
              },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The HTTP answer to a refused websocket upgrade. */
function refusedUpgrade(url: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('unexpected-response', (req, res) => {
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
    });
    ws.on('error', reject);
  });
}

/** Directive name → its sources, as a browser reads a Content-Security-Policy. */
function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources); // the first one wins
  }
  return directives;
}

/** The headers every response must carry. */
function expectSecurityHeaders(headers: IncomingHttpHeaders, what: string): void {
  const csp = headers['content-security-policy'];
  expect(typeof csp, `${what}: Content-Security-Policy`).toBe('string');
  const policy = parseCsp(csp as string);
  // Scripts fall back to default-src when script-src is absent.
  const scripts = policy.get('script-src') ?? policy.get('default-src');
  expect(scripts, `${what}: script-src or default-src`).toBeDefined();
  for (const banned of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) {
    expect(scripts, `${what}: script-src allows ${banned}`).not.toContain(banned);
  }
  expect(policy.get('object-src'), `${what}: object-src`).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), `${what}: frame-ancestors`).toEqual(["'none'"]);
  expect(policy.get('base-uri'), `${what}: base-uri`).toBeDefined();
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['x-frame-options'], what).toBe('DENY');
}

describe('security headers on every response (real server process)', { timeout: 30_000 }, () => {
  let server: ServerProcess;
  let webDir = '';
  let map: { id: string; editToken: string; viewToken: string };

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'procmap-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>procmap app</title>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log("app");');
    server = await startServer({ env: { PROCMAP_WEB_DIR: webDir } });
    map = await createMap(server, { title: 'Headers' });
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  it('GET /healthz → 200 { ok: true }', async () => {
    const reply = await send(server, 'GET', '/healthz');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: true });
    expectSecurityHeaders(reply.headers, '/healthz');
  });

  const cases: [string, string, () => string, number, string?][] = [
    ['the app', 'GET', () => '/', 200],
    ['the app, HEAD', 'HEAD', () => '/', 200],
    ['a map page (the app routes itself)', 'GET', () => '/m/abc', 200],
    ['a built asset', 'GET', () => '/assets/app-1234.js', 200],
    ['a missing file', 'GET', () => '/nothing/here.png', 404],
    ['a missing asset', 'GET', () => '/assets/app-gone.js', 404],
    ['health', 'GET', () => '/healthz', 200],
    ['the list of maps, refused without an admin token', 'GET', () => '/api/maps', 403],
    ['a new map', 'POST', () => '/api/maps', 201, '{}'],
    ['a map', 'GET', () => `/api/maps/${map.id}?token=${map.viewToken}`, 200],
    ['a map without a token', 'GET', () => `/api/maps/${map.id}`, 401],
    ['a map with a wrong token', 'GET', () => `/api/maps/${map.id}?token=x`, 403],
    ['an unknown map', 'GET', () => '/api/maps/unknown?token=x', 404],
    ['an unknown API path', 'GET', () => '/api/nope', 404],
    ['a body that is not JSON', 'POST', () => '/api/maps', 400, 'not json'],
    ['a body that is not declared JSON', 'POST', () => '/api/maps', 415],
    ['a wrong method on the API', 'PATCH', () => '/api/maps', 405],
    ['a wrong method on the app', 'POST', () => '/', 405, '{}'],
    ['a malformed percent-encoded path', 'GET', () => '/%E0%A4%A', 400],
    ['a URL that does not parse', 'GET', () => '//', 400],
  ];

  it.each(cases)(
    '%s (%s) carries the security headers',
    async (what, method, path, status, body) => {
      const reply = await send(server, method, path(), body);
      expect(reply.status, reply.text).toBe(status);
      expectSecurityHeaders(reply.headers, what);
    },
  );

  it('serves assets with their type, so nosniff cannot break them', async () => {
    const reply = await send(server, 'GET', '/assets/app-1234.js');
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.text).toBe('console.log("app");');
  });

  it('a malformed percent-encoded path is a 400 naming the problem, not a 500', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%ZZ.js', '/m/%C0']) {
      const reply = await send(server, 'GET', path);
      expect(reply.status, path).toBe(400);
      expect(JSON.parse(reply.text).error.code).toBe('bad-url');
    }
  });

  it('paths cannot escape the web folder', async () => {
    for (const path of [
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/../../../../etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const reply = await send(server, 'GET', path);
      expect(reply.status, path).toBeLessThan(500);
      expect(reply.text, path).not.toMatch(/root:/);
    }
  });

  it('the HTTP refusals of the sync socket carry the security headers', async () => {
    const refusals = [
      [`${server.wsUrl}/${map.id}`, 401],
      [`${server.wsUrl}/${map.id}?token=wrong`, 403],
      [`${server.wsUrl}/unknownMap?token=x`, 404],
      [`${server.url.replace('http', 'ws')}/elsewhere`, 404],
    ] as const;
    for (const [url, status] of refusals) {
      const refusal = await refusedUpgrade(url);
      expect(refusal.status).toBe(status);
      expectSecurityHeaders(refusal.headers, `upgrade refused with ${status}`);
    }
  });
});
