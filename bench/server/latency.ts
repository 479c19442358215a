import {
  alternate,
  type BenchResult,
  entry,
  median,
  percentile,
  type SideSummary,
} from '../harness';
import {
  type Client,
  connect,
  type Spawned,
  sleep,
  type Target,
  whenConnected,
  whenSynced,
} from '../server-fixtures';

import { destroyAll, log, OUR_LABEL, r3, REF_LABEL, RELAY_LABEL, target } from './common';

const LATENCY_SAMPLES = 250;
const LATENCY_ROUNDS = 8;

interface Pair {
  readonly writer: Client;
  readonly reader: Client;
}

/** Samples of the time from a writer's local change to the reader's document holding it. */
async function latencyRound(pair: Pair, round: number, label: string): Promise<number[]> {
  const samples: number[] = [];
  // A field of the map's own `meta` (a client may add no top-level types to a map).
  const map = pair.writer.doc.getMap<unknown>('meta');
  let arrived: ((t: number) => void) | undefined;
  const onUpdate = () => arrived?.(performance.now());
  pair.reader.doc.on('update', onUpdate);
  try {
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const got = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`latency sample ${i} timed out on ${label}`)),
          10_000,
        );
        arrived = (t) => {
          clearTimeout(timer);
          arrived = undefined;
          resolve(t);
        };
      });
      const start = performance.now();
      map.set('latency', round * LATENCY_SAMPLES + i);
      samples.push((await got) - start);
      await sleep(1); // a new change every millisecond or two, not back to back
    }
  } finally {
    pair.reader.doc.off('update', onUpdate);
  }
  return samples;
}

async function openPair(t: Target, relay: boolean): Promise<Pair> {
  const writer = connect(t);
  const reader = connect(t);
  if (relay) {
    await Promise.all([whenConnected(writer), whenConnected(reader)]);
    await sleep(200); // let the clients' own sync handshake pass through the relay
  } else {
    await Promise.all([whenSynced(writer), whenSynced(reader)]);
  }
  return { writer, reader };
}

function latencySide(label: string, rounds: number[][]): SideSummary {
  const pooled = rounds.flat();
  return {
    label,
    medianMs: r3(median(rounds.map((s) => percentile(s, 99)))),
    p50Ms: r3(percentile(pooled, 50)),
    p99Ms: r3(percentile(pooled, 99)),
    samples: pooled.length,
    details: { maxMs: r3(Math.max(...pooled)) },
  };
}

export async function latency(ours: Spawned, ref: Spawned, relay: Spawned): Promise<BenchResult[]> {
  log('convergence latency…');
  const pairs = {
    ours: await openPair(await target(ours, 'ours', ''), false),
    ref: await openPair(await target(ref, 'other', 'latency'), false),
    relay: await openPair(await target(relay, 'other', 'latency'), true),
  };
  try {
    const [o, r, l] = (await alternate(
      [
        { label: OUR_LABEL, run: (round) => latencyRound(pairs.ours, round, OUR_LABEL) },
        { label: REF_LABEL, run: (round) => latencyRound(pairs.ref, round, REF_LABEL) },
        { label: RELAY_LABEL, run: (round) => latencyRound(pairs.relay, round, RELAY_LABEL) },
      ],
      { rounds: LATENCY_ROUNDS, warmup: 1 },
    )) as [number[][], number[][], number[][]];
    const subject = latencySide(OUR_LABEL, o);
    const reference = latencySide(REF_LABEL, r);
    const floor = latencySide(RELAY_LABEL, l);
    const how =
      `One writer and one reader (stock y-websocket clients, this process); the writer sets a key ` +
      `of a Y.Map, and a sample is the time from that local change to the reader's Y.Doc ` +
      `emitting the update; the next change follows ~1 ms after. ${LATENCY_ROUNDS} rounds × ` +
      `${LATENCY_SAMPLES} samples per server, servers alternating. medianMs is the median over ` +
      `rounds of each round's p99; p50Ms/p99Ms pool every sample.`;
    const pooledRatio = (subject.p99Ms as number) / (floor.p99Ms as number);
    const vsRelay = entry({
      name: 'server.latency-p99-vs-relay',
      measured: `Convergence latency p99, ours against a plain websocket relay (the floor). ${how} Goal: ratio ≤ 1.5, and our p99 under 10 ms (per round and pooled); the pooled-p99 ratio is in details.`,
      subject,
      reference: floor,
      rounds: LATENCY_ROUNDS,
      goal: 1.5,
      met:
        subject.medianMs / floor.medianMs <= 1.5 &&
        subject.medianMs < 10 &&
        (subject.p99Ms as number) < 10,
      details: {
        pooledP99Ratio: r3(pooledRatio),
        p50Ratio: r3((subject.p50Ms as number) / (floor.p50Ms as number)),
        absoluteBoundMs: 10,
      },
    });
    const vsReference = entry({
      name: 'server.latency-p99-vs-reference',
      measured: `Convergence latency p99, ours against @y/websocket-server (informational). ${how}`,
      subject,
      reference,
      rounds: LATENCY_ROUNDS,
      details: {
        pooledP99Ratio: r3((subject.p99Ms as number) / (reference.p99Ms as number)),
        p50Ratio: r3((subject.p50Ms as number) / (reference.p50Ms as number)),
        referenceVsRelayP99Ratio: r3(reference.medianMs / floor.medianMs),
      },
    });
    return [vsRelay, vsReference];
  } finally {
    for (const p of Object.values(pairs)) destroyAll([p.writer, p.reader]);
  }
}

/* ---------------------------------------------------------------------------------------- */
/* 3. Joining a 5,000-step map                                                                 */
/* ---------------------------------------------------------------------------------------- */
