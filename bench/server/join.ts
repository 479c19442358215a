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

export async function join(ours: Spawned, ref: Spawned, oursCold: Spawned): Promise<BenchResult[]> {
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
