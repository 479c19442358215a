import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { HttpError } from './respond';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>procmap server</title></head>
<body><h1>procmap server is running</h1>
<p>The editor is not built into this server yet. The REST API is at <code>/api/maps</code>
and the sync socket at <code>/sync/&lt;map id&gt;</code>; see docs/server.md.</p></body></html>
`;

/**
 * A path that names a file rather than a page of the app: anything under /assets/ or with an
 * extension. Missing, it is a 404 — index.html in its place would be run as a script or style
 * (and cached for a year under /assets/), failing far from the cause.
 */
const isFilePath = (path: string) => path.startsWith('/assets/') || extname(path) !== '';

/**
 * Serves the built web app from `dir`: a file when one matches, else index.html for app routes
 * (the app routes itself, e.g. /m/<id>) and 404 for a missing file. Paths cannot escape `dir`.
 * Without a build, a plain page says so.
 */
export function serveStatic(res: ServerResponse, pathname: string, dir: string | undefined): void {
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    res.writeHead(pathname === '/' || pathname.startsWith('/m/') ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
    });
    res.end(PLACEHOLDER);
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError('bad-url', 'the request path is not valid percent-encoding');
  }
  let file = normalize(join(dir, decoded));
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    if (isFilePath(decoded)) {
      throw new HttpError('not-found', `no file at ${JSON.stringify(decoded.slice(0, 200))}`);
    }
    file = join(dir, 'index.html');
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  // A file that cannot be read (gone, no permission) ends this response, not the process.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
