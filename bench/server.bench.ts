import { MapDoc } from '@procmap/doc';
import { generateMap } from '@procmap/test-kit';
import * as Y from 'yjs';
import {
  alternate,
  type BenchResult,
  entry,
  median,
  percentile,
  round3,
  type SideSummary,
} from './harness';
import {
  type Client,
  connect,
  createMap,
  openRooms,
  type Spawned,
  sleep,
  startOurs,
  startReference,
  startRelay,
  type Target,
  waitUntil,
  whenConnected,
  whenSynced,
} from './server-fixtures';

/*
 * The collaboration server against `@y/websocket-server@0.1.1` (and, for latency, a plain
 * websocket relay). Every server is its own process on 127.0.0.1; the clients are stock
 * y-websocket providers in this process, so the same client work is in every figure. The sides
 * take turns round by round (see `alternate`). See docs/benchmarks.md for what each entry means.
 */

const OUR_LABEL = 'procmap server (SQLite, WAL, synchronous=FULL)';
const REF_LABEL = '@y/websocket-server@0.1.1 (in memory)';
const RELAY_LABEL = 'plain websocket relay (bench/relay.ts)';

/** Rate limits high enough that the benchmark measures the server, not its throttle. */
const UNTHROTTLED = {
  PROCMAP_MESSAGES_PER_SECOND: '1000000',
  PROCMAP_MESSAGE_BURST: '10000000',
};

const MB = 1024 * 1024;
const r3 = round3;
const log = (line: string) => console.log(`  [server] ${line}`);

/** A fresh map on our server, or a room name on the others. */
async function target(server: Spawned, kind: 'ours' | 'other', name: string, body?: unknown) {
  if (kind === 'other') return { server, room: name } satisfies Target;
  const map = await createMap(server, body);
  return { server, room: map.id, token: map.editToken } satisfies Target;
}

async function openClients(t: Target, n: number): Promise<Client[]> {
  const clients = Array.from({ length: n }, () => connect(t));
  await Promise.all(clients.map((c) => whenSynced(c)));
  return clients;
}

const destroyAll = (clients: readonly Client[]) => {
  for (const c of clients) c.destroy();
};

/* ---------------------------------------------------------------------------------------- */
/* 1. Fan-out throughput                                                                       */
/* ---------------------------------------------------------------------------------------- */

const FAN_CLIENTS = 30;
const FAN_WRITERS = 5;
const FAN_PER_WRITER = 200;

/**
 * One round: each writer sets FAN_PER_WRITER new keys of a Y.Map, one transaction (one
 * websocket message) each, interleaved, in one synchronous burst; the round ends when every one
 * of the clients holds every key. Returns the elapsed milliseconds.
 */
function fanOutRound(clients: readonly Client[], round: number): Promise<number> {
  const total = FAN_WRITERS * FAN_PER_WRITER;
  const prefix = `r${round}:`;
  return new Promise((resolve, reject) => {
    let unfinished = clients.length;
    const start = performance.now();
    const observing = new Map<Y.Map<number>, (event: Y.YMapEvent<number>) => void>();
    const stopObserving = () => {
      for (const [map, observer] of observing) map.unobserve(observer);
      observing.clear();
    };
    const timer = setTimeout(() => {
      stopObserving();
      reject(new Error(`fan-out round ${round} timed out`));
    }, 60_000);
    for (const client of clients) {
      const map = client.doc.getMap<number>('fanout');
      let seen = 0;
      const observer = (event: Y.YMapEvent<number>) => {
        for (const key of event.keysChanged) if (key.startsWith(prefix)) seen++;
        if (seen < total) return;
        map.unobserve(observer);
        observing.delete(map);
        if (--unfinished > 0) return;
        const ms = performance.now() - start;
        clearTimeout(timer);
        resolve(ms);
      };
      map.observe(observer);
      observing.set(map, observer);
    }
    for (let j = 0; j < FAN_PER_WRITER; j++) {
      for (let w = 0; w < FAN_WRITERS; w++) {
        (clients[w] as Client).doc.getMap<number>('fanout').set(`${prefix}${w}:${j}`, j);
      }
    }
  });
}

async function fanOut(ours: Spawned, ref: Spawned): Promise<BenchResult> {
  log(`fan-out: ${FAN_CLIENTS} clients per server…`);
  const oursClients = await openClients(await target(ours, 'ours', ''), FAN_CLIENTS);
  const refClients = await openClients(await target(ref, 'other', 'fanout'), FAN_CLIENTS);
  const rounds = 15;
  try {
    const [o, r] = (await alternate(
      [
        { label: OUR_LABEL, run: (round) => fanOutRound(oursClients, round) },
        { label: REF_LABEL, run: (round) => fanOutRound(refClients, round) },
      ],
      { rounds, warmup: 2 },
    )) as [number[], number[]];
    const total = FAN_WRITERS * FAN_PER_WRITER;
    const side = (label: string, ms: number[]): SideSummary => {
      const m = median(ms);
      return {
        label,
        medianMs: r3(m),
        details: {
          updatesPerSecond: Math.round(total / (m / 1000)),
          deliveriesPerSecond: Math.round((total * FAN_CLIENTS) / (m / 1000)),
          fastestMs: r3(Math.min(...ms)),
          slowestMs: r3(Math.max(...ms)),
        },
      };
    };
    const subject = side(OUR_LABEL, o);
    const reference = side(REF_LABEL, r);
    const throughputRatio = reference.medianMs / subject.medianMs;
    return entry({
      name: 'server.fanout-30-clients',
      measured:
        `Update fan-out: ${FAN_CLIENTS} stock y-websocket clients on one map; ${FAN_WRITERS} of them ` +
        `each set ${FAN_PER_WRITER} new keys of a Y.Map (one update message each, all sent at once), ` +
        `and the time runs until all ${FAN_CLIENTS} clients hold all ${total} updates. medianMs is ` +
        `that time; ratio = ours / reference time, so ratio ≤ 1 means throughput ≥ 1× the ` +
        `reference (throughputRatio = reference / ours time). Our server runs with ` +
        `PROCMAP_MESSAGES_PER_SECOND=${UNTHROTTLED.PROCMAP_MESSAGES_PER_SECOND} and ` +
        `PROCMAP_MESSAGE_BURST=${UNTHROTTLED.PROCMAP_MESSAGE_BURST} so its per-connection rate ` +
        `limit does not throttle the burst; it validates, applies, persists (SQLite, fsync) and ` +
        `relays every update. The reference echoes each update to its sender as well.`,
      subject,
      reference,
      rounds,
      goal: 1,
      details: { throughputRatio: r3(throughputRatio), updatesPerRound: total },
    });
  } finally {
    destroyAll(oursClients);
    destroyAll(refClients);
  }
}

/* ---------------------------------------------------------------------------------------- */
/* 2. Convergence latency                                                                      */
/* ---------------------------------------------------------------------------------------- */

const LATENCY_SAMPLES = 250;
const LATENCY_ROUNDS = 8;

interface Pair {
  readonly writer: Client;
  readonly reader: Client;
}

/** Samples of the time from a writer's local change to the reader's document holding it. */
async function latencyRound(pair: Pair, round: number, label: string): Promise<number[]> {
  const samples: number[] = [];
  const map = pair.writer.doc.getMap<number>('latency');
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
      map.set('k', round * LATENCY_SAMPLES + i);
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

async function latency(ours: Spawned, ref: Spawned, relay: Spawned): Promise<BenchResult[]> {
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

const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

/** Fills a room of a server without storage: a client pushes the whole state, then leaves. */
async function seedReference(t: Target, update: Uint8Array): Promise<string> {
  const seed = new Y.Doc();
  Y.applyUpdate(seed, update);
  const expected = stateVector(seed);
  const pusher = connect(t, seed);
  await whenSynced(pusher);
  const check = connect(t);
  await waitUntil(() => stateVector(check.doc) === expected, `the reference to hold ${t.room}`);
  pusher.destroy();
  check.destroy();
  return expected;
}

/** A new client until it is synced; checks it got the whole map (outside the timing). */
async function joinOnce(t: Target, expected: string): Promise<number> {
  const start = performance.now();
  const client = connect(t);
  await whenSynced(client);
  const ms = performance.now() - start;
  const got = stateVector(client.doc);
  client.destroy();
  if (got !== expected) throw new Error(`join on ${t.server.label} did not receive the whole map`);
  return ms;
}

async function join(ours: Spawned, ref: Spawned, oursCold: Spawned): Promise<BenchResult[]> {
  log('join a 5,000-step map…');
  const file = generateMap({ steps: 5000, seed: 5000 });
  const mapDoc = MapDoc.fromFile(file);
  const update = Y.encodeStateAsUpdate(mapDoc.ydoc);
  mapDoc.destroy();

  const warm = await target(ours, 'ours', '', file);
  const cold = await target(oursCold, 'ours', '', file);
  const refTarget = await target(ref, 'other', 'join-5000');
  const expectedRef = await seedReference(refTarget, update);
  // Our server built the document itself from the file: learn its state vector from a client,
  // which also loads the room into memory (warm) on the first server.
  const probe = (t: Target) =>
    openClients(t, 1).then(([c]) => {
      const sv = stateVector((c as Client).doc);
      const steps = new MapDoc((c as Client).doc).getSnapshot().steps.length;
      (c as Client).destroy();
      if (steps !== 5000) throw new Error(`${t.server.label} served ${steps} steps, not 5000`);
      return sv;
    });
  const expectedWarm = await probe(warm);
  const expectedCold = await probe(cold);
  const unloaded = () =>
    waitUntil(async () => (await openRooms(oursCold)) === 0, 'the idle room to unload', 30_000, 20);

  const rounds = 9;
  const [w, r, c] = (await alternate(
    [
      { label: OUR_LABEL, run: () => joinOnce(warm, expectedWarm) },
      { label: REF_LABEL, run: () => joinOnce(refTarget, expectedRef) },
      {
        label: `${OUR_LABEL}, room not loaded`,
        run: async () => {
          await unloaded();
          return joinOnce(cold, expectedCold);
        },
      },
    ],
    { rounds, warmup: 2 },
  )) as [number[], number[], number[]];
  const side = (label: string, ms: number[]): SideSummary => ({
    label,
    medianMs: r3(median(ms)),
    details: { fastestMs: r3(Math.min(...ms)), slowestMs: r3(Math.max(...ms)) },
  });
  const mapSize = `${(update.length / MB).toFixed(2)} MiB as a Yjs update`;
  const how =
    `time from creating a stock y-websocket provider (fresh Y.Doc) to its 'sync' event, on a ` +
    `5,000-step map (generateMap({ steps: 5000, seed: 5000 }), ${mapSize}); each join is ` +
    `checked to have received the whole map (state vector), outside the timing.`;
  const warmSide = side(OUR_LABEL, w);
  const refSide = side(REF_LABEL, r);
  return [
    entry({
      name: 'server.join-5000-warm',
      measured:
        `Joining a loaded map: ${how} Ours: the map was created by POST /api/maps with the file ` +
        `and its room is already in memory. Reference: a client pushed the same map's full ` +
        `state, then left (the reference keeps documents in memory).`,
      subject: warmSide,
      reference: refSide,
      rounds,
      goal: 1.2,
    }),
    entry({
      name: 'server.join-5000-cold',
      measured:
        `Joining a map whose room is not in memory (informational): ${how} Ours: a second server ` +
        `with PROCMAP_IDLE_UNLOAD_MS=20, the room unloaded (saved, compacted, dropped; checked ` +
        `on /healthz) before each join, so the join loads it from SQLite. Reference: the same ` +
        `warm join as above — it has no storage, so it has no cold state to compare with.`,
      subject: side(`${OUR_LABEL}, room not loaded`, c),
      reference: refSide,
      rounds,
      details: { oursWarmMedianMs: warmSide.medianMs },
    }),
  ];
}

/* ---------------------------------------------------------------------------------------- */
/* 4. Memory per open idle map                                                                 */
/* ---------------------------------------------------------------------------------------- */

const MEMORY_MAPS = 20;
const MEMORY_STEPS = 1000;

interface MemoryFigures {
  readonly openMs: number[];
  readonly rssPerMap: number;
  readonly heapPerMap: number;
  readonly rssBefore: number;
  readonly rssAfter: number;
}

/** Reads memory after a forced GC, then RSS, a few times; returns the smallest RSS and heap. */
async function settledMemory(server: Spawned): Promise<{ rss: number; heap: number }> {
  let rss = Number.POSITIVE_INFINITY;
  let heap = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    await sleep(300);
    const m = await server.memoryAfterGc();
    heap = Math.min(heap, m.heapUsed + m.external);
    rss = Math.min(rss, server.rss());
  }
  return { rss, heap };
}

interface MemoryHooks {
  /** Before the first reading: makes map `i` (-1 = the warm-up map) ready to be opened. */
  readonly create: (i: number) => Promise<Target>;
  /** After the first reading, before the idle client connects: part of opening it. */
  readonly load: (t: Target, i: number) => Promise<string | undefined>;
}

async function memoryOf(server: Spawned, hooks: MemoryHooks, k: number) {
  const clients: Client[] = [];
  // Warm up the code paths with one map that stays open in both readings.
  const first = await hooks.create(-1);
  await hooks.load(first, -1);
  clients.push(...(await openClients(first, 1)));
  const targets: Target[] = [];
  for (let i = 0; i < k; i++) targets.push(await hooks.create(i));
  const before = await settledMemory(server);
  const openMs: number[] = [];
  for (const [i, t] of targets.entries()) {
    const expected = await hooks.load(t, i);
    const start = performance.now();
    const [client] = (await openClients(t, 1)) as [Client];
    openMs.push(performance.now() - start);
    clients.push(client);
    if (expected && stateVector(client.doc) !== expected) {
      throw new Error(`${server.label} did not serve the whole map`);
    }
  }
  const after = await settledMemory(server);
  const figures: MemoryFigures = {
    openMs,
    rssPerMap: (after.rss - before.rss) / k,
    heapPerMap: (after.heap - before.heap) / k,
    rssBefore: before.rss,
    rssAfter: after.rss,
  };
  return { clients, figures };
}

async function memory(): Promise<BenchResult> {
  log(`memory: ${MEMORY_MAPS} open idle ${MEMORY_STEPS}-step maps per server…`);
  const files = Array.from({ length: MEMORY_MAPS }, (_, i) =>
    generateMap({ steps: MEMORY_STEPS, seed: 1000 + i }),
  );
  const warmupFile = generateMap({ steps: MEMORY_STEPS, seed: 999 });
  const updates = files.map((f) => {
    const doc = MapDoc.fromFile(f);
    const u = Y.encodeStateAsUpdate(doc.ydoc);
    doc.destroy();
    return u;
  });
  const warmupDoc = MapDoc.fromFile(warmupFile);
  const warmupUpdate = Y.encodeStateAsUpdate(warmupDoc.ydoc);
  warmupDoc.destroy();

  // Fresh processes, with the inspector on so a full GC can be forced before each reading.
  const ours = await startOurs('ours (memory)', {}, true);
  const ref = await startReference('reference (memory)', true);
  const clients: Client[] = [];
  try {
    // Ours: the maps are created (on disk, not loaded) before the first reading; connecting the
    // idle client is what opens each room.
    const o = await memoryOf(
      ours,
      {
        create: (i) => target(ours, 'ours', '', i < 0 ? warmupFile : files[i]),
        load: async () => undefined,
      },
      MEMORY_MAPS,
    );
    clients.push(...o.clients);
    // Reference: a room exists once a client has pushed the map into it (then left); that push
    // is part of opening it.
    const r = await memoryOf(
      ref,
      {
        create: (i) => target(ref, 'other', `memory-${i}`),
        load: (t, i) => seedReference(t, i < 0 ? warmupUpdate : (updates[i] as Uint8Array)),
      },
      MEMORY_MAPS,
    );
    clients.push(...r.clients);
    const side = (label: string, f: MemoryFigures): SideSummary => ({
      label,
      medianMs: r3(median(f.openMs)),
      details: {
        rssMbPerMap: r3(f.rssPerMap / MB),
        heapAndExternalMbPerMap: r3(f.heapPerMap / MB),
        rssMbBefore: r3(f.rssBefore / MB),
        rssMbAfter: r3(f.rssAfter / MB),
      },
    });
    return entry({
      name: 'server.memory-idle-map-1000',
      measured:
        `Memory per open idle ${MEMORY_STEPS}-step map: ${MEMORY_MAPS} maps ` +
        `(generateMap({ steps: ${MEMORY_STEPS}, seed: 1000…${999 + MEMORY_MAPS} })), each opened ` +
        `by one connected idle stock client, on a fresh server process. The process's VmRSS ` +
        `(/proc/<pid>/status) and its heapUsed + external (process.memoryUsage() through the ` +
        `inspector, after a forced full GC) are read before and after opening them; the ` +
        `difference divided by ${MEMORY_MAPS} is in details (rssMbPerMap, ` +
        `heapAndExternalMbPerMap). Ours: the maps were created by POST /api/maps before the ` +
        `first reading and are loaded from SQLite when the client connects. Reference: a client ` +
        `pushes the map's state into the room, then the idle client connects. medianMs and ratio ` +
        `are the median time to open one map that way (connect to synced), not memory.`,
      subject: side(OUR_LABEL, o.figures),
      reference: side(REF_LABEL, r.figures),
      rounds: MEMORY_MAPS,
      details: {
        rssPerMapRatio: r3(o.figures.rssPerMap / r.figures.rssPerMap),
        heapPerMapRatio: r3(o.figures.heapPerMap / r.figures.heapPerMap),
      },
    });
  } finally {
    destroyAll(clients);
    await Promise.all([ours.stop(), ref.stop()]);
  }
}

/* ---------------------------------------------------------------------------------------- */

/** The collaboration-server benchmarks; every server process is stopped before returning. */
export async function serverBenchmarks(): Promise<BenchResult[]> {
  process.setMaxListeners(500); // every provider listens for the process's exit
  const started = performance.now();
  const servers = await Promise.all([
    startOurs('ours', { ...UNTHROTTLED, PROCMAP_IDLE_UNLOAD_MS: '600000' }),
    startReference('reference'),
    startRelay('relay'),
    startOurs('ours (cold joins)', { ...UNTHROTTLED, PROCMAP_IDLE_UNLOAD_MS: '20' }),
  ]);
  const [ours, ref, relay, oursCold] = servers as [Spawned, Spawned, Spawned, Spawned];
  const results: BenchResult[] = [];
  // BENCH_ONLY=fanout,latency,join,memory runs a subset (for trying a change quickly).
  const only = process.env.BENCH_ONLY?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  try {
    if (wanted('fanout')) results.push(await fanOut(ours, ref));
    if (wanted('latency')) results.push(...(await latency(ours, ref, relay)));
    if (wanted('join')) results.push(...(await join(ours, ref, oursCold)));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  if (wanted('memory')) results.push(await memory());
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return results;
}
