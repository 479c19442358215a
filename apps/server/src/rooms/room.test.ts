import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log';
import { CLOSE, type CloseCode } from '@procmap/protocol';
import { MESSAGE } from '../protocol/messages';
import type { StorageAdapter } from '../storage/adapter';
import { MemoryStorage } from '../storage/memory-storage';
import { Room, type RoomConnection } from './room';
import { SHADOW_IDLE_MS } from './update-gate';

/** A connection that records what the room sends it and how it was closed. */
function fakeConnection(access: 'edit' | 'view' = 'edit') {
  const sent: Uint8Array[] = [];
  let closed: { code: CloseCode; reason: string } | undefined;
  const conn: RoomConnection = {
    id: Math.floor(Math.random() * 1e9),
    access,
    wantsSaved: false,
    send: (m) => sent.push(m),
    close: (code, reason) => {
      closed = { code, reason };
    },
  };
  return {
    conn,
    sent,
    closed: () => closed,
    types: () => sent.map((m) => decoding.readVarUint(decoding.createDecoder(m))),
  };
}

async function roomWith(storage: StorageAdapter, initial: Y.Doc, compactAfter = 1000) {
  await storage.createMap(
    { id: 'm', title: 't', editTokenHash: 'a', viewTokenHash: 'b', createdAt: 'x', updatedAt: 'x' },
    Y.encodeStateAsUpdate(initial),
  );
  const idle: Room[] = [];
  const room = new Room('m', {
    storage,
    log: createLogger('silent'),
    compactAfter,
    maxDocumentBytes: 1 << 24,
    maxPendingBytes: 1 << 24,
    onIdle: (r) => idle.push(r),
  });
  await room.ready;
  return { room, idle };
}

const seeded = () => {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Referral');
  return doc;
};

/** An update from a client that has synced with the room. */
function clientEdit(room: Room, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('Room', () => {
  it('relays a client update to the others, not back to the sender, and saves it', async () => {
    const storage = new MemoryStorage();
    const { room } = await roomWith(storage, seeded());
    const a = fakeConnection();
    const b = fakeConnection();
    room.join(a.conn);
    room.join(b.conn);
    const before = { a: a.sent.length, b: b.sent.length };
    room.receiveUpdate(
      a.conn,
      clientEdit(room, (d) => d.getMap('meta').set('title', 'Edited')),
    );
    expect(room.doc.getMap('meta').get('title')).toBe('Edited');
    await room.flush(); // relays what this turn changed, then saves it
    expect(a.sent.length).toBe(before.a);
    expect(b.sent.length).toBe(before.b + 1);
    const state = await storage.loadState('m');
    const stored = new Y.Doc();
    for (const u of state?.updates ?? []) Y.applyUpdate(stored, u);
    expect(stored.getMap('meta').get('title')).toBe('Edited');
  });

  it('refuses a document update from a view-only connection and changes nothing', async () => {
    const { room } = await roomWith(new MemoryStorage(), seeded());
    const viewer = fakeConnection('view');
    room.join(viewer.conn);
    const before = Y.encodeStateAsUpdate(room.doc);
    room.receiveUpdate(
      viewer.conn,
      clientEdit(room, (d) => d.getMap('meta').set('title', 'Hacked')),
    );
    expect(viewer.closed()?.code).toBe(CLOSE.readOnly);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
  });

  it('relays a burst from several senders as one merged update', async () => {
    const { room } = await roomWith(new MemoryStorage(), seeded());
    const a = fakeConnection();
    const b = fakeConnection();
    const c = fakeConnection();
    for (const x of [a, b, c]) room.join(x.conn);
    const before = c.sent.length;
    room.receiveUpdate(
      a.conn,
      clientEdit(room, (d) => d.getMap('meta').set('x', 1)),
    );
    room.receiveUpdate(
      b.conn,
      clientEdit(room, (d) => d.getMap('meta').set('y', 2)),
    );
    room.receiveUpdate(
      a.conn,
      clientEdit(room, (d) => d.getMap('meta').set('z', 3)),
    );
    await room.flush();
    expect(c.sent.length).toBe(before + 1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(seeded()));
    const message = decoding.createDecoder(c.sent.at(-1)!);
    decoding.readVarUint(message); // sync
    decoding.readVarUint(message); // update
    Y.applyUpdate(replica, decoding.readVarUint8Array(message));
    expect(replica.getMap('meta').toJSON()).toMatchObject({ x: 1, y: 2, z: 3 });
  });

  it('closes a connection whose update does not apply, leaving the room untouched', async () => {
    const { room } = await roomWith(new MemoryStorage(), seeded());
    const bad = fakeConnection();
    const other = fakeConnection();
    room.join(bad.conn);
    room.join(other.conn);
    const sentToOther = other.sent.length;
    const before = Y.encodeStateAsUpdate(room.doc);
    room.receiveUpdate(bad.conn, new Uint8Array([1, 2, 3, 250, 250, 250, 250]));
    expect(bad.closed()?.code).toBe(CLOSE.malformed);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(other.sent.length).toBe(sentToOther);
    // and the room still takes good updates afterwards
    room.receiveUpdate(
      other.conn,
      clientEdit(room, (d) => d.getMap('meta').set('k', 1)),
    );
    expect(room.doc.getMap('meta').get('k')).toBe(1);
  });

  it('sends saved acknowledgements only to connections that asked', async () => {
    const { room } = await roomWith(new MemoryStorage(), seeded());
    const asking = fakeConnection();
    const stock = fakeConnection();
    room.join(asking.conn);
    room.join(stock.conn);
    room.sendSaved(asking.conn);
    room.receiveUpdate(
      stock.conn,
      clientEdit(room, (d) => d.getMap('meta').set('k', 2)),
    );
    await room.flush();
    expect(asking.types().filter((t) => t === MESSAGE.saved).length).toBeGreaterThanOrEqual(2);
    expect(stock.types()).not.toContain(MESSAGE.saved);
  });

  it('compacts the log into one snapshot after enough updates', async () => {
    const storage = new MemoryStorage();
    const { room } = await roomWith(storage, seeded(), 5);
    const a = fakeConnection();
    room.join(a.conn);
    for (let i = 0; i < 12; i++) {
      room.receiveUpdate(
        a.conn,
        // A list inside the map's own fields: a new top-level type would be refused.
        clientEdit(room, (d) => {
          const meta = d.getMap<Y.Array<number>>('meta');
          if (!meta.has('list')) meta.set('list', new Y.Array<number>());
          meta.get('list')!.push([i]);
        }),
      );
      await room.flush();
    }
    await room.compact();
    expect(await storage.countUpdates('m')).toBeLessThan(6);
    const state = await storage.loadState('m');
    const stored = new Y.Doc();
    for (const u of state?.updates ?? []) Y.applyUpdate(stored, u);
    expect(stored.getMap('meta').get('list')).toBeInstanceOf(Y.Array);
    expect((stored.getMap('meta').get('list') as Y.Array<number>).toArray()).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
  });

  it('reports itself idle when the last connection leaves and everything is saved', async () => {
    const { room, idle } = await roomWith(new MemoryStorage(), seeded());
    const a = fakeConnection();
    room.join(a.conn);
    room.receiveUpdate(
      a.conn,
      clientEdit(room, (d) => d.getMap('meta').set('k', 3)),
    );
    room.leave(a.conn);
    await room.flush();
    expect(room.idle).toBe(true);
    expect(idle).toContain(room);
  });

  it('never writes when the stored map failed to load', async () => {
    const storage = new MemoryStorage();
    let writes = 0;
    const broken = new Proxy(storage, {
      get: (t, k, r) => {
        if (k === 'loadState') return () => Promise.reject(new Error('corrupt file'));
        if (k === 'appendUpdates' || k === 'compact') {
          return (...args: unknown[]) => {
            writes++;
            return (Reflect.get(t, k, r) as (...a: unknown[]) => Promise<unknown>).apply(t, args);
          };
        }
        return Reflect.get(t, k, r);
      },
    }) as StorageAdapter;
    const room = new Room('m', {
      storage: broken,
      log: createLogger('silent'),
      compactAfter: 1,
      maxDocumentBytes: 1 << 24,
      maxPendingBytes: 1 << 24,
      onIdle: () => {},
    });
    await expect(room.ready).rejects.toThrow('corrupt file');
    const a = fakeConnection();
    room.join(a.conn);
    expect(a.closed()?.code).toBe(CLOSE.unavailable);
    await room.flush(true);
    await room.compact();
    expect(writes).toBe(0);
  });

  it('keeps a scratch copy only while the map is written to', async () => {
    const { room } = await roomWith(new MemoryStorage(), seeded());
    const a = fakeConnection();
    room.join(a.conn);
    expect(room.hasScratchCopy, 'a loaded map is one document').toBe(false);
    // A client's answer to sync step 1 holding only what the room has (deletions included).
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
    client.getMap('meta').set('gone', 1);
    client.getMap('meta').delete('gone');
    room.receiveUpdate(a.conn, Y.encodeStateAsUpdate(client));
    expect(room.doc.getMap('meta').has('gone')).toBe(false);
    expect(room.hasScratchCopy, 'that answer changed something, so it was tried').toBe(true);
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const { room: idle } = await roomWith(new MemoryStorage(), seeded());
      const b = fakeConnection();
      idle.join(b.conn);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(idle.doc));
      idle.receiveUpdate(b.conn, Y.encodeStateAsUpdate(copy));
      expect(idle.hasScratchCopy, 'an answer with nothing new needs no copy').toBe(false);
      idle.receiveUpdate(
        b.conn,
        clientEdit(idle, (d) => d.getMap('meta').set('title', 'New')),
      );
      expect(idle.doc.getMap('meta').get('title')).toBe('New');
      expect(idle.hasScratchCopy).toBe(true);
      vi.advanceTimersByTime(SHADOW_IDLE_MS * 2);
      expect(idle.hasScratchCopy, 'dropped once writing stopped').toBe(false);
      idle.receiveUpdate(
        b.conn,
        clientEdit(idle, (d) => d.getMap('meta').set('title', 'Again')),
      );
      expect(idle.doc.getMap('meta').get('title'), 'made again from the document').toBe('Again');
      expect(b.closed()).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
