import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { hasRedisServer, type RedisProcess, startRedis, testRedisUrl } from '../test-support/redis';
import { freePort } from '../test-support/server-process';
import { waitFor } from '../test-support/wait';
import type { BusStatus, ReceivedBusMessage } from './bus';
import { RedisBus } from './redis-bus';

/*
 * Two bus instances on one real Redis, as two servers would be; the outage tests kill the
 * redis-server process itself and start it again on the same port.
 */

const haveBinary = hasRedisServer();
const haveRedis = haveBinary || Boolean(process.env.PROCMAP_TEST_REDIS_URL);
if (!haveRedis) console.warn('redis-bus tests skipped: no redis-server binary on PATH');
else if (!haveBinary) console.warn('redis outage tests skipped: no redis-server binary on PATH');

/** A logger keeping its lines, to check what the bus tells operators. */
function recordingLog() {
  const lines: string[] = [];
  return { lines, log: createLogger('debug', (line) => lines.push(line.trimEnd()), 'text') };
}

/** A bus instance and everything it received, per map. */
interface Peer {
  readonly bus: RedisBus;
  readonly lines: string[];
  readonly statuses: BusStatus[];
  received(mapId: string): ReceivedBusMessage[];
  listen(mapId: string): Promise<() => void>;
}

const opened: RedisBus[] = [];

async function peer(url: string, keyPrefix: string): Promise<Peer> {
  const { lines, log } = recordingLog();
  const bus = await RedisBus.connect(url, { log, keyPrefix });
  opened.push(bus);
  const statuses: BusStatus[] = [];
  bus.onStatus((status) => statuses.push(status));
  const inbox = new Map<string, ReceivedBusMessage[]>();
  const received = (mapId: string) => {
    const list = inbox.get(mapId) ?? [];
    inbox.set(mapId, list);
    return list;
  };
  return {
    bus,
    lines,
    statuses,
    received,
    listen: (mapId) => bus.subscribe(mapId, (message) => received(mapId).push(message)),
  };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

afterEach(async () => {
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
});

// Waits fail with their own message (after 10 s) before the test's timeout does
describe.skipIf(!haveRedis)('RedisBus on a real Redis', { timeout: 30_000 }, () => {
  let redis: { url: string; release(): Promise<void> };
  let probe: Redis;
  beforeAll(async () => {
    redis = (await testRedisUrl())!;
    probe = new Redis(redis.url);
  });
  afterAll(async () => {
    await probe?.quit();
    await redis?.release();
  });
  /** A prefix of its own per test, so tests sharing one Redis never hear each other. */
  const prefix = () => `test-${randomUUID()}`;
  const subscribers = async (channel: string) =>
    Number(((await probe.pubsub('NUMSUB', channel)) as [string, number])[1]);

  it('relays a message to the other instance and never back to its sender', async () => {
    const p = prefix();
    const a = await peer(redis.url, p);
    const b = await peer(redis.url, p);
    expect(a.bus.instanceId).not.toBe(b.bus.instanceId);
    await a.listen('m');
    await b.listen('m');

    a.bus.publish('m', { kind: 'update', n: 1, update: Uint8Array.of(1, 2, 3) });
    await waitFor(() => b.received('m').length === 1, "B receiving A's update");
    b.bus.publish('m', { kind: 'stored', through: 4 });
    await waitFor(() => a.received('m').length === 1, "A receiving B's notice");
    a.bus.publish('m', { kind: 'stored', through: 1 });
    await waitFor(() => b.received('m').length === 2, "B receiving A's second message");

    // Each saw its own message come back from Redis before the other's reply: had it not
    // been dropped, it would be in the list.
    expect(b.received('m')).toEqual([
      { kind: 'update', n: 1, update: Uint8Array.of(1, 2, 3), from: a.bus.instanceId },
      { kind: 'stored', through: 1, from: a.bus.instanceId },
    ]);
    expect(a.received('m')).toEqual([{ kind: 'stored', through: 4, from: b.bus.instanceId }]);
    expect(a.bus.status).toBe('up');
    expect(await a.bus.ping()).toBe(true);
  });

  it('keeps maps, and deployments with another prefix, apart', async () => {
    const p = prefix();
    const a = await peer(redis.url, p);
    const b = await peer(redis.url, p);
    const otherPrefix = prefix();
    const other = await peer(redis.url, otherPrefix);
    await b.listen('m1');
    await b.listen('m2');
    await other.listen('m1');

    const stored = (through: number) => ({ kind: 'stored', through }) as const;
    a.bus.publish('m1', stored(1));
    a.bus.publish('m2', stored(2));
    a.bus.publish('m3', stored(3)); // nobody listens
    a.bus.publish('m1', stored(4));
    await waitFor(() => b.received('m1').length === 2, 'B receiving both m1 messages');
    const from = a.bus.instanceId;
    expect(b.received('m1')).toEqual([
      { ...stored(1), from },
      { ...stored(4), from },
    ]);
    expect(b.received('m2')).toEqual([{ ...stored(2), from }]);
    expect(b.received('m3')).toEqual([]);

    // The other deployment hears only what is published under its own prefix
    const otherPublisher = await peer(redis.url, otherPrefix);
    otherPublisher.bus.publish('m1', stored(9));
    await waitFor(() => other.received('m1').length > 0, 'the other deployment receiving');
    expect(other.received('m1')).toEqual([{ ...stored(9), from: otherPublisher.bus.instanceId }]);
  });

  it('delivers binary payloads byte for byte, a megabyte too', async () => {
    const p = prefix();
    const a = await peer(redis.url, p);
    const b = await peer(redis.url, p);
    await b.listen('m');
    const everyByte = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);
    const edges = Uint8Array.of(0x00, 0xff, 0x00, 0x0d, 0x0a, 0xff, 0x00);
    const mega = new Uint8Array(randomBytes(1024 * 1024));
    mega[0] = 0x00;
    mega[mega.length - 1] = 0xff;

    a.bus.publish('m', { kind: 'update', n: 1, update: mega });
    a.bus.publish('m', { kind: 'awareness', update: everyByte });
    a.bus.publish('m', { kind: 'sync1', stateVector: edges });
    a.bus.publish('m', { kind: 'sync2', update: new Uint8Array() });
    await waitFor(() => b.received('m').length === 4, 'B receiving all four messages', 20_000);

    const [update, awareness, sync1, sync2] = b.received('m');
    expect(update?.kind === 'update' && update.n === 1 && same(update.update, mega)).toBe(true);
    expect(awareness?.kind === 'awareness' && same(awareness.update, everyByte)).toBe(true);
    expect(sync1?.kind === 'sync1' && same(sync1.stateVector, edges)).toBe(true);
    expect(sync2?.kind === 'sync2' && sync2.update.length === 0).toBe(true);
    expect(a.bus.dropped).toBe(0);
  });

  it('calls every handler of a map, and stops when each unsubscribes', async () => {
    const p = prefix();
    const channel = `${p}:map:m`;
    const a = await peer(redis.url, p);
    const b = await peer(redis.url, p);
    const calls = { first: 0, second: 0 };
    const second = () => calls.second++;
    const offFirst = await b.bus.subscribe('m', () => calls.first++);
    const offSecond = await b.bus.subscribe('m', second);
    const offSecondAgain = await b.bus.subscribe('m', second);
    await b.listen('sentinel');
    expect(await subscribers(channel)).toBe(1); // one SUBSCRIBE for three handlers

    a.bus.publish('m', { kind: 'stored', through: 1 });
    await waitFor(() => calls.second === 2, 'both subscriptions of the second handler called');
    expect(calls.first).toBe(1);

    offFirst();
    offSecondAgain();
    a.bus.publish('m', { kind: 'stored', through: 2 });
    await waitFor(() => calls.second === 3, 'the remaining subscription called');
    expect(calls.first).toBe(1);
    expect(await subscribers(channel)).toBe(1);

    offSecond();
    await waitFor(async () => (await subscribers(channel)) === 0, 'B unsubscribing in Redis');
    a.bus.publish('m', { kind: 'stored', through: 3 });
    a.bus.publish('sentinel', { kind: 'stored', through: 3 });
    await waitFor(() => b.received('sentinel').length === 1, 'B receiving on another map');
    expect(calls).toEqual({ first: 1, second: 3 });

    // Subscribing again after the last one left works as the first time did
    const offLater = await b.listen('m');
    expect(await subscribers(channel)).toBe(1);
    a.bus.publish('m', { kind: 'stored', through: 4 });
    await waitFor(() => b.received('m').length === 1, 'B receiving after subscribing again');
    offLater();
  });

  it('ignores what it cannot read on a channel, and goes on', async () => {
    const p = prefix();
    const a = await peer(redis.url, p);
    const b = await peer(redis.url, p);
    await b.listen('m');
    await probe.publish(`${p}:map:m`, Buffer.from([0x02, 0x00, 0x01, 0x41])); // a newer version
    await probe.publish(`${p}:map:m`, Buffer.from([0xff, 0x00, 0xff]));
    a.bus.publish('m', { kind: 'stored', through: 1 });
    await waitFor(() => b.received('m').length === 1, 'B receiving the valid message');
    expect(b.received('m')).toEqual([{ kind: 'stored', through: 1, from: a.bus.instanceId }]);
    expect(b.lines.filter((line) => line.startsWith('debug bus-message-ignored'))).toHaveLength(2);
  });

  it('closes cleanly: both connections gone from Redis, nothing sent afterwards', async () => {
    const a = await peer(redis.url, prefix());
    await a.listen('m');
    const ours = async () =>
      String(await probe.client('LIST'))
        .split('\n')
        .filter((line) => line.includes(a.bus.instanceId.replace(/[^\w.:-]/g, '_'))).length;
    expect(await ours()).toBe(2);

    await a.bus.close();
    await waitFor(async () => (await ours()) === 0, 'Redis no longer listing our connections');
    expect(a.bus.status).toBe('down');
    expect(await a.bus.ping()).toBe(false);
    expect(() => a.bus.publish('m', { kind: 'stored', through: 1 })).not.toThrow();
    expect(a.bus.dropped).toBe(1);
    expect(a.statuses).toEqual([]); // closing is not an outage
    expect(a.lines.some((line) => line.startsWith('warn redis-lost'))).toBe(false);
  });
});

describe('RedisBus.connect', () => {
  it('rejects, naming the address and the cause, when nothing listens there', async () => {
    const port = await freePort();
    const { log } = recordingLog();
    const url = `redis://:secret@127.0.0.1:${port}`;
    const error = await RedisBus.connect(url, { log, startTimeoutMs: 500 }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      new RegExp(`^redis unreachable at redis://:\\*\\*\\*@127.0.0.1:${port} within 500 ms: `),
    );
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('secret');
  });
});

describe.skipIf(!haveBinary)(
  'RedisBus when Redis is lost and comes back',
  { timeout: 30_000 },
  () => {
    let redis: RedisProcess;
    beforeAll(async () => {
      redis = (await startRedis())!;
    });
    afterAll(async () => {
      await redis?.destroy();
    });

    it('reports down, drops what is published, then recovers every subscription', async () => {
      const a = await peer(redis.url, 'procmap');
      const b = await peer(redis.url, 'procmap');
      await a.listen('m');
      await b.listen('m');

      await redis.stop('SIGKILL');
      await waitFor(
        () => a.bus.status === 'down' && b.bus.status === 'down',
        'both instances reporting down',
        { seen: () => [a.bus.status, b.bus.status] },
      );
      expect(a.statuses).toEqual(['down']);
      expect(b.statuses).toEqual(['down']);
      expect(a.lines.filter((l) => l.startsWith('warn redis-lost'))).toEqual([
        `warn redis-lost effect="serving this instance's connections only"`,
      ]);
      expect(() => a.bus.publish('m', { kind: 'stored', through: 1 })).not.toThrow();
      expect(a.bus.dropped).toBe(1);
      expect(await a.bus.ping()).toBe(false);
      // Subscribing while down does not wait for Redis; the map is subscribed when it is back
      await a.listen('while-down');

      await redis.start();
      await waitFor(
        () => a.bus.status === 'up' && b.bus.status === 'up',
        'both instances reporting up',
        { seen: () => [a.bus.status, b.bus.status] },
      );
      expect(a.statuses).toEqual(['down', 'up']);
      expect(b.statuses).toEqual(['down', 'up']);
      expect(a.lines.filter((l) => l.startsWith('info redis-up'))).toHaveLength(2); // start, back

      // The restarted Redis knows nothing of the old subscriptions: they were made again
      a.bus.publish('m', { kind: 'stored', through: 2 });
      b.bus.publish('m', { kind: 'stored', through: 3 });
      b.bus.publish('while-down', { kind: 'stored', through: 4 });
      await waitFor(
        () => b.received('m').length === 1 && a.received('while-down').length === 1,
        'messages flowing again both ways',
      );
      await waitFor(() => a.received('m').length === 1, 'A receiving on m');
      expect(a.received('m')).toEqual([{ kind: 'stored', through: 3, from: b.bus.instanceId }]);
      expect(b.received('m')).toEqual([{ kind: 'stored', through: 2, from: a.bus.instanceId }]);
      expect(await a.bus.ping()).toBe(true);
    });

    it('survives a graceful Redis shutdown the same way', async () => {
      const a = await peer(redis.url, 'procmap');
      await redis.stop('SIGTERM');
      await waitFor(() => a.bus.status === 'down', 'the instance reporting down');
      await redis.start();
      await waitFor(() => a.bus.status === 'up', 'the instance reporting up');
      expect(a.statuses).toEqual(['down', 'up']);
    });
  },
);
