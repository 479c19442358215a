import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  type Client,
  connect,
  openRooms,
  type Spawned,
  waitUntil,
  whenSynced,
} from '../server-fixtures';
import { dropped } from './hocuspocus-adapter';
import { startHocuspocus } from './hocuspocus';

/*
 * The framing adapter against a real Hocuspocus process: stock y-websocket providers must
 * sync, converge, and find their document again after Hocuspocus stored and unloaded it.
 * Run with `npx vitest run --config bench/server/vitest.config.ts`.
 */

let memory: Spawned;
let sqlite: Spawned;
const clients: Client[] = [];
const open = (server: Spawned, room: string, doc?: Y.Doc) => {
  const client = connect({ server, room }, doc);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  [memory, sqlite] = await Promise.all([
    startHocuspocus('hocuspocus (test, memory)', { sqlite: false }),
    startHocuspocus('hocuspocus (test, sqlite)', { sqlite: true }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await Promise.all([memory?.stop(), sqlite?.stop()]);
});

describe('stock y-websocket clients on Hocuspocus through the adapter', () => {
  it('sync both ways, and Hocuspocus-only messages never reach the provider', async () => {
    // y-websocket logs this for a message type it does not know (SyncStatus, Auth answers…).
    const errors = vi.spyOn(console, 'error');
    const a = open(memory, 'room-a');
    const b = open(memory, 'room-a');
    const other = open(memory, 'room-b');
    await Promise.all([whenSynced(a), whenSynced(b), whenSynced(other)]);
    const syncStatusBefore = dropped.get(8) ?? 0;
    a.doc.getMap('meta').set('from-a', 1);
    b.doc.getMap('meta').set('from-b', 2);
    await waitUntil(
      () => a.doc.getMap('meta').get('from-b') === 2 && b.doc.getMap('meta').get('from-a') === 1,
      'a and b to converge',
      10_000,
    );
    // Hocuspocus routes by the name each message carries: the other document saw nothing.
    expect(other.doc.getMap('meta').size).toBe(0);
    expect(await openRooms(memory)).toBe(2);
    // Every update applied was answered with a SyncStatus, which the adapter dropped.
    await waitUntil(
      () => (dropped.get(8) ?? 0) >= syncStatusBefore + 2,
      'SyncStatus answers',
      10_000,
    );
    // The Auth answers (Authenticated) were dropped too.
    expect(dropped.get(2) ?? 0).toBeGreaterThanOrEqual(3);
    expect(errors.mock.calls.flat()).not.toContain('Unable to compute message');
    errors.mockRestore();
  });

  it('a document stored by the SQLite extension and unloaded comes back whole', async () => {
    const seed = new Y.Doc();
    const steps = seed.getArray<string>('steps');
    for (let i = 0; i < 500; i++) steps.push([`step ${i}`]);
    const writer = open(sqlite, 'stored', seed);
    await whenSynced(writer);
    const reader = open(sqlite, 'stored');
    await waitUntil(() => reader.doc.getArray('steps').length === 500, 'the reader to catch up');
    writer.destroy();
    reader.destroy();
    await waitUntil(async () => (await openRooms(sqlite)) === 0, 'Hocuspocus to unload it');
    const again = open(sqlite, 'stored');
    await whenSynced(again);
    expect(again.doc.getArray<string>('steps').toArray()).toEqual(steps.toArray());
    expect(await openRooms(sqlite)).toBe(1);
  });

  it('the in-memory variant drops a document with its last connection', async () => {
    const writer = open(memory, 'gone');
    await whenSynced(writer);
    writer.doc.getMap('meta').set('k', 'v');
    const reader = open(memory, 'gone');
    await waitUntil(() => reader.doc.getMap('meta').get('k') === 'v', 'the reader to get k');
    writer.destroy();
    reader.destroy();
    await waitUntil(async () => (await openRooms(memory)) === 2, 'the document to be dropped');
    const later = open(memory, 'gone');
    await whenSynced(later);
    expect(later.doc.getMap('meta').get('k')).toBeUndefined();
  });
});
