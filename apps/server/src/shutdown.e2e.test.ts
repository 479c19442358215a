import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, whenSynced } from './test-support/clients';
import { waitFor } from './test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
  tempDataDir,
} from './test-support/server-process';

/*
 * Graceful shutdown of the real server process: on SIGTERM or SIGINT it stops, closes every
 * socket with 1001 (going away), saves what it has, and exits 0 within 10 s; a restart on the
 * same data folder has every edit the server had received.
 */

const SHUTDOWN_BOUND_MS = 10_000;

const servers: ServerProcess[] = [];
const clients: TestClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((s) => s.kill('SIGKILL')));
  for (const dir of dirs.splice(0)) removeDataDir(dir);
});

async function start(dataDir: string): Promise<ServerProcess> {
  const server = await startServer({ dataDir });
  servers.push(server);
  return server;
}

async function readMap(server: ServerProcess, id: string, token: string) {
  const res = await fetch(`${server.url}/api/maps/${id}?token=${token}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

/** Sends a signal; resolves with the exit code and how long the process took to exit. */
async function stop(server: ServerProcess, signal: NodeJS.Signals) {
  const started = performance.now();
  const code = await server.kill(signal);
  return { code, ms: performance.now() - started };
}

describe('graceful shutdown (real server process)', { timeout: 30_000 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s with two connected clients: closes them with 1001, exits 0 within 10 s, and keeps every edit',
    async (signal) => {
      const dataDir = tempDataDir();
      dirs.push(dataDir);
      const server = await start(dataDir);
      const map = await createMap(server, { title: 'Before' });

      const a = connectClient(server.wsUrl, map.id, map.editToken, { wantSaved: true });
      const b = connectClient(server.wsUrl, map.id, map.editToken);
      clients.push(a, b);
      await Promise.all([whenSynced(a), whenSynced(b)]);
      const closes = new Map<TestClient, number[]>([
        [a, []],
        [b, []],
      ]);
      for (const [client, codes] of closes) {
        client.provider.on('connection-close', (event) => {
          if (event) codes.push(event.code);
        });
      }

      // An edit the server acknowledged as saved…
      a.doc.getMap('meta').set('title', `Saved before ${signal}`);
      await waitFor(() => a.isSaved(), 'the saved acknowledgement');
      // …and one it has received and relayed (b has it) but that we do not wait to see saved.
      a.doc.getMap('meta').set('description', `Sent just before ${signal}`);
      await waitFor(
        () => b.doc.getMap('meta').get('description') === `Sent just before ${signal}`,
        'the other client to receive the last edit',
      );

      const { code, ms } = await stop(server, signal);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(SHUTDOWN_BOUND_MS);
      await waitFor(
        () => [...closes.values()].every((codes) => codes[0] === 1001),
        'both clients to be closed with 1001 (going away)',
      );
      expect(server.log()).not.toMatch(/^error /m);
      for (const client of clients.splice(0)) client.destroy();

      const restarted = await start(dataDir);
      const file = await readMap(restarted, map.id, map.viewToken);
      expect(file.title).toBe(`Saved before ${signal}`);
      expect(file.description).toBe(`Sent just before ${signal}`);

      // And with nobody connected, the same signal stops it at once, cleanly.
      const idle = await stop(restarted, signal);
      expect(idle.code).toBe(0);
      expect(idle.ms).toBeLessThan(SHUTDOWN_BOUND_MS);
    },
  );

  it('a map replaced over the API just before SIGTERM is there after a restart', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = await start(dataDir);
    const map = await createMap(server, { title: 'Before' });
    const file = {
      format: 'procmap',
      version: 1,
      title: 'Replaced',
      roles: [],
      steps: [],
      flows: [],
    };
    const put = await fetch(`${server.url}/api/maps/${map.id}?token=${map.editToken}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    expect(put.status).toBe(200);
    const { code } = await stop(server, 'SIGTERM');
    expect(code).toBe(0);
    const restarted = await start(dataDir);
    expect(await readMap(restarted, map.id, map.editToken)).toEqual(file);
    // The maps table has the new title too (the server lists no maps without an admin token).
    const access = await fetch(`${restarted.url}/api/maps/${map.id}/access?token=${map.editToken}`);
    expect(await access.json()).toEqual({ access: 'edit', title: 'Replaced' });
  });

  it('with PROCMAP_DRAIN_MS, says "draining" on /readyz and keeps its people connected for that long first', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = await startServer({ dataDir, env: { PROCMAP_DRAIN_MS: '1500' } });
    servers.push(server);
    const map = await createMap(server, { title: 'Draining' });
    const client = connectClient(server.wsUrl, map.id, map.editToken);
    clients.push(client);
    await whenSynced(client);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const exited = server.kill('SIGTERM');
    await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 503, 'draining');
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toMatchObject({ ready: false, draining: true });
    expect(client.provider.wsconnected, 'still connected while draining').toBe(true);
    expect(await exited).toBe(0);
    expect(client.provider.wsconnected).toBe(false);
  });
});
