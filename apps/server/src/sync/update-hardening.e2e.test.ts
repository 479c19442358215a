import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import { syncStep1, syncUpdate } from '../protocol/messages';
import { waitFor, waitForValue } from '../test-support/wait';
import { expectHealthy, RawClient, serverSuite, TEST_TIMEOUT } from '../test-support/fuzz-attack';
import { referral, updateAfterGhost } from '../test-support/fuzz-corpus';
import { createMap, type ServerProcess } from '../test-support/server-process';

/*
 * Document updates that are valid Yjs but attack the map itself, over real sockets against a
 * real server: deleting required fields while another update waits, nesting a field thousands
 * deep, filling the server with waiting updates across many rooms, and rewriting the map's
 * format, version or top-level types. Each is refused; the map stays a valid file.
 */

const { servers, cleanups } = serverSuite([
  {},
  // Waiting updates: 256 KiB per room, 600 KiB across the server.
  { PROCMAP_MAX_MAP_BYTES: String(256 * 1024), PROCMAP_MAX_PENDING_BYTES: String(600 * 1024) },
]);

type MapInfo = Awaited<ReturnType<typeof createMap>>;
const stepId = referral.steps[1]!.id;

async function stored(server: ServerProcess, map: MapInfo) {
  const res = await fetch(`${server.url}/api/maps/${map.id}?token=${map.editToken}`);
  expect(res.status).toBe(200);
  return res.json() as Promise<{
    format: string;
    version: number;
    title: string;
    steps: { id: string; roleId?: string; kind?: string }[];
  }>;
}

/** A document holding the map as the server has it, for writing updates by hand. */
async function replicaOf(server: ServerProcess, map: MapInfo, clientID: number): Promise<Y.Doc> {
  const client = await cleanups.syncedClient(server, map);
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc));
  return doc;
}

/** Runs `edit` on `doc` and returns the update it made. */
function updateOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Sends one message and waits for the answer to a probe after it, or the close. */
async function sendAndSettle(conn: RawClient, message: Uint8Array): Promise<void> {
  const target = conn.step2s + 1;
  conn.send(message);
  conn.send(syncStep1(Uint8Array.of(0)));
  await conn.until(() => conn.closed !== undefined || conn.step2s >= target, 'the answer');
}

const steps = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('steps');

describe('updates that attack the map (real server, real sockets)', () => {
  it('checks required fields while another update waits, and blames the one that broke them', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);

    // 1. An unrelated update waits for one nobody sent; then a deletion of required fields.
    const attacker = await RawClient.open(server, map.id, map.editToken);
    await sendAndSettle(attacker, syncUpdate(updateAfterGhost(999_001, 'waiting')));
    expect(attacker.closed).toBeUndefined();
    const replica = await replicaOf(server, map, 555_001);
    const deletion = updateOf(replica, (d) =>
      d.transact(() => {
        steps(d).get(stepId)!.delete('roleId');
        steps(d).get(stepId)!.delete('kind');
        d.getMap('meta').delete('title');
      }),
    );
    await sendAndSettle(attacker, syncUpdate(deletion));
    expect(attacker.closed?.code).toBe(CLOSE.malformed);
    expect(attacker.closed?.reason).toMatch(/^update breaks the map: /);
    expect(server.log()).toMatch(/breaks-map-rules problems=.*roleId.*kind/);
    let file = await stored(server, map);
    expect(validateMap(file).ok, JSON.stringify(validateMap(file).problems)).toBe(true);

    // 2. The deletion inside an update that itself waits (client 777's clock 1 before its 0),
    // then someone else sends clock 0: the waiting one is refused, its sender closed, and the
    // one that filled the gap is taken.
    const writer = await replicaOf(server, map, 777);
    const first = updateOf(writer, (d) => d.getMap('meta').set('note', 'first'));
    const second = updateOf(writer, (d) =>
      d.transact(() => {
        d.getMap('meta').set('note', 'second');
        steps(d).get(stepId)!.delete('roleId');
      }),
    );
    const sender = await RawClient.open(server, map.id, map.editToken);
    await sendAndSettle(sender, syncUpdate(second));
    expect(sender.closed).toBeUndefined(); // held, waiting for clock 0
    file = await stored(server, map);
    expect(file.steps.find((s) => s.id === stepId)?.roleId).toBeDefined();
    const filler = await RawClient.open(server, map.id, map.editToken);
    await sendAndSettle(filler, syncUpdate(first));
    await sender.until(
      () => sender.closed !== undefined,
      'the sender of the waiting update to close',
    );
    expect(sender.closed?.code).toBe(CLOSE.malformed);
    expect(sender.closed?.reason).toMatch(/^an earlier update breaks the map: .*roleId/);
    expect(filler.closed).toBeUndefined();
    file = await stored(server, map);
    expect(validateMap(file).ok, JSON.stringify(validateMap(file).problems)).toBe(true);
    expect((file as unknown as { note?: string }).note).toBe('first');
    expect(server.log()).toMatch(/update-refused .*reason=breaks-map-rules note=waited/);
    await filler.close();
  });

  it('takes an update that waits for its sender’s own earlier one, once that arrives', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const writer = await replicaOf(server, map, 778);
    const first = updateOf(writer, (d) => steps(d).get(stepId)!.set('label', 'Offline edit'));
    const second = updateOf(writer, (d) =>
      steps(d).get(stepId)!.set('label', 'Typed on reconnect'),
    );
    const conn = await RawClient.open(server, map.id, map.editToken);
    await sendAndSettle(conn, syncUpdate(second)); // overtakes its own sync step 2
    await sendAndSettle(conn, syncUpdate(first));
    expect(conn.closed).toBeUndefined();
    const observer = await cleanups.syncedClient(server, map);
    await waitFor(
      () => steps(observer.doc).get(stepId)?.get('label') === 'Typed on reconnect',
      'both updates to be applied',
    );
    await conn.close();
  });

  it('refuses fields nested deeper than a file may nest (4400); the map stays readable', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    for (const depth of [3000, 80]) {
      const replica = await replicaOf(server, map, 600_000 + depth);
      let deep: unknown = 'bottom';
      for (let i = 0; i < depth; i++) deep = [deep];
      const conn = await RawClient.open(server, map.id, map.editToken);
      await sendAndSettle(
        conn,
        syncUpdate(updateOf(replica, (d) => steps(d).get(stepId)!.set('custom', deep))),
      );
      expect(conn.closed?.code, `depth ${depth}`).toBe(CLOSE.malformed);
      expect(conn.closed?.reason).toMatch(/nested more than 64 levels deep/);
    }
    // Nesting a file may hold is fine (a field's value is three levels into a file).
    const replica = await replicaOf(server, map, 600_001);
    let ok: unknown = 'bottom';
    for (let i = 0; i < 60; i++) ok = [ok];
    const conn = await RawClient.open(server, map.id, map.editToken);
    await sendAndSettle(
      conn,
      syncUpdate(updateOf(replica, (d) => steps(d).get(stepId)!.set('custom', ok))),
    );
    expect(conn.closed).toBeUndefined();
    const file = await stored(server, map);
    expect(validateMap(file).ok, JSON.stringify(validateMap(file).problems)).toBe(true);
    const svg = await fetch(`${server.url}/api/maps/${map.id}/export.svg?token=${map.viewToken}`);
    expect(svg.status).toBe(200);
    await conn.close();
  });

  it('refuses changes to format and version, and new top-level types (4400)', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const edits: [string, (d: Y.Doc) => void, RegExp][] = [
      ['format', (d) => d.getMap('meta').set('format', 'evil'), /map\.format: cannot be changed/],
      ['version', (d) => d.getMap('meta').set('version', 2), /map\.version: cannot be changed/],
      [
        'a new top-level map',
        (d) => d.getMap('payload').set('x', 1),
        /"payload": not part of a map/,
      ],
      [
        'a new top-level text',
        (d) => d.getText('notes').insert(0, 'hi'),
        /"notes": not part of a map/,
      ],
    ];
    for (const [what, edit, reason] of edits) {
      const replica = await replicaOf(server, map, 700_000 + edits.findIndex((e) => e[0] === what));
      const conn = await RawClient.open(server, map.id, map.editToken);
      await sendAndSettle(conn, syncUpdate(updateOf(replica, edit)));
      expect(conn.closed?.code, what).toBe(CLOSE.malformed);
      expect(conn.closed?.reason, what).toMatch(reason);
    }
    // Setting them to what they are (as an import of the whole file does) is fine.
    const replica = await replicaOf(server, map, 700_100);
    const same = await RawClient.open(server, map.id, map.editToken);
    await sendAndSettle(
      same,
      syncUpdate(
        updateOf(replica, (d) =>
          d.transact(() => {
            d.getMap('meta').set('format', 'procmap');
            d.getMap('meta').set('version', 1);
          }),
        ),
      ),
    );
    expect(same.closed).toBeUndefined();
    const fresh = await cleanups.syncedClient(server, map);
    expect([...fresh.doc.share.keys()].sort()).toEqual([
      'comments',
      'flows',
      'meta',
      'roles',
      'steps',
    ]);
    const file = await stored(server, map);
    expect([file.format, file.version]).toEqual(['procmap', 1]);
    await same.close();
  });

  it('refuses content hidden in the list part of a map or record, and Yjs types nested too deep', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const edits: [string, (d: Y.Doc) => void, RegExp][] = [
      [
        'list content in the steps',
        (d) => listContentIn(d, d.getMap('steps')),
        /steps: holds list content/,
      ],
      [
        'list content in a step',
        (d) => listContentIn(d, steps(d).get(stepId)!),
        /steps\[[^\]]+\]: holds list content/,
      ],
      [
        'list content in the map',
        (d) => listContentIn(d, d.getMap('meta')),
        /map: holds list content/,
      ],
      [
        'a chain of 200 maps in a step',
        (d) =>
          d.transact(() => {
            let at = new Y.Map<unknown>();
            steps(d).get(stepId)!.set('chain', at);
            for (let i = 0; i < 200; i++) {
              const next = new Y.Map<unknown>();
              at.set('next', next);
              at = next;
            }
            at.set('end', 1);
          }),
        /nested more than 64 levels deep/,
      ],
    ];
    for (const [index, [what, edit, reason]] of edits.entries()) {
      const replica = await replicaOf(server, map, 710_000 + index);
      const conn = await RawClient.open(server, map.id, map.editToken);
      await sendAndSettle(conn, syncUpdate(updateOf(replica, edit)));
      expect(conn.closed?.code, what).toBe(CLOSE.malformed);
      expect(conn.closed?.reason, what).toMatch(reason);
    }
    const fresh = await cleanups.syncedClient(server, map);
    expect(steps(fresh.doc).get(stepId)!.has('chain')).toBe(false);
    expect(steps(fresh.doc)._start).toBeNull();
  });

  it('keeps waiting updates within one budget for the whole server, and gives it back', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[1]!;
    const health = async () =>
      (await (await fetch(`${server.url}/healthz`)).json()) as { waitingBytes: number };
    const maps = await Promise.all([0, 1, 2].map(() => createMap(server, referral)));
    const conns: RawClient[] = [];
    const outcomes: (number | undefined)[] = [];
    // 3 rooms × 4 connections × 60 KB: 240 KB per room (under its 256 KiB), 720 KB in all.
    for (const [m, map] of maps.entries()) {
      for (let c = 0; c < 4; c++) {
        const conn = await RawClient.open(server, map.id, map.editToken);
        conns.push(conn);
        await sendAndSettle(
          conn,
          syncUpdate(updateAfterGhost(800_000 + m * 10 + c, 'w'.repeat(60_000))),
        );
        outcomes.push(conn.closed?.code);
      }
    }
    expect(outcomes.slice(0, 8)).toEqual(Array(8).fill(undefined));
    expect(outcomes.slice(8)).toContain(CLOSE.busy);
    expect((await health()).waitingBytes).toBeLessThanOrEqual(600 * 1024);
    expect(server.log()).toMatch(/update-refused .*reason=server-pending-budget/);
    // Their senders gone, the waiting updates go too.
    for (const conn of conns) if (!conn.closed) await conn.close();
    await waitForValue(
      async () => (await health()).waitingBytes,
      (bytes) => bytes === 0,
      'the waiting updates to be given back',
    );
    await expectHealthy(server);
  });
});

/**
 * Content in the list part of a Y.Map, which no Yjs API writes but any client can send: an item
 * with the map as parent and no key.
 */
function listContentIn(doc: Y.Doc, parent: Y.Map<unknown>): void {
  doc.transact((tr) => {
    const id = Y.createID(doc.clientID, Y.getState(doc.store, doc.clientID));
    const item = new Y.Item(id, null, null, null, null, parent, null, new Y.ContentAny(['hidden']));
    item.integrate(tr, 0);
  });
}
