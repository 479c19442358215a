import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, stateOf, type TestClient, whenSynced } from './test-support/clients';
import { letTimePass, waitFor } from './test-support/wait';
import {
  createMap,
  freePort,
  removeDataDir,
  type ServerProcess,
  startServer,
  tempDataDir,
} from './test-support/server-process';
import { SqliteStorage } from './storage/sqlite-storage';

/*
 * The workshop's worst afternoon: twenty people editing while the server is killed (SIGKILL, no
 * chance to flush) three times and restarted. Every edit the server acknowledged as saved must
 * be on disk at the moment of the kill — checked by reading the SQLite file directly, before
 * anyone reconnects — and afterwards every client converges with nothing lost.
 */

const CLIENTS = 20;
const KILLS = 3;

/** Reads what is on disk for a map, straight from the SQLite file. */
async function storedDoc(dataDir: string, mapId: string): Promise<Y.Doc> {
  const storage = SqliteStorage.open(join(dataDir, 'procmap.sqlite'));
  const state = await storage.loadState(mapId);
  await storage.close();
  const doc = new Y.Doc();
  for (const update of state?.updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}

/**
 * Client i's own list, in the map's own fields (a client may not add top-level types); only
 * client i ever creates it, so no two creations compete.
 */
function listOf(doc: Y.Doc, i: number, create = false): Y.Array<number> {
  const meta = doc.getMap<Y.Array<number>>('meta');
  const key = `client-${i}`;
  if (create && !meta.has(key)) meta.set(key, new Y.Array<number>());
  return meta.get(key) ?? new Y.Array<number>();
}

describe('durability under SIGKILL', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess | undefined;
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.kill('SIGKILL');
    removeDataDir(dataDir);
  });

  it(`keeps every acknowledged edit of ${CLIENTS} clients across ${KILLS} kills`, {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    server = await startServer({ dataDir, port });
    const map = await createMap(server, { title: 'Kill test' });
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(connectClient(server.wsUrl, map.id, map.editToken, { wantSaved: true }));
    }
    await Promise.all(clients.map(whenSynced));

    // Each client appends numbers to its own list; `acked[i]` is how many were saved for sure.
    const made = clients.map(() => 0);
    const acked = clients.map(() => 0);
    const edit = () => {
      clients.forEach((client, i) => {
        listOf(client.doc, i, true).push([made[i]!]);
        made[i]!++;
      });
    };
    const noteAcks = () => {
      clients.forEach((client, i) => {
        // isSaved: everything this client has, its own edits included, is on disk.
        if (client.isSaved()) acked[i] = listOf(client.doc, i).length;
      });
    };

    let ackedAtSomeKill = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      // Edit for a while, noting acknowledgements as they arrive.
      for (let round = 0; round < 30; round++) {
        edit();
        await letTimePass(10, 'edits spread over time, acknowledgements arriving among them');
        noteAcks();
      }
      // Wait until at least some of the latest edits were acknowledged, then keep editing and
      // kill the server in the middle of it.
      await waitFor(() => clients.every((c) => c.isSaved()), 'the edits so far to be saved').catch(
        (e) => {
          throw new Error(
            `${e.message}; unsaved ${clients.filter((c) => !c.isSaved()).length}, connected ${clients.filter((c) => c.provider.wsconnected).length}\n${server?.log()}`,
          );
        },
      );
      noteAcks();
      edit();
      const ackedBeforeKill = [...acked];
      await server.kill('SIGKILL');
      noteAcks(); // acknowledgements that arrived just before the socket died count too

      // Then: on disk, right now, before anybody reconnects, is every acknowledged edit.
      const stored = await storedDoc(dataDir, map.id);
      clients.forEach((_, i) => {
        const onDisk = listOf(stored, i).toArray();
        expect(onDisk.length, `client ${i} after kill ${kill + 1}`).toBeGreaterThanOrEqual(
          acked[i]!,
        );
        expect(onDisk.slice(0, acked[i])).toEqual(Array.from({ length: acked[i]! }, (_, n) => n));
      });
      ackedAtSomeKill += ackedBeforeKill.reduce((a, b) => a + b, 0);
      stored.destroy();

      // Work goes on offline, then the server comes back on the same port and data.
      edit();
      server = await startServer({ dataDir, port });
    }
    expect(ackedAtSomeKill).toBeGreaterThan(CLIENTS * KILLS); // the check above had real work to do

    // Finally everyone reconnects and converges, and nothing anyone typed is lost.
    await Promise.all(
      clients.map((c) => waitFor(() => c.provider.wsconnected, 'reconnect', 30_000)),
    );
    await waitFor(
      () => clients.every((c) => c.isSaved()),
      'all edits saved after the last restart',
      30_000,
    );
    const reference = stateOf(clients[0]!.doc);
    await waitFor(
      () => clients.every((c) => stateOf(c.doc) === reference),
      'all clients to converge',
      30_000,
    );
    clients.forEach((client, i) => {
      expect(listOf(client.doc, i).toArray()).toEqual(
        Array.from({ length: made[i]! }, (_, n) => n),
      );
    });
    const finalStored = await storedDoc(dataDir, map.id);
    expect(stateOf(finalStored)).toBe(stateOf(clients[0]!.doc));
  });
});
