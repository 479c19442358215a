import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import { MESSAGE, syncStep1, syncUpdate } from '../protocol/messages';
import { stateOf } from '../test-support/clients';
import { letTimePass, waitFor } from '../test-support/wait';
import { serverSuite, expectHealthy, RawClient, TEST_TIMEOUT } from '../test-support/fuzz-attack';
import { referral, updateAfterGhost } from '../test-support/fuzz-corpus';
import { createMap } from '../test-support/server-process';

/*
 * Limits a connection runs into with well-formed messages: a view link may not edit (4403, while
 * a stock view-only client stays connected), no message may exceed PROCMAP_MAX_MESSAGE_BYTES
 * (1009), no connection may flood (4529), no map may grow past PROCMAP_MAX_MAP_BYTES (4413), and
 * no room keeps more than that of updates waiting for changes never sent (4400). Each closes the
 * offending connection alone; the stock clients on the same map carry on.
 */

const { servers, cleanups } = serverSuite([
  {},
  { PROCMAP_MAX_MESSAGE_BYTES: '65536' },
  { PROCMAP_MESSAGES_PER_SECOND: '50', PROCMAP_MESSAGE_BURST: '100' },
  { PROCMAP_MAX_MAP_BYTES: '131072' },
]);

describe('protocol fuzzing: mutated and random messages against a real server', () => {
  it('keeps a stock view-only client connected; its document updates are refused with 4403', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const editor = await cleanups.syncedClient(server, map);
    const viewer = await cleanups.syncedClient(server, map, map.viewToken);
    const troubles: string[] = [];
    viewer.provider.on('connection-close', (event: { code?: number } | null) => {
      troubles.push(`closed ${event?.code}`);
    });
    // It answered our sync step 1 with a step 2 (nothing new in it): that is not an edit.
    editor.doc.getMap('meta').set('title', 'Seen by the viewer');
    await waitFor(
      () => viewer.doc.getMap('meta').get('title') === 'Seen by the viewer',
      'the viewer to see the edit',
    );
    // A reconnect, now holding deletions the server also has, is still fine.
    editor.doc.getMap('steps').delete('admin-tray');
    await waitFor(() => stateOf(viewer.doc) === stateOf(editor.doc), 'the viewer to converge');
    viewer.provider.disconnect();
    viewer.provider.connect();
    await waitFor(
      () => viewer.provider.wsconnected && viewer.provider.synced,
      'the viewer to reconnect',
    );
    editor.doc.getMap('meta').set('after', 'reconnect');
    await waitFor(
      () => viewer.doc.getMap('meta').get('after') === 'reconnect',
      'the viewer to see an edit after reconnecting',
    );
    // Its answer to the server's sync step 1 came before this presence on the same socket, and
    // the server handles a socket's messages in order: once the editor sees the presence, the
    // server has taken that answer (or closed the viewer for it).
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer after reconnect' });
    const viewerSeen = () =>
      (editor.provider.awareness.getStates().get(viewer.doc.clientID)?.user as { name?: string })
        ?.name;
    // (A close without a code is ours: disconnect() above.)
    const closedByServer = () => troubles.filter((t) => t !== 'closed undefined');
    await waitFor(
      () => viewerSeen() === 'Viewer after reconnect' || closedByServer().length > 0,
      'the editor to see the viewer after its reconnect',
      { seen: () => ({ viewerSeen: viewerSeen(), troubles }) },
    );
    expect(viewer.provider.wsconnected).toBe(true);
    expect(closedByServer()).toEqual([]);

    // A real edit from a view connection is refused, and nobody sees it.
    const raw = await RawClient.open(server, map.id, map.viewToken);
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(editor.doc));
    let update: Uint8Array | undefined;
    edit.on('update', (u: Uint8Array) => {
      update = u;
    });
    edit.getMap('meta').set('title', 'Defaced');
    raw.send(syncUpdate(update as Uint8Array));
    await raw.until(() => raw.closed !== undefined, 'the close');
    expect(raw.closed?.code).toBe(CLOSE.readOnly);
    const fresh = await cleanups.syncedClient(server, map);
    expect(fresh.doc.getMap('meta').get('title')).toBe('Seen by the viewer');
    expect(stateOf(fresh.doc)).toBe(stateOf(editor.doc));
  });
});

describe('message size limit', () => {
  it('closes a connection that sends more than PROCMAP_MAX_MESSAGE_BYTES with 1009; others are unaffected', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[1]!;
    const map = await createMap(server, referral);
    const a = await cleanups.syncedClient(server, map);
    const b = await cleanups.syncedClient(server, map);
    const troubles: string[] = [];
    for (const c of [a, b]) {
      c.provider.on('connection-close', (event: { code?: number } | null) => {
        troubles.push(`closed ${event?.code}`);
      });
    }

    const edit = (size: number) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc));
      let update: Uint8Array | undefined;
      doc.on('update', (u: Uint8Array) => {
        update = u;
      });
      doc.getMap('meta').set(`note-${size}`, 'n'.repeat(size));
      doc.destroy();
      return syncUpdate(update as Uint8Array);
    };

    // Just under the limit: accepted and relayed.
    const fits = edit(60_000);
    expect(fits.length).toBeLessThan(65_536);
    const ok = await RawClient.open(server, map.id, map.editToken);
    ok.send(fits);
    await waitFor(() => a.doc.getMap('meta').has('note-60000'), 'the message under the limit');
    expect(ok.closed).toBeUndefined();
    await ok.close();

    // Over the limit: that connection is closed with 1009 and nothing of it is applied.
    const big = edit(70_000);
    expect(big.length).toBeGreaterThan(65_536);
    const attacker = await RawClient.open(server, map.id, map.editToken);
    attacker.send(big);
    await attacker.until(() => attacker.closed !== undefined, 'the close');
    expect(attacker.closed?.code).toBe(CLOSE.tooBig);

    // Everyone else carries on.
    b.doc.getMap('meta').set('after', 'still here');
    await waitFor(() => a.doc.getMap('meta').get('after') === 'still here', 'an edit after it');
    expect(a.doc.getMap('meta').has('note-70000')).toBe(false);
    const fresh = await cleanups.syncedClient(server, map);
    expect(fresh.doc.getMap('meta').has('note-70000')).toBe(false);
    await waitFor(() => stateOf(fresh.doc) === stateOf(a.doc), 'a fresh client to converge');
    expect(troubles).toEqual([]);
    await expectHealthy(server);
  });
});

describe('rate limit', () => {
  it('closes a flooding connection with the rate-limit code; an honest client on the same map is unaffected', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[2]!;
    const map = await createMap(server, referral);
    const a = await cleanups.syncedClient(server, map);
    const b = await cleanups.syncedClient(server, map);
    const troubles: string[] = [];
    for (const c of [a, b]) {
      c.provider.on('connection-close', (event: { code?: number } | null) => {
        troubles.push(`closed ${event?.code}`);
      });
    }
    const query = Uint8Array.of(MESSAGE.queryAwareness);

    // A burst up to the limit, then the sustained rate, is fine…
    const steady = await RawClient.open(server, map.id, map.editToken);
    const answered = (n: number) =>
      steady.until(() => steady.step2s >= n || steady.closed !== undefined, 'the answer');
    for (let i = 0; i < 99; i++) steady.send(query);
    steady.send(syncStep1(Uint8Array.of(0)));
    await answered(1); // all 100 were taken by the server
    await letTimePass(500, 'the rate limit gives 25 tokens back at 50 per second');
    for (let i = 0; i < 19; i++) steady.send(query);
    steady.send(syncStep1(Uint8Array.of(0)));
    await answered(2);
    expect(steady.closed).toBeUndefined();
    await steady.close();

    // …a flood is not.
    const flood = await RawClient.open(server, map.id, map.editToken);
    for (let i = 0; i < 1000 && !flood.closed; i++) flood.send(query);
    await flood.until(() => flood.closed !== undefined, 'the flooding connection to be closed');
    expect(flood.closed?.code).toBe(CLOSE.rateLimited);

    // The honest clients keep editing and converging.
    for (let i = 0; i < 20; i++) a.doc.getMap('meta').set(`a${i}`, i);
    b.doc.getMap('meta').set('b', true);
    await waitFor(
      () => stateOf(a.doc) === stateOf(b.doc) && a.doc.getMap('meta').get('b') === true,
      'a and b to converge',
    );
    expect(b.doc.getMap('meta').get('a19')).toBe(19);
    expect(troubles).toEqual([]);
    expect(server.log()).toMatch(/connection-closed .*code=4529/);
    await expectHealthy(server);
  });

  it('refuses edits that grow a map past PROCMAP_MAX_MAP_BYTES (4413), still takes deletions', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[3]!;
    const map = await createMap(server, referral);
    const observer = await cleanups.syncedClient(server, map);
    const before = stateOf(observer.doc);
    const grower = await cleanups.syncedClient(server, map);
    const closes: number[] = [];
    grower.provider.on('connection-close', (event: { code?: number } | null) => {
      if (event?.code) closes.push(event.code);
    });
    // 130 kB of notes on one step: within one message, but the map would pass 128 KiB.
    const steps = grower.doc.getMap<Y.Map<unknown>>('steps');
    const [first] = [...steps.keys()];
    steps.get(first!)!.set('notes', 'x'.repeat(130_000));
    await waitFor(() => closes.length > 0, 'the growing connection to be closed');
    expect(closes[0]).toBe(CLOSE.tooLarge);
    grower.destroy();
    expect(stateOf(observer.doc)).toBe(before);

    // Small edits still fit, and deletions are taken whatever the size.
    observer.doc.getMap('meta').set('title', 'Still editable');
    const other = await cleanups.syncedClient(server, map);
    await waitFor(
      () => other.doc.getMap('meta').get('title') === 'Still editable',
      'a small edit to go through',
    );
    observer.doc.getMap('steps').delete(first!);
    await waitFor(() => !other.doc.getMap('steps').has(first!), 'a deletion to go through');
    expect(server.log()).toMatch(/update-refused .*reason=map-too-large/);
    await expectHealthy(server);
  });

  it('closes a connection whose updates wait for more than PROCMAP_MAX_MAP_BYTES of changes never sent', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[3]!;
    const map = await createMap(server, referral);
    const observer = await cleanups.syncedClient(server, map);
    const before = stateOf(observer.doc);
    // Edits placed after an item of a client the server has never heard of: they can only wait.
    const waiting = (size: number, ghost: number) => updateAfterGhost(ghost, 'y'.repeat(size));
    const small = await RawClient.open(server, map.id, map.editToken);
    small.send(syncUpdate(waiting(1000, 777_001)));
    small.send(syncStep1(Uint8Array.of(0)));
    await small.until(() => small.step2s >= 1 || small.closed !== undefined, 'the answer');
    expect(small.closed).toBeUndefined();
    await small.close();

    const big = await RawClient.open(server, map.id, map.editToken);
    big.send(syncUpdate(waiting(60_000, 777_002)));
    big.send(syncUpdate(waiting(60_000, 777_003)));
    big.send(syncUpdate(waiting(60_000, 777_004)));
    await big.until(() => big.closed !== undefined, 'the close');
    expect(big.closed?.code).toBe(CLOSE.malformed);
    expect(server.log()).toMatch(/update-refused .*reason=too-much-pending/);
    expect(stateOf(observer.doc)).toBe(before);
    await expectHealthy(server);
  });
});
