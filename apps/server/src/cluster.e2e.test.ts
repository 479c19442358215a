import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Cluster, clusterUnavailable, startCluster } from './test-support/cluster';
import { connectClient, stateOf, type TestClient, whenSynced } from './test-support/clients';
import { createMap } from './test-support/server-process';
import { letTimePass, waitFor } from './test-support/wait';

/*
 * Three server processes on one PostgreSQL and one Redis, with stock y-websocket clients spread
 * across them: every edit converges everywhere and presence crosses instances; then the worst
 * afternoon — twenty people editing for 30 s while one instance is SIGKILLed twice and Redis is
 * restarted once. Every edit an instance acknowledged as saved must be in PostgreSQL at that
 * moment, and afterwards in the map from every instance.
 */

const unavailable = await clusterUnavailable();
if (unavailable) console.warn(`cluster tests skipped: ${unavailable}`);

/** Client i's own list (only client i creates it, so no two creations compete). */
function listOf(doc: Y.Doc, i: number, create = false): Y.Array<number> {
  const meta = doc.getMap<Y.Array<number>>('meta');
  const key = `client-${i}`;
  if (create && !meta.has(key)) meta.set(key, new Y.Array<number>());
  return meta.get(key) ?? new Y.Array<number>();
}

/** A fresh client on instance `server`, synced: what that instance serves now. */
async function readThrough(wsUrl: string, mapId: string, token: string): Promise<Y.Doc> {
  const reader = connectClient(wsUrl, mapId, token);
  await whenSynced(reader);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
  reader.destroy();
  return doc;
}

describe.skipIf(unavailable)('three instances on one PostgreSQL and one Redis', () => {
  let cluster: Cluster | undefined;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.destroy();
  });

  it('converges every edit on every client, and carries presence across instances', {
    timeout: 60_000,
  }, async () => {
    const { servers } = cluster as Cluster;
    const map = await createMap(servers[0]!, { title: 'Across instances' });
    const local = Array.from({ length: 6 }, (_, i) =>
      connectClient(servers[i % 3]!.wsUrl, map.id, map.editToken, { wantSaved: true }),
    );
    clients.push(...local);
    await Promise.all(local.map(whenSynced));
    local.forEach((client, i) => {
      listOf(client.doc, i, true).push([i, i * 10]);
    });
    local[0]!.doc.getMap('meta').set('title', 'Edited on instance 0');
    await waitFor(() => {
      const first = stateOf(local[0]!.doc);
      return local.every((c) => stateOf(c.doc) === first);
    }, 'every client to converge');
    for (const client of local) {
      expect(client.doc.getMap('meta').get('title')).toBe('Edited on instance 0');
      for (let i = 0; i < 6; i++) expect(listOf(client.doc, i).toArray()).toEqual([i, i * 10]);
    }
    await waitFor(() => local.every((c) => c.isSaved()), 'every edit acknowledged as saved');

    // Presence: someone on instance 0 is seen by someone on instance 2, and leaves.
    local[0]!.provider.awareness.setLocalStateField('user', { name: 'Ada on i0' });
    const seenOn2 = () =>
      [...local[2]!.provider.awareness.getStates().values()].some(
        (s) => (s.user as { name?: string } | undefined)?.name === 'Ada on i0',
      );
    await waitFor(seenOn2, 'presence from instance 0 on instance 2');
    local[0]!.provider.awareness.setLocalState(null);
    await waitFor(() => !seenOn2(), 'leaving to be seen on instance 2 too');

    // Each instance counts what came to it over the bus, and says the bus is up.
    const metrics = await (await fetch(`${servers[2]!.url}/metrics`)).text();
    const fromBus = Number(
      metrics.match(/^procmap_updates_total\{[^}]*source="bus"[^}]*\} (\d+)/m)?.[1],
    );
    expect(fromBus, metrics.slice(0, 2000)).toBeGreaterThan(0);
    expect(metrics).toMatch(/^procmap_bus_up(\{[^}]*\})? 1$/m);
    const ready = await fetch(`${servers[1]!.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, storage: 'ok', bus: 'ok' });

    // A client joining any instance later gets the whole map.
    for (const server of servers) {
      const doc = await readThrough(server.wsUrl, map.id, map.editToken);
      expect(listOf(doc, 5).toArray(), `through ${server.url}`).toEqual([5, 50]);
    }
  });

  it('keeps every acknowledged edit of 20 clients for 30 s while an instance is killed twice and Redis restarts', {
    timeout: 180_000,
  }, async () => {
    const c = cluster as Cluster;
    const map = await createMap(c.servers[0]!, { title: 'Kill test across instances' });
    const CLIENTS = 20;
    const crowd = Array.from({ length: CLIENTS }, (_, i) =>
      connectClient(c.servers[i % 3]!.wsUrl, map.id, map.editToken, { wantSaved: true }),
    );
    clients.push(...crowd);
    await Promise.all(crowd.map(whenSynced));

    const made = crowd.map(() => 0);
    const acked = crowd.map(() => 0);
    const edit = () =>
      crowd.forEach((client, i) => {
        listOf(client.doc, i, true).push([made[i]!]);
        made[i]!++;
      });
    const noteAcks = () =>
      crowd.forEach((client, i) => {
        if (client.isSaved()) acked[i] = listOf(client.doc, i).length;
      });
    /** Every acknowledged edit is in PostgreSQL now. */
    const checkStored = async (when: string) => {
      const stored = await c.storedDoc(map.id);
      crowd.forEach((_, i) => {
        const list = listOf(stored, i).toArray();
        expect(list.slice(0, acked[i]), `client ${i} ${when}`).toEqual(
          Array.from({ length: acked[i]! }, (_, n) => n),
        );
      });
      stored.destroy();
    };

    // 30 s in all: 100 ms rounds, with the events at 8 s, 16 s and 24 s.
    const events: Record<number, () => Promise<void>> = {
      80: async () => {
        await c.servers[1]!.kill('SIGKILL');
        noteAcks();
        await checkStored('after the first kill');
        await letTimePass(1000, 'the instance stays down a moment, its clients editing offline');
        await c.restart(1);
      },
      160: async () => {
        await c.redis.stop('SIGKILL');
        await letTimePass(2000, 'Redis stays away for a while; each instance serves its own');
        await c.redis.start();
      },
      240: async () => {
        await c.servers[2]!.kill('SIGKILL');
        noteAcks();
        await checkStored('after the second kill');
        await letTimePass(1000, 'the instance stays down a moment, its clients editing offline');
        await c.restart(2);
      },
    };
    let ackedAtKills = 0;
    for (let round = 0; round < 300; round++) {
      edit();
      await letTimePass(100, 'edits at a steady pace, acknowledgements arriving among them');
      noteAcks();
      const event = events[round];
      if (event) {
        await event();
        ackedAtKills += acked.reduce((a, b) => a + b, 0);
      }
    }
    expect(
      ackedAtKills,
      'the checks at the kills had acknowledged edits to look for',
    ).toBeGreaterThan(CLIENTS * 2);

    // Everyone reconnects, everything is saved and converges, and nothing typed is lost.
    await waitFor(
      () => crowd.every((x) => x.provider.wsconnected),
      'every client reconnected',
      30_000,
    );
    await waitFor(() => crowd.every((x) => x.isSaved()), 'every edit saved in the end', 60_000);
    noteAcks();
    await checkStored('at the end');
    const reference = stateOf(crowd[0]!.doc);
    await waitFor(
      () => crowd.every((x) => stateOf(x.doc) === reference),
      'all clients converged',
      30_000,
    );
    crowd.forEach((client, i) => {
      expect(listOf(client.doc, i).toArray()).toEqual(
        Array.from({ length: made[i]! }, (_, n) => n),
      );
    });
    for (const server of c.servers) {
      const doc = await readThrough(server.wsUrl, map.id, map.editToken);
      crowd.forEach((_, i) => {
        expect(listOf(doc, i).length, `client ${i}'s edits through ${server.url}`).toBe(made[i]);
      });
    }
  });
});

describe.skipIf(unavailable)('PostgreSQL stopped for 10 s mid-edit, two instances', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await startCluster(2, { ownDatabase: true });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.destroy();
  });

  it('says nothing is saved while it is away, keeps edits flowing, and saves them when it is back', {
    timeout: 120_000,
  }, async () => {
    const c = cluster as NonNullable<typeof cluster>;
    const database = c.database as NonNullable<typeof c.database>;
    const map = await createMap(c.servers[0]!, { title: 'Database outage' });
    const people = Array.from({ length: 4 }, (_, i) =>
      connectClient(c.servers[i % 2]!.wsUrl, map.id, map.editToken, { wantSaved: true }),
    );
    clients.push(...people);
    await Promise.all(people.map(whenSynced));
    const made = people.map(() => 0);
    const edit = () =>
      people.forEach((client, i) => {
        listOf(client.doc, i, true).push([made[i]!]);
        made[i]!++;
      });
    edit();
    await waitFor(() => people.every((p) => p.isSaved()), 'the first edits saved');
    const acked = people.map((p, i) => listOf(p.doc, i).length);

    await database.stop();
    const savedAtStop = people.map((p) => JSON.stringify([...(p.savedStateVector() ?? [])]));
    let savedDuringOutage = 0;
    for (let round = 0; round < 20; round++) {
      edit();
      await letTimePass(500, 'ten seconds of editing while the database is away');
      people.forEach((p, i) => {
        if (JSON.stringify([...(p.savedStateVector() ?? [])]) !== savedAtStop[i]) {
          savedDuringOutage++;
        }
      });
    }
    expect(savedDuringOutage, '"saved" must not be said while the database is away').toBe(0);
    // Someone whose link dropped gets back in to a map this instance serves; a map it has
    // never seen is "unavailable" (503), not an internal error.
    const back = connectClient(c.servers[0]!.wsUrl, map.id, map.editToken);
    clients.push(back);
    await whenSynced(back);
    expect(listOf(back.doc, 1).length, 'the rejoined client has the outage edits').toBe(made[1]);
    const unknown = await fetch(`${c.servers[1]!.url}/api/maps/never-seen-map-0000`);
    expect(unknown.status).toBe(503);
    const notReady = await fetch(`${c.servers[0]!.url}/readyz`);
    expect(notReady.status, 'a balancer is told this instance cannot store').toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, storage: 'unreachable' });
    expect(people.some((p) => p.isSaved())).toBe(false);
    // Meanwhile edits flowed between people, across the two instances.
    const reference = stateOf(people[0]!.doc);
    await waitFor(
      () => people.every((p) => stateOf(p.doc) === reference),
      'edits to reach everyone while the database is away',
    );

    await database.start();
    await waitFor(() => people.every((p) => p.isSaved()), '"saved" again once it is back', 30_000);
    expect((await fetch(`${c.servers[1]!.url}/readyz`)).status).toBe(200);
    const stored = await c.storedDoc(map.id);
    people.forEach((_, i) => {
      const list = listOf(stored, i).toArray();
      expect(list.slice(0, acked[i])).toEqual(Array.from({ length: acked[i]! }, (_, n) => n));
      expect(list, `client ${i}: everything made is stored`).toEqual(
        Array.from({ length: made[i]! }, (_, n) => n),
      );
    });
    stored.destroy();
    const log = c.servers.map((s) => s.log()).join('\n');
    expect(log, 'the failed writes were said in the log').toMatch(/save-failed/);
  });
});
