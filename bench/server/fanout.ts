import type * as Y from 'yjs';
import { alternate, type BenchResult, entry, median, type SideSummary } from '../harness';
import type { Client, Spawned } from '../server-fixtures';
import { HOCUS_MEMORY_LABEL, HOCUS_SQLITE_LABEL } from './hocuspocus';

import {
  destroyAll,
  log,
  OUR_LABEL,
  openClients,
  r3,
  REF_LABEL,
  target,
  UNTHROTTLED,
} from './common';

const FAN_CLIENTS = 30;
const FAN_WRITERS = 5;
const FAN_PER_WRITER = 200;

/**
 * One round: each writer sets its own field of the map's `meta` FAN_PER_WRITER times, one
 * transaction (one websocket message) each, interleaved, in one synchronous burst; the round
 * ends when every one of the clients holds every writer's last value. (Fields of `meta`, as a
 * client may add no top-level types to a map; overwritten, so the map stays its usual size and
 * the check of the map's own fields stays as cheap as on a real map.) Returns the elapsed
 * milliseconds.
 */
function fanOutRound(clients: readonly Client[], round: number): Promise<number> {
  const prefix = `r${round}:`;
  const last = `${prefix}${FAN_PER_WRITER - 1}`;
  const field = (w: number) => `fanout-${w}`;
  return new Promise((resolve, reject) => {
    let unfinished = clients.length;
    const start = performance.now();
    const observing = new Map<Y.Map<unknown>, () => void>();
    const stopObserving = () => {
      for (const [map, observer] of observing) map.unobserve(observer);
      observing.clear();
    };
    const timer = setTimeout(() => {
      stopObserving();
      reject(new Error(`fan-out round ${round} timed out`));
    }, 60_000);
    for (const client of clients) {
      const map = client.doc.getMap<unknown>('meta');
      const observer = () => {
        for (let w = 0; w < FAN_WRITERS; w++) if (map.get(field(w)) !== last) return;
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
        (clients[w] as Client).doc.getMap<unknown>('meta').set(field(w), `${prefix}${j}`);
      }
    }
  });
}

export async function fanOut(
  ours: Spawned,
  ref: Spawned,
  hocus: Spawned,
  hocusMemory: Spawned,
): Promise<BenchResult> {
  log(`fan-out: ${FAN_CLIENTS} clients per server…`);
  const rooms = [
    { label: OUR_LABEL, clients: await openClients(await target(ours, 'ours', ''), FAN_CLIENTS) },
    {
      label: HOCUS_SQLITE_LABEL,
      clients: await openClients(await target(hocus, 'other', 'fanout'), FAN_CLIENTS),
    },
    {
      label: HOCUS_MEMORY_LABEL,
      clients: await openClients(await target(hocusMemory, 'other', 'fanout'), FAN_CLIENTS),
    },
    {
      label: REF_LABEL,
      clients: await openClients(await target(ref, 'other', 'fanout'), FAN_CLIENTS),
    },
  ];
  const rounds = 15;
  try {
    const times = await alternate(
      rooms.map((r) => ({ label: r.label, run: (round: number) => fanOutRound(r.clients, round) })),
      { rounds, warmup: 2 },
    );
    const total = FAN_WRITERS * FAN_PER_WRITER;
    const side = (i: number): SideSummary => {
      const ms = times[i] as number[];
      const m = median(ms);
      return {
        label: (rooms[i] as { label: string }).label,
        medianMs: r3(m),
        details: {
          updatesPerSecond: Math.round(total / (m / 1000)),
          deliveriesPerSecond: Math.round((total * FAN_CLIENTS) / (m / 1000)),
          fastestMs: r3(Math.min(...ms)),
          slowestMs: r3(Math.max(...ms)),
        },
      };
    };
    const [subject, hocusSide, hocusMemorySide, reference] = [0, 1, 2, 3].map(side) as [
      SideSummary,
      SideSummary,
      SideSummary,
      SideSummary,
    ];
    return entry({
      name: 'server.fanout-30-clients',
      measured:
        `Update fan-out: ${FAN_CLIENTS} stock y-websocket clients on one map; ${FAN_WRITERS} of them ` +
        `each set their own field of the map's meta ${FAN_PER_WRITER} times (one update message each, all sent at once), ` +
        `and the time runs until all ${FAN_CLIENTS} clients hold all ${total} updates. medianMs is ` +
        `that time; ratio = ours / Hocuspocus with its SQLite extension, so ratio < 1 means ` +
        `throughput above Hocuspocus's (throughputRatio = Hocuspocus / ours time). The same ` +
        `rounds ran on Hocuspocus in memory and on @y/websocket-server (in details: their ` +
        `medians, and ours / theirs). Our server runs with ` +
        `PROCMAP_MESSAGES_PER_SECOND=${UNTHROTTLED.PROCMAP_MESSAGES_PER_SECOND} and ` +
        `PROCMAP_MESSAGE_BURST=${UNTHROTTLED.PROCMAP_MESSAGE_BURST} so its per-connection rate ` +
        `limit does not throttle the burst; it validates, applies, persists (SQLite, fsync) and ` +
        `relays every update. Hocuspocus and @y/websocket-server echo each update to its sender ` +
        `as well, and Hocuspocus answers each with a SyncStatus message; Hocuspocus's clients ` +
        `go through the framing adapter (bench/server/hocuspocus-adapter.ts).`,
      subject,
      reference: hocusSide,
      rounds,
      goal: 1,
      details: {
        throughputRatio: r3(hocusSide.medianMs / subject.medianMs),
        hocuspocusInMemoryMedianMs: hocusMemorySide.medianMs,
        vsHocuspocusInMemoryRatio: r3(subject.medianMs / hocusMemorySide.medianMs),
        yWebsocketServerMedianMs: reference.medianMs,
        vsYWebsocketServerRatio: r3(subject.medianMs / reference.medianMs),
        throughputRatioVsYWebsocketServer: r3(reference.medianMs / subject.medianMs),
        updatesPerRound: total,
      },
    });
  } finally {
    for (const r of rooms) destroyAll(r.clients);
  }
}

/* ---------------------------------------------------------------------------------------- */
/* 2. Convergence latency                                                                      */
/* ---------------------------------------------------------------------------------------- */
