import { seedReference, stateVector } from './join';
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

import { destroyAll, log, MB, OUR_LABEL, openClients, r3, REF_LABEL, target } from './common';

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
