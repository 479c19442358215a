import { HOCUS_SQLITE_LABEL, startHocuspocus } from './hocuspocus';
import { roomsLoaded, seedReference, stateVector } from './join';
import { MapDoc } from '@procmap/doc';
import { generateMap } from '@procmap/test-kit';
import * as Y from 'yjs';
import { type BenchResult, entry, median, type SideSummary } from '../harness';
import {
  type Client,
  type Spawned,
  sleep,
  startOurs,
  startReference,
  type Target,
} from '../server-fixtures';

import { destroyAll, log, MB, OUR_LABEL, openClients, r3, target } from './common';

const MEMORY_MAPS = 20;
const MEMORY_STEPS = 1000;
/**
 * The goal on ours / Hocuspocus with SQLite, RSS per open idle map. It is in the entry's details,
 * not its `goal`: the entry's ratio is a time (see below), which the goal is not about.
 */
const MEMORY_GOAL = 1.1;

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

export async function memory(): Promise<BenchResult> {
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
  const updateOf = (i: number) => (i < 0 ? warmupUpdate : (updates[i] as Uint8Array));

  // Fresh processes, with the inspector on so a full GC can be forced before each reading.
  const ours = await startOurs('ours (memory)', {}, true);
  const hocus = await startHocuspocus('hocuspocus + sqlite (memory)', {
    sqlite: true,
    inspect: true,
  });
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
    // Hocuspocus with SQLite, as ours: before the first reading each map is pushed by a client
    // that then leaves, so Hocuspocus stores it in its SQLite file and unloads it (the bench
    // waits until only the warm-up map is loaded); connecting the idle client loads it again.
    const stored = new Map<number, string>();
    const h = await memoryOf(
      hocus,
      {
        create: async (i) => {
          const t = await target(hocus, 'other', `memory-${i}`);
          stored.set(i, await seedReference(t, updateOf(i)));
          await roomsLoaded(hocus, i < 0 ? 0 : 1, `Hocuspocus to store and unload map ${i}`);
          return t;
        },
        load: async (_t, i) => stored.get(i),
      },
      MEMORY_MAPS,
    );
    clients.push(...h.clients);
    // @y/websocket-server: a room exists once a client has pushed the map into it (then left);
    // that push is part of opening it.
    const r = await memoryOf(
      ref,
      {
        create: (i) => target(ref, 'other', `memory-${i}`),
        load: (t, i) => seedReference(t, updateOf(i)),
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
    const rssRatio = o.figures.rssPerMap / h.figures.rssPerMap;
    log(
      `memory per map: ours ${(o.figures.rssPerMap / MB).toFixed(2)} MB RSS, Hocuspocus + SQLite ` +
        `${(h.figures.rssPerMap / MB).toFixed(2)} MB → ${rssRatio.toFixed(3)} ` +
        `(goal ≤ ${MEMORY_GOAL}: ${rssRatio <= MEMORY_GOAL ? 'met' : 'NOT met'})`,
    );
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
        `first reading and are loaded from SQLite when the client connects. Hocuspocus 3.4.4 ` +
        `with its SQLite extension (the reference): before the first reading a client pushed ` +
        `each map and left, so it was stored in Hocuspocus's SQLite file and unloaded; it is ` +
        `loaded from there when the idle client connects (through the framing adapter). ` +
        `@y/websocket-server (in details): a client pushes the map's state into the room, then ` +
        `the idle client connects. The goal is on memory, so it is in details, not in goal: ` +
        `rssPerMapRatio (ours / Hocuspocus RSS per map) ≤ ${MEMORY_GOAL} (rssPerMapGoalMet). ` +
        `medianMs and ratio are the median time to open one map that way (connect to synced), ` +
        `not memory.`,
      subject: side(OUR_LABEL, o.figures),
      reference: side(HOCUS_SQLITE_LABEL, h.figures),
      rounds: MEMORY_MAPS,
      details: {
        rssPerMapRatio: r3(rssRatio),
        rssPerMapGoal: MEMORY_GOAL,
        rssPerMapGoalMet: rssRatio <= MEMORY_GOAL ? 'met' : 'not met',
        heapPerMapRatio: r3(o.figures.heapPerMap / h.figures.heapPerMap),
        yWebsocketServerRssMbPerMap: r3(r.figures.rssPerMap / MB),
        yWebsocketServerHeapAndExternalMbPerMap: r3(r.figures.heapPerMap / MB),
        yWebsocketServerOpenMs: r3(median(r.figures.openMs)),
        vsYWebsocketServerRssPerMapRatio: r3(o.figures.rssPerMap / r.figures.rssPerMap),
        vsYWebsocketServerHeapPerMapRatio: r3(o.figures.heapPerMap / r.figures.heapPerMap),
      },
    });
  } finally {
    destroyAll(clients);
    await Promise.all([ours.stop(), hocus.stop(), ref.stop()]);
  }
}

/* ---------------------------------------------------------------------------------------- */
