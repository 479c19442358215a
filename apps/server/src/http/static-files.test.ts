import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, sendError } from './respond';
import { serveStatic } from './static-files';

/*
 * The built web app as files: the service worker must be a script the browser accepts and must
 * never be cached by HTTP (a stale worker would keep serving an old app), hashed assets may be
 * cached for a year, app routes fall back to index.html, and a missing file is a 404 (not the
 * app's page under a script's name).
 */

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'procmap-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'sw.js'), "self.addEventListener('fetch', () => {});");
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  server = createServer((req, res) => {
    try {
      serveStatic(res, new URL(req.url ?? '/', 'http://x').pathname, dir);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendError(res, error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function get(
  path: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
  const res = await fetch(base + path);
  return {
    status: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    text: await res.text(),
  };
}

describe('static files of the web app', () => {
  it('serves the service worker as JavaScript that HTTP caches must revalidate', async () => {
    const res = await get('/sw.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('fetch');
  });

  it('lets hashed assets be cached for good and index.html never', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    const page = await get('/m/some-map');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<title>app</title>');
  });

  it.each([
    '/assets/index-gone123.js',
    '/assets/index-gone123.css',
    '/assets/',
    '/assets/nested/thing',
    '/favicon.ico',
    '/manifest.webmanifest',
    '/robots.txt',
    '/m/some-map/app.js',
    '/%2e%2e/%2e%2e/etc/hosts.conf',
  ])('answers 404 for the missing file %s, not the app page', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).not.toMatch(/immutable/);
    expect(res.text).not.toContain('<title>app</title>');
    expect(JSON.parse(res.text).error.code).toBe('not-found');
  });

  it.each(['/', '/m/abc_DEF-123', '/m/abc/', '/some/app/route'])(
    'keeps the app page for the app route %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<title>app</title>');
    },
  );
});
