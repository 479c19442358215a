import { generateMap } from '@procmap/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, json, q, retitled, send } from '../test-support/api';
import { connectClient, type TestClient, whenSynced } from '../test-support/clients';
import { waitFor } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * A full store over the REST API of the real server process, made small with
 * PROCMAP_MAX_DB_BYTES so no disk has to fill: creating and replacing answer 507, and a
 * replacement that could not be stored is applied nowhere — not in GET, not in the room, not
 * on a connected client's screen.
 */

const QUOTA = 256 * 1024;

describe('full store (real server process)', { timeout: 30_000 }, () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({
      env: {
        PROCMAP_MAX_DB_BYTES: String(QUOTA),
        // Filling the store takes more maps than one address may make in a burst.
        PROCMAP_CREATE_BURST: '1000',
      },
    });
  }, 30_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  it('answers POST and PUT with 507 and applies nothing it could not store', async () => {
    const map = await createMap(server, retitled(example(), 'Before'));
    const watcher = connectClient(server.wsUrl, map.id, map.viewToken);
    clients.push(watcher);
    await whenSynced(watcher);
    const titles = new Set<unknown>();
    const meta = watcher.doc.getMap('meta');
    titles.add(meta.get('title'));
    watcher.doc.on('update', () => titles.add(meta.get('title')));
    expect(titles).toEqual(new Set(['Before']));

    // Fill the store with maps until one can no longer be created.
    const big = (i: number) => ({ ...generateMap({ steps: 60, seed: i }), title: `Filler ${i}` });
    let full: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 200 && !full; i++) {
      const reply = await send(server, 'POST', '/api/maps', json(big(i)));
      if (reply.status !== 201) full = reply;
    }
    expect(full, 'the store never filled up').toBeDefined();
    expectError(full!, 507, 'insufficient-storage');
    expect(full!.json.error.message).toMatch(/no room left/);
    // The store's own path is never shown to API clients.
    expect(full!.text).not.toContain(server.dataDir);

    // A replacement that cannot be stored: 507, and the map is as it was.
    const refused = { ...generateMap({ steps: 80, seed: 999 }), title: 'Refused' };
    const put = await send(server, 'PUT', `/api/maps/${map.id}${q(map.editToken)}`, json(refused));
    expectError(put, 507, 'insufficient-storage');
    const read = await send(server, 'GET', `/api/maps/${map.id}${q(map.viewToken)}`);
    expect(read.status).toBe(200);
    expect(read.json.title).toBe('Before');
    expect(read.json.steps).toHaveLength((example().steps as unknown[]).length);

    // Whatever the room sent the watcher before this presence, the watcher has received: the
    // refused content was never among it.
    const other = connectClient(server.wsUrl, map.id, map.viewToken);
    clients.push(other);
    await whenSynced(other);
    expect(other.doc.getMap('meta').get('title')).toBe('Before');
    other.provider.awareness.setLocalStateField('user', { name: 'barrier' });
    await waitFor(
      () => watcher.provider.awareness.getStates().has(other.doc.clientID),
      "the other client's presence",
    );
    expect([...titles]).toEqual(['Before']);
    expect(watcher.doc.getMap('steps').has(refused.steps[0]!.id)).toBe(false);
  });
});
