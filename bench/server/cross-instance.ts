import { loadavg } from 'node:os';
import { Redis } from 'ioredis';
import { alternate, type BenchResult, entry, type SideSummary } from '../harness';
import { connect, type Spawned, startOurs, type Target, whenSynced } from '../server-fixtures';

import { destroyAll, log, OUR_LABEL, r3, target, UNTHROTTLED } from './common';
import { LATENCY_SAMPLES, latencyRound, latencySide, type Pair, timedSamples } from './latency';

/*
 * Convergence latency between two stock clients on different instances of our server (two
 * processes on one PostgreSQL and one Redis, docs/deploy.md) against two clients on one
 * instance on the same PostgreSQL: the ratio isolates the hop through Redis and the second
 * instance. Same method as bench/server/latency.ts (same samples, same edit). Measured in the
 * same rounds, for where the time goes: both clients on one instance of the pair (it publishes
 * to Redis, nobody else listens), one instance on SQLite, and Redis pub/sub alone.
 */

/** As in latency.ts, so the figures compare with its entries. */
const LATENCY_ROUNDS = 8;
const GOAL = 2;

const CROSS_LABEL = 'procmap, writer and reader on two instances (PostgreSQL + Redis)';
const SINGLE_LABEL = 'procmap, writer and reader on one instance (PostgreSQL, no Redis)';
const SAME_LABEL = 'procmap, writer and reader on one instance of the two (PostgreSQL + Redis)';
const REDIS_LABEL = 'Redis pub/sub alone (ioredis publish → subscriber, this process)';

/** The same schedule over bare Redis pub/sub: publish → the subscriber's message event. */
function redisRound(pub: Redis, sub: Redis, channel: string): Promise<number[]> {
  return timedSamples(
    'Redis pub/sub',
    (arrived) => {
      sub.on('messageBuffer', arrived);
      return () => sub.off('messageBuffer', arrived);
    },
    (i) => void pub.publish(channel, Buffer.from([i & 0xff, 1, 2, 3, 4, 5, 6, 7])),
  );
}

async function openPair(writerOn: Target, readerOn: Target): Promise<Pair> {
  const writer = connect(writerOn);
  const reader = connect(readerOn);
  await Promise.all([whenSynced(writer), whenSynced(reader)]);
  return { writer, reader };
}

/**
 * The entry. `databases`: two empty databases in one PostgreSQL, for the pair of instances and
 * for the lone one; `redisUrl`: the Redis the pair relays through.
 */
export async function crossInstance(
  databases: { readonly cluster: string; readonly single: string },
  redisUrl: string,
): Promise<BenchResult[]> {
  log('cross-instance latency (two instances on PostgreSQL and Redis)…');
  const env = { ...UNTHROTTLED, PROCMAP_IDLE_UNLOAD_MS: '600000' };
  const onCluster = (id: string) => ({
    ...env,
    PROCMAP_DATABASE_URL: databases.cluster,
    PROCMAP_REDIS_URL: redisUrl,
    PROCMAP_INSTANCE_ID: id,
  });
  const servers: Spawned[] = [];
  const pairs: Pair[] = [];
  const pub = new Redis(redisUrl, { lazyConnect: true });
  const sub = new Redis(redisUrl, { lazyConnect: true });
  try {
    // One at a time: the first creates the schema.
    const a = await startOurs('procmap instance a (PostgreSQL + Redis)', onCluster('a'));
    servers.push(a);
    const b = await startOurs('procmap instance b (PostgreSQL + Redis)', onCluster('b'));
    servers.push(b);
    const single = await startOurs(SINGLE_LABEL, {
      ...env,
      PROCMAP_DATABASE_URL: databases.single,
    });
    servers.push(single);
    const sqlite = await startOurs(OUR_LABEL, env);
    servers.push(sqlite);

    const open = async (writerOn: Target, readerOn: Target = writerOn) => {
      const pair = await openPair(writerOn, readerOn);
      pairs.push(pair);
      return pair;
    };
    const across = await target(a, 'ours', '');
    const cross = await open(across, { ...across, server: b });
    const same = await open(await target(a, 'ours', ''));
    const alone = await open(await target(single, 'ours', ''));
    const onSqlite = await open(await target(sqlite, 'ours', ''));
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe('bench:latency');

    const side = (label: string, pair: Pair) => ({
      label,
      run: (round: number) => latencyRound(pair, round, label),
    });
    const [c, s, m, q, r] = (await alternate(
      [
        side(CROSS_LABEL, cross),
        side(SINGLE_LABEL, alone),
        side(SAME_LABEL, same),
        side(OUR_LABEL, onSqlite),
        { label: REDIS_LABEL, run: () => redisRound(pub, sub, 'bench:latency') },
      ],
      { rounds: LATENCY_ROUNDS, warmup: 1 },
    )) as [number[][], number[][], number[][], number[][], number[][]];
    const subject = latencySide(CROSS_LABEL, c);
    const reference = latencySide(SINGLE_LABEL, s);
    const sameSide = latencySide(SAME_LABEL, m);
    const sqliteSide = latencySide(OUR_LABEL, q);
    const redisSide = latencySide(REDIS_LABEL, r);
    const p = (x: SideSummary, key: 'p50Ms' | 'p99Ms') => x[key] as number;
    return [
      entry({
        name: 'server.cross-instance-p99',
        measured:
          `Convergence latency p99 with the writer and the reader on two instances of our ` +
          `server (two processes on one PostgreSQL and one Redis; the map created on the first, ` +
          `the reader joining it on the second) against both on one instance on the same ` +
          `PostgreSQL without Redis. As in server.latency-*: stock y-websocket clients in this ` +
          `process, the writer sets a field of the map's meta, a sample is the time to the ` +
          `reader's Y.Doc emitting the update, the next change ~1 ms later; ${LATENCY_ROUNDS} ` +
          `rounds × ${LATENCY_SAMPLES} samples per side after 1 warm-up, five sides taking ` +
          `turns: also both clients on one instance of the pair, one instance on SQLite, and ` +
          `bare Redis pub/sub (publish → subscriber, ioredis, this process) on the same ` +
          `schedule (details). medianMs is the median over rounds of each round's p99; ` +
          `p50Ms/p99Ms pool every sample. Goal: ratio ≤ ${GOAL}.`,
        subject,
        reference,
        rounds: LATENCY_ROUNDS,
        goal: GOAL,
        details: {
          pooledP99Ratio: r3(p(subject, 'p99Ms') / p(reference, 'p99Ms')),
          p50Ratio: r3(p(subject, 'p50Ms') / p(reference, 'p50Ms')),
          sameInstanceOfPairMedianP99Ms: sameSide.medianMs,
          sameInstanceOfPairP50Ms: p(sameSide, 'p50Ms'),
          vsSameInstanceOfPairRatio: r3(subject.medianMs / sameSide.medianMs),
          sqliteMedianP99Ms: sqliteSide.medianMs,
          sqliteP50Ms: p(sqliteSide, 'p50Ms'),
          vsSqliteRatio: r3(subject.medianMs / sqliteSide.medianMs),
          redisPubSubMedianP99Ms: redisSide.medianMs,
          redisPubSubP50Ms: p(redisSide, 'p50Ms'),
          loadAverage1m: r3(loadavg()[0] as number),
        },
      }),
    ];
  } finally {
    for (const pair of pairs) destroyAll([pair.writer, pair.reader]);
    pub.disconnect();
    sub.disconnect();
    await Promise.all(servers.map((s) => s.stop()));
  }
}
