import { MapDoc } from '@procmap/doc';
import { generateMap } from '@procmap/test-kit';
import * as Y from 'yjs';
import { alternate, type BenchResult, entry, median, type SideSummary } from '../harness';
import {
  type Client,
  connect,
  openRooms,
  type Spawned,
  type Target,
  waitUntil,
  whenSynced,
} from '../server-fixtures';

import { log, MB, OUR_LABEL, openClients, r3, REF_LABEL, target } from './common';
import { HOCUS_MEMORY_LABEL, HOCUS_SQLITE_LABEL } from './hocuspocus';

export const stateVector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

/** Fills a room of a server without storage: a client pushes the whole state, then leaves. */
export async function seedReference(t: Target, update: Uint8Array): Promise<string> {
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

/**
 * Fills a room of a server that drops a document with its last connection (Hocuspocus): the
 * pushing client stays connected, idle, as the holder that keeps it loaded. Returns the state
 * vector and the holder.
 */
export async function seedHeld(
  t: Target,
  update: Uint8Array,
): Promise<{ expected: string; holder: Client }> {
  const seed = new Y.Doc();
  Y.applyUpdate(seed, update);
  const expected = stateVector(seed);
  const holder = connect(t, seed);
  await whenSynced(holder);
  const check = connect(t);
  await waitUntil(() => stateVector(check.doc) === expected, `${t.server.label} to hold ${t.room}`);
  check.destroy();
  return { expected, holder };
}

/** Resolves once a server with /healthz holds exactly `rooms` documents in memory. */
export const roomsLoaded = (server: Spawned, rooms: number, what: string) =>
  waitUntil(async () => (await openRooms(server)) === rooms, what, 30_000, 20);

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

export async function join(
  ours: Spawned,
  ref: Spawned,
  oursCold: Spawned,
  hocus: Spawned,
  hocusMemory: Spawned,
  hocusCold: Spawned,
): Promise<BenchResult[]> {
  log('join a 5,000-step map…');
  const file = generateMap({ steps: 5000, seed: 5000 });
  const mapDoc = MapDoc.fromFile(file);
  const update = Y.encodeStateAsUpdate(mapDoc.ydoc);
  mapDoc.destroy();

  const warm = await target(ours, 'ours', '', file);
  const cold = await target(oursCold, 'ours', '', file);
  const refTarget = await target(ref, 'other', 'join-5000');
  const expectedRef = await seedReference(refTarget, update);
  // Hocuspocus keeps a document only while a connection holds it: for warm joins the pushing
  // client stays connected (idle); for cold joins it leaves, so the document is stored by the
  // SQLite extension and unloaded, and every join loads it from the file.
  const hocusTarget = await target(hocus, 'other', 'join-5000');
  const hocusMemoryTarget = await target(hocusMemory, 'other', 'join-5000');
  const hocusColdTarget = await target(hocusCold, 'other', 'join-5000');
  const heldSqlite = await seedHeld(hocusTarget, update);
  const heldMemory = await seedHeld(hocusMemoryTarget, update);
  const expectedHocusCold = await seedReference(hocusColdTarget, update);
  const hocusUnloaded = () => roomsLoaded(hocusCold, 0, 'Hocuspocus to unload the document');
  await hocusUnloaded();
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
  const unloaded = () => roomsLoaded(oursCold, 0, 'the idle room to unload');

  const rounds = 9;
  const coldLabel = `${OUR_LABEL}, room not loaded`;
  const hocusColdLabel = `${HOCUS_SQLITE_LABEL}, document not loaded`;
  const times = (await alternate(
    [
      { label: OUR_LABEL, run: () => joinOnce(warm, expectedWarm) },
      { label: REF_LABEL, run: () => joinOnce(refTarget, expectedRef) },
      {
        label: coldLabel,
        run: async () => {
          await unloaded();
          return joinOnce(cold, expectedCold);
        },
      },
      { label: HOCUS_SQLITE_LABEL, run: () => joinOnce(hocusTarget, heldSqlite.expected) },
      { label: HOCUS_MEMORY_LABEL, run: () => joinOnce(hocusMemoryTarget, heldMemory.expected) },
      {
        label: hocusColdLabel,
        run: async () => {
          await hocusUnloaded();
          return joinOnce(hocusColdTarget, expectedHocusCold);
        },
      },
    ],
    { rounds, warmup: 2 },
  ).finally(() => {
    heldSqlite.holder.destroy();
    heldMemory.holder.destroy();
  })) as number[][];
  const side = (label: string, ms: number[]): SideSummary => ({
    label,
    medianMs: r3(median(ms)),
    details: { fastestMs: r3(Math.min(...ms)), slowestMs: r3(Math.max(...ms)) },
  });
  const [w, r, c, h, m, hc] = times as [number[], number[], number[], number[], number[], number[]];
  const warmSide = side(OUR_LABEL, w);
  const refSide = side(REF_LABEL, r);
  const coldSide = side(coldLabel, c);
  const hocusSide = side(HOCUS_SQLITE_LABEL, h);
  const hocusMemorySide = side(HOCUS_MEMORY_LABEL, m);
  const hocusColdSide = side(hocusColdLabel, hc);
  const mapSize = `${(update.length / MB).toFixed(2)} MiB as a Yjs update`;
  const how =
    `time from creating a stock y-websocket provider (fresh Y.Doc) to its 'sync' event, on a ` +
    `5,000-step map (generateMap({ steps: 5000, seed: 5000 }), ${mapSize}); each join is ` +
    `checked to have received the whole map (state vector), outside the timing. Hocuspocus's ` +
    `clients go through the framing adapter (bench/server/hocuspocus-adapter.ts).`;
  const warmVsRef = warmSide.medianMs / refSide.medianMs;
  return [
    entry({
      name: 'server.join-5000-warm',
      measured:
        `Joining a loaded map: ${how} Ours: the map was created by POST /api/maps with the file ` +
        `and its room is already in memory. Hocuspocus (with SQLite, the ratio; in memory, in ` +
        `details): a client pushed the same map's full state and stays connected, idle, so the ` +
        `document stays loaded. @y/websocket-server (details): a client pushed the state, then ` +
        `left (it keeps documents in memory). Goal: about parity with Hocuspocus, recorded as ` +
        `ratio ≤ 1.1; the earlier goal against @y/websocket-server, ≤ 1.2, is in details.`,
      subject: warmSide,
      reference: hocusSide,
      rounds,
      goal: 1.1,
      details: {
        hocuspocusInMemoryMedianMs: hocusMemorySide.medianMs,
        vsHocuspocusInMemoryRatio: r3(warmSide.medianMs / hocusMemorySide.medianMs),
        yWebsocketServerMedianMs: refSide.medianMs,
        vsYWebsocketServerRatio: r3(warmVsRef),
        vsYWebsocketServerGoal: 1.2,
        vsYWebsocketServerGoalMet: warmVsRef <= 1.2 ? 'met' : 'not met',
      },
    }),
    entry({
      name: 'server.join-5000-cold',
      measured:
        `Joining a map that is not in memory: ${how} Ours: a second server with ` +
        `PROCMAP_IDLE_UNLOAD_MS=20, the room unloaded (saved, compacted, dropped; checked on ` +
        `/healthz) before each join, so the join loads it from SQLite. Hocuspocus: a second ` +
        `process with its SQLite extension; the pushing client left, so Hocuspocus stored the ` +
        `document and unloaded it, and before each join the bench waits until it holds no ` +
        `document (a /healthz the bench's Hocuspocus answers), so each join loads it from the ` +
        `file. Details: both warm joins, and ours / @y/websocket-server's warm join (the old ` +
        `informational ratio: it has no storage, so no cold state).`,
      subject: coldSide,
      reference: hocusColdSide,
      rounds,
      goal: 1,
      details: {
        oursWarmMedianMs: warmSide.medianMs,
        hocuspocusWarmMedianMs: hocusSide.medianMs,
        yWebsocketServerWarmMedianMs: refSide.medianMs,
        vsYWebsocketServerWarmRatio: r3(coldSide.medianMs / refSide.medianMs),
      },
    }),
  ];
}

/* ---------------------------------------------------------------------------------------- */
/* 4. Memory per open idle map                                                                 */
/* ---------------------------------------------------------------------------------------- */
