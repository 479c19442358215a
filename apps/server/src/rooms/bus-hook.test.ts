import { encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log';
import { MemoryStorage } from '../storage/memory-storage';
import type { BusMessage, BusStatus, ReceivedBusMessage, RoomBus } from './bus';
import { Room, type RoomConnection } from './room';

/*
 * Rooms of two instances on one store, joined by an in-memory bus that can lose one instance's
 * link (as Redis would, for one host): what each room does with what the other publishes.
 */

class Hub {
  readonly nodes = new Set<HubBus>();
}

class HubBus implements RoomBus {
  status: BusStatus = 'up';
  dropped = 0;
  private readonly handlers = new Map<string, Set<(m: ReceivedBusMessage) => void>>();
  private readonly listeners = new Set<(s: BusStatus) => void>();
  constructor(
    private readonly hub: Hub,
    readonly instanceId: string,
  ) {
    hub.nodes.add(this);
  }
  publish(mapId: string, message: BusMessage): void {
    if (this.status !== 'up') {
      this.dropped++;
      return;
    }
    for (const node of this.hub.nodes) {
      if (node === this || node.status !== 'up') continue;
      for (const handler of node.handlers.get(mapId) ?? []) {
        queueMicrotask(() => handler({ ...message, from: this.instanceId }));
      }
    }
  }
  async subscribe(mapId: string, handler: (m: ReceivedBusMessage) => void) {
    const set = this.handlers.get(mapId) ?? new Set();
    set.add(handler);
    this.handlers.set(mapId, set);
    return () => set.delete(handler);
  }
  onStatus(listener: (s: BusStatus) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(status: BusStatus) {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
  async ping() {
    return this.status === 'up';
  }
  async close() {}
}

const rooms: Room[] = [];
afterEach(() => {
  for (const room of rooms.splice(0)) room.close(1000 as never, 'done');
});

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

async function twoInstances() {
  const storage = new MemoryStorage();
  const seed = new Y.Doc();
  seed.getMap('meta').set('title', 'Shared');
  await storage.createMap(
    { id: 'm', title: 't', editTokenHash: 'a', viewTokenHash: 'b', createdAt: 'x', updatedAt: 'x' },
    Y.encodeStateAsUpdate(seed),
  );
  const hub = new Hub();
  const buses = [new HubBus(hub, 'A'), new HubBus(hub, 'B')] as const;
  const made = buses.map(
    (bus) =>
      new Room('m', {
        storage,
        log: createLogger('silent'),
        compactAfter: 1000,
        maxDocumentBytes: 1 << 24,
        maxPendingBytes: 1 << 24,
        onIdle: () => undefined,
        bus,
      }),
  );
  rooms.push(...made);
  await Promise.all(made.map((r) => r.ready));
  await settle();
  return { storage, buses, rooms: made as [Room, Room] };
}

function connection(room: Room): RoomConnection & { closedWith?: number } {
  const conn: RoomConnection & { closedWith?: number } = {
    id: Math.floor(Math.random() * 1e9),
    access: 'edit',
    wantsSaved: false,
    send: () => undefined,
    close: (code) => {
      conn.closedWith = code;
    },
  };
  room.join(conn);
  return conn;
}

/** The name in someone's presence in a room, if any. */
function nameOf(room: Room, id: number): string | undefined {
  const user = room.awareness.getStates().get(id)?.user as { name?: string } | undefined;
  return user?.name;
}

/** An edit made by a client synced with `room`. */
function edit(room: Room, fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(doc);
  fn(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('the bus between two instances', () => {
  it('carries an edit across, and one made while only this instance was cut off once it is back', async () => {
    const {
      buses,
      rooms: [a, b],
    } = await twoInstances();
    const conn = connection(a);
    a.receiveUpdate(
      conn,
      edit(a, (d) => d.getMap('meta').set('first', 1)),
    );
    await settle();
    expect(b.doc.getMap('meta').get('first')).toBe(1);

    buses[0].set('down');
    a.receiveUpdate(
      conn,
      edit(a, (d) => d.getMap('meta').set('during', 'outage')),
    );
    await settle();
    expect(b.doc.getMap('meta').get('during')).toBeUndefined();
    buses[0].set('up');
    // A reads storage again and asks B what it lacks; B, seeing A ahead, asks back.
    await settle(400);
    expect(b.doc.getMap('meta').get('during')).toBe('outage');
  });

  it("never lets another instance's presence take over someone connected here", async () => {
    const {
      rooms: [a, b],
    } = await twoInstances();
    const here = connection(b);
    const mine = new Awareness(new Y.Doc());
    mine.clientID = 42;
    mine.setLocalState({});
    mine.setLocalState({ user: { name: 'Alice on B' } }); // clock 1, as a client's first
    b.receiveAwareness(here, encodeAwarenessUpdate(mine, [42]));
    await settle(); // presence is let in at the connection's pace
    const intruder = new Awareness(new Y.Doc());
    intruder.clientID = 42;
    intruder.setLocalState({ user: { name: 'Mallory' } });
    for (let i = 0; i < 5; i++) intruder.setLocalState({ user: { name: 'Mallory' }, i });
    b.receiveRemotePresence(encodeAwarenessUpdate(intruder, [42]));
    expect(nameOf(b, 42)).toBe('Alice on B');
    await settle(120);
    expect(nameOf(a, 42)).toBe('Alice on B');
  });

  it('lets a room whose map was deleted elsewhere unload, whatever the bus still brings', async () => {
    const {
      storage,
      rooms: [a, b],
    } = await twoInstances();
    const onB = connection(b);
    await storage.deleteMap('m');
    b.receiveUpdate(
      onB,
      edit(b, (d) => d.getMap('meta').set('late', 1)),
    );
    await b.flush().catch(() => undefined);
    await settle(50);
    expect(onB.closedWith, 'told the map was deleted').toBe(4404);
    b.leave(onB); // as its socket does once closed
    // An edit from A reaches B after that: B must not keep it to store for ever.
    const onA = connection(a);
    a.receiveUpdate(
      onA,
      edit(a, (d) => d.getMap('meta').set('from-a', 1)),
    );
    await settle(3500);
    expect(b.idle).toBe(true);
  }, 10_000);
});
