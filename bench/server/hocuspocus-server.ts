import type { Extension } from '@hocuspocus/server';
import { Server } from '@hocuspocus/server';

/*
 * Hocuspocus as the benchmark runs it: its own process (`node --import tsx
 * bench/server/hocuspocus-server.ts`), `@hocuspocus/server` with its default configuration
 * (debounce 2,000 ms, maxDebounce 10,000 ms, unloadImmediately, timeout 30,000 ms), no
 * authentication hook. HOCUSPOCUS_SQLITE=<file> adds `@hocuspocus/extension-sqlite` on that
 * database file; without it documents live in memory only (and are dropped when their last
 * connection closes, as Hocuspocus does). PORT and HOST come from the environment; it prints
 * `hocuspocus listening on ws://host:port` once it accepts connections.
 */

// GET /healthz answers { rooms } — the documents loaded — as our server does, so the bench can
// wait for a document to be stored and unloaded. Only HTTP requests reach this hook.
const healthz: Extension = {
  extensionName: 'bench-healthz',
  async onRequest({ request, response, instance }) {
    if (request.url !== '/healthz') return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ rooms: instance.getDocumentsCount() }));
    // Hocuspocus's way for a hook to say "answered": reject without an error.
    return Promise.reject();
  },
};

const extensions: Extension[] = [healthz];
const database = process.env.HOCUSPOCUS_SQLITE;
if (database) {
  const { SQLite } = await import('@hocuspocus/extension-sqlite');
  extensions.push(new SQLite({ database }));
}

const host = process.env.HOST ?? '127.0.0.1';
const server = new Server({
  port: Number(process.env.PORT ?? 0),
  // Hocuspocus 3.4.4 passes this to listen() as `address`, which Node ignores: it listens on
  // every interface. The clients connect to HOST all the same.
  address: host,
  quiet: true,
  stopOnSignals: false,
  extensions,
});
await server.listen();
process.stdout.write(`hocuspocus listening on ws://${host}:${server.address.port}\n`);
process.on('SIGTERM', () => process.exit(0));
