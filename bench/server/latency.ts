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
import { HOCUS_MEMORY_LABEL, HOCUS_SQLITE_LABEL } from './hocuspocus';

export const LATENCY_SAMPLES = 250;
const LATENCY_ROUNDS = 8;

export interface Pair {
  readonly writer: Client;
  readonly reader: Client;
}

/**
 * LATENCY_SAMPLES times from `send(i)` to the arrival `listen` reports, one send at a time, a new
 * one every millisecond or two (not back to back).
 */
export async function timedSamples(
  label: string,
  listen: (arrived: () => void) => () => void,
  send: (i: number) => void,
): Promise<number[]> {
  const samples: number[] = [];
  let arrived: ((t: number) => void) | undefined;
  const stop = listen(() => arrived?.(performance.now()));
  try {
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const got = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`sample ${i} timed out on ${label}`)),
          10_000,
        );
        arrived = (t) => {
          clearTimeout(timer);
          arrived = undefined;
          resolve(t);
        };
      });
      const start = performance.now();
      send(i);
      samples.push((await got) - start);
      await sleep(1);
    }
  } finally {
    stop();
  }
  return samples;
}

/** Samples of the time from a writer's local change to the reader's document holding it. */
export function latencyRound(pair: Pair, round: number, label: string): Promise<number[]> {
  // A field of the map's own `meta` (a client may add no top-level types to a map).
  const map = pair.writer.doc.getMap<unknown>('meta');
  return timedSamples(
    label,
    (arrived) => {
      pair.reader.doc.on('update', arrived);
      return () => pair.reader.doc.off('update', arrived);
    },
    (i) => map.set('latency', round * LATENCY_SAMPLES + i),
  );
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

/** A side's latency summary: the median of the rounds' p99s, and the pooled p50 and p99. */
export function latencySide(label: string, rounds: readonly number[][]): SideSummary {
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

export async function latency(
  ours: Spawned,
  ref: Spawned,
  relay: Spawned,
  hocus: Spawned,
  hocusMemory: Spawned,
): Promise<BenchResult[]> {
  log('convergence latency…');
  const pairs = {
    ours: await openPair(await target(ours, 'ours', ''), false),
    ref: await openPair(await target(ref, 'other', 'latency'), false),
    relay: await openPair(await target(relay, 'other', 'latency'), true),
    hocus: await openPair(await target(hocus, 'other', 'latency'), false),
    hocusMemory: await openPair(await target(hocusMemory, 'other', 'latency'), false),
  };
  const side = (label: string, pair: Pair) => ({
    label,
    run: (round: number) => latencyRound(pair, round, label),
  });
  try {
    const [o, r, l, h, m] = (await alternate(
      [
        side(OUR_LABEL, pairs.ours),
        side(REF_LABEL, pairs.ref),
        side(RELAY_LABEL, pairs.relay),
        side(HOCUS_SQLITE_LABEL, pairs.hocus),
        side(HOCUS_MEMORY_LABEL, pairs.hocusMemory),
      ],
      { rounds: LATENCY_ROUNDS, warmup: 1 },
    )) as [number[][], number[][], number[][], number[][], number[][]];
    const subject = latencySide(OUR_LABEL, o);
    const reference = latencySide(REF_LABEL, r);
    const floor = latencySide(RELAY_LABEL, l);
    const hocusSide = latencySide(HOCUS_SQLITE_LABEL, h);
    const hocusMemorySide = latencySide(HOCUS_MEMORY_LABEL, m);
    const how =
      `One writer and one reader (stock y-websocket clients, this process); the writer sets a key ` +
      `of a Y.Map, and a sample is the time from that local change to the reader's Y.Doc ` +
      `emitting the update; the next change follows ~1 ms after. ${LATENCY_ROUNDS} rounds × ` +
      `${LATENCY_SAMPLES} samples per server (five: ours, @y/websocket-server, the relay, ` +
      `Hocuspocus with SQLite and in memory), servers alternating. medianMs is the median over ` +
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
    const vsHocuspocus = entry({
      name: 'server.latency-p99-vs-hocuspocus',
      measured:
        `Convergence latency p99, ours against Hocuspocus 3.4.4 with its SQLite extension ` +
        `(defaults; its clients through the framing adapter, bench/server/hocuspocus-adapter.ts). ` +
        `${how} Goal: about parity, recorded as ratio ≤ 1.1. Hocuspocus in memory ran in the ` +
        `same rounds (details).`,
      subject,
      reference: hocusSide,
      rounds: LATENCY_ROUNDS,
      goal: 1.1,
      details: {
        pooledP99Ratio: r3((subject.p99Ms as number) / (hocusSide.p99Ms as number)),
        p50Ratio: r3((subject.p50Ms as number) / (hocusSide.p50Ms as number)),
        hocuspocusInMemoryMedianP99Ms: hocusMemorySide.medianMs,
        hocuspocusInMemoryP50Ms: hocusMemorySide.p50Ms as number,
        vsHocuspocusInMemoryRatio: r3(subject.medianMs / hocusMemorySide.medianMs),
        hocuspocusVsRelayP99Ratio: r3(hocusSide.medianMs / floor.medianMs),
      },
    });
    return [vsRelay, vsReference, vsHocuspocus];
  } finally {
    for (const p of Object.values(pairs)) destroyAll([p.writer, p.reader]);
  }
}

/* ---------------------------------------------------------------------------------------- */
/* 3. Joining a 5,000-step map                                                                 */
/* ---------------------------------------------------------------------------------------- */
