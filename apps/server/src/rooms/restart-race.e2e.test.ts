import { join } from 'node:path';
import { generateMap } from '@procmap/test-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config';
import { createLogger } from '../log';
import { createProcmapServer, type ProcmapServer } from '../server';
import type { StorageAdapter } from '../storage/adapter';
import { SqliteStorage } from '../storage/sqlite-storage';
import { connectClient, type TestClient, whenSynced } from '../test-support/clients';
import { freePort, removeDataDir, tempDataDir } from '../test-support/server-process';
import { letTimePass } from '../test-support/wait';

/*
 * The restart race of the stock server: a client that connects while the stored map is still
 * loading must not be told "synced" on an empty or partial map. We restart the server (a new
 * server instance and a new connection to the same SQLite file) 100 times, with clients
 * connecting as it comes up, and check the map is whole at the moment each client is told it
 * is synced.
 */

const RESTARTS = 100;

describe('restart race', () => {
  const dataDir = tempDataDir();
  const clients: TestClient[] = [];
  let server: ProcmapServer | undefined;

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.close();
    removeDataDir(dataDir);
  });

  /**
   * A slow disk: loading takes a few milliseconds, as on a busy machine, so clients really do
   * connect while the map is loading (with SQLite's instant answers the race window is empty).
   */
  const slowLoads = (storage: StorageAdapter, delay: () => number): StorageAdapter =>
    new Proxy(storage, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== 'loadState' || typeof value !== 'function') return value;
        return async (id: string) => {
          await letTimePass(delay(), 'a slow disk: the map takes this long to load');
          return (value as StorageAdapter['loadState']).call(target, id);
        };
      },
    });

  const boot = (port: number, delayMs = 0) => {
    const config = {
      ...configFromEnv({ PORT: String(port), PROCMAP_DATA: dataDir }),
      idleUnloadMs: 60_000,
    };
    const storage = SqliteStorage.open(join(dataDir, 'procmap.sqlite'));
    return createProcmapServer(
      config,
      slowLoads(storage, () => delayMs),
      createLogger('silent'),
    );
  };

  it(`never reports synced before the stored map has loaded, over ${RESTARTS} restarts`, {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const file = generateMap({ steps: 1000, seed: 7 });
    server = boot(port);
    const url = await server.listen();
    const res = await fetch(`${url}/api/maps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    });
    expect(res.status).toBe(201);
    const map = (await res.json()) as { id: string; editToken: string };
    await server.close();

    const wsUrl = `ws://127.0.0.1:${port}/sync`;
    const stepsWhenSynced: number[] = [];
    for (let i = 0; i < RESTARTS; i++) {
      server = boot(port, i % 10); // from instant to 9 ms
      await server.listen();
      // One to three clients race the load; each records what it holds when told "synced".
      const racing = Array.from({ length: 1 + (i % 3) }, () => {
        const client = connectClient(wsUrl, map.id, map.editToken);
        clients.push(client);
        return whenSynced(client).then(() => {
          stepsWhenSynced.push(client.doc.getMap('steps').size);
          client.destroy();
        });
      });
      await Promise.all(racing);
      await server.close();
    }
    expect(stepsWhenSynced.length).toBeGreaterThanOrEqual(RESTARTS);
    expect(new Set(stepsWhenSynced)).toEqual(new Set([file.steps.length]));
  });
});
