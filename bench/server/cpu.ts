import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { MapDoc } from '@procmap/doc';
import { generateMap } from '@procmap/test-kit';
import * as Y from 'yjs';
import { alternate, type BenchResult, entry, median, type SideSummary } from '../harness';
import {
  type Client,
  connect,
  type Spawned,
  sleep,
  startOurs,
  type Target,
  waitUntil,
  whenSynced,
} from '../server-fixtures';

import { destroyAll, log, OUR_LABEL, r3, target } from './common';
import { HOCUS_SQLITE_LABEL, startHocuspocus } from './hocuspocus';
import { roomsLoaded, seedReference } from './join';

/*
 * 5. Server CPU per update when updates come one at a time, as they do when people edit: the
 * work a server spends on each small edit, not its throughput in a burst.
 */

const UPDATES = 500;
const EVERY_MS = 20;
/** Long enough for Hocuspocus's debounced store (2 s after the last update) to run inside. */
const SETTLE_MS = 2500;
const IDLE_MS = 3000;
const ROUNDS = 3;
/**
 * Rounds each side runs before the measured ones: V8 compiles a server's hot code over its
 * first thousand or so updates, on background threads this measure counts. The figure is
 * per update in a server that has been running a while; the first round's, the start cost,
 * is kept in the details.
 */
const WARMUP = 3;
const STEPS = 1000;
const CPU_GOAL = 1;

const TICK_MS = (() => {
  const hz = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout);
  return 1000 / (Number.isFinite(hz) && hz > 0 ? hz : 100);
})();

interface CpuReading {
  /** Sum of every thread's time on a CPU (/proc/<pid>/task/<tid>/schedstat), in ns. */
  readonly ns: number;
  readonly threads: readonly string[];
  /** utime + stime of /proc/<pid>/stat, whole process, dead threads included; ticks. */
  readonly ticksMs: number;
  /** stime alone: time in the kernel (socket writes, fsync's work). */
  readonly systemMs: number;
}

/** The server process's CPU time so far, read from outside (the process does nothing for it). */
export function cpuOf(pid: number): CpuReading {
  let ns = 0;
  const threads = readdirSync(`/proc/${pid}/task`);
  for (const tid of threads) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // the thread ended between listing and reading; the tick figure below still counts it
    }
  }
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const systemMs = Number(fields[12]) * TICK_MS;
  const ticksMs = Number(fields[11]) * TICK_MS + systemMs;
  return { ns, threads, ticksMs, systemMs };
}

/**
 * CPU ms between two readings: the threads' ns sum (exact), unless a thread of the first
 * reading is gone — its time would drop out of the sum — then the coarser tick count.
 */
export function cpuMsBetween(a: CpuReading, b: CpuReading): number {
  const alive = new Set(b.threads);
  if (a.threads.every((t) => alive.has(t))) return (b.ns - a.ns) / 1e6;
  return b.ticksMs - a.ticksMs;
}

interface Round {
  /** CPU ms per update, idle CPU over the same time taken off. */
  readonly perUpdateMs: number;
  /** The same from /proc/<pid>/stat ticks (10 ms resolution), as a check. */
  readonly perUpdateTicksMs: number;
  /** The kernel's part of the tick figure. */
  readonly perUpdateSystemMs: number;
  readonly idleMsPerSecond: number;
  readonly busyMs: number;
  readonly windowMs: number;
}

interface Pair {
  readonly server: Spawned;
  readonly writer: Client;
  readonly reader: Client;
}

/**
 * One round: IDLE_MS with both clients connected and quiet (the idle rate: timers, pings), then
 * UPDATES edits from the writer, one every EVERY_MS on a fixed schedule, the reader receiving
 * them; the window closes SETTLE_MS after the reader holds the last one.
 */
async function cpuRound(pair: Pair, round: number): Promise<Round> {
  const { pid } = pair.server;
  const idleStart = cpuOf(pid);
  const idleT0 = performance.now();
  await sleep(IDLE_MS);
  const idleEnd = cpuOf(pid);
  const idleElapsed = performance.now() - idleT0;
  const idleMs = cpuMsBetween(idleStart, idleEnd);
  const idleTicks = idleEnd.ticksMs - idleStart.ticksMs;
  const idleSystem = idleEnd.systemMs - idleStart.systemMs;

  const meta = pair.writer.doc.getMap<unknown>('meta');
  const seen = pair.reader.doc.getMap<unknown>('meta');
  const last = (round + 1) * UPDATES - 1;
  const start = cpuOf(pid);
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    const due = t0 + i * EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    meta.set('cpu', round * UPDATES + i);
  }
  await waitUntil(() => seen.get('cpu') === last, `the reader to get update ${last}`, 30_000, 2);
  await sleep(SETTLE_MS);
  const end = cpuOf(pid);
  const windowMs = performance.now() - t0;
  const busyMs = cpuMsBetween(start, end);
  const idleRate = idleMs / idleElapsed;
  return {
    perUpdateMs: (busyMs - idleRate * windowMs) / UPDATES,
    perUpdateTicksMs:
      (end.ticksMs - start.ticksMs - (idleTicks / idleElapsed) * windowMs) / UPDATES,
    perUpdateSystemMs:
      (end.systemMs - start.systemMs - (idleSystem / idleElapsed) * windowMs) / UPDATES,
    idleMsPerSecond: idleRate * 1000,
    busyMs,
    windowMs,
  };
}

async function openPair(server: Spawned, t: Target): Promise<Pair> {
  const writer = connect(t);
  const reader = connect(t);
  await Promise.all([whenSynced(writer), whenSynced(reader)]);
  return { server, writer, reader };
}

function side(label: string, rounds: Round[]): SideSummary {
  const m = (f: (r: Round) => number) => r3(median(rounds.map(f)));
  return {
    label,
    medianMs: r3(median(rounds.map((r) => r.perUpdateMs))),
    details: {
      cpuMsPerUpdateFromTicks: m((r) => r.perUpdateTicksMs),
      systemCpuMsPerUpdateFromTicks: m((r) => r.perUpdateSystemMs),
      idleCpuMsPerSecond: m((r) => r.idleMsPerSecond),
      busyCpuMsPerRound: m((r) => r.busyMs),
      windowMs: m((r) => r.windowMs),
      fewestMsPerUpdate: r3(Math.min(...rounds.map((r) => r.perUpdateMs))),
      mostMsPerUpdate: r3(Math.max(...rounds.map((r) => r.perUpdateMs))),
    },
  };
}

export async function cpuPerPacedUpdate(): Promise<BenchResult> {
  log(`CPU per paced update: ${UPDATES} updates, one every ${EVERY_MS} ms…`);
  const file = generateMap({ steps: STEPS, seed: 2000 });
  const mapDoc = MapDoc.fromFile(file);
  const update = Y.encodeStateAsUpdate(mapDoc.ydoc);
  mapDoc.destroy();

  // Fresh processes with their default settings, as users run them.
  const ours = await startOurs('ours (cpu)');
  const hocus = await startHocuspocus('hocuspocus + sqlite (cpu)', { sqlite: true });
  const pairs: Pair[] = [];
  try {
    // Both load the map from their SQLite file when the two clients connect: ours had it
    // created by POST /api/maps; Hocuspocus stored it after a client pushed it and left.
    pairs.push(await openPair(ours, await target(ours, 'ours', '', file)));
    const hocusTarget = await target(hocus, 'other', 'cpu');
    await seedReference(hocusTarget, update);
    await roomsLoaded(hocus, 0, 'Hocuspocus to store and unload the map');
    pairs.push(await openPair(hocus, hocusTarget));
    const first: Round[] = [];
    const run = (pair: Pair, k: number) => async (round: number) => {
      const result = await cpuRound(pair, round);
      if (round === 0) first[k] = result;
      return result;
    };
    const [o, h] = (await alternate(
      [
        { label: OUR_LABEL, run: run(pairs[0] as Pair, 0) },
        { label: HOCUS_SQLITE_LABEL, run: run(pairs[1] as Pair, 1) },
      ],
      { rounds: ROUNDS, warmup: WARMUP },
    )) as [Round[], Round[]];
    const subject = side(OUR_LABEL, o);
    const reference = side(HOCUS_SQLITE_LABEL, h);
    return entry({
      name: 'server.cpu-per-paced-update',
      measured:
        `Server CPU time per update when updates arrive one by one: two stock y-websocket ` +
        `clients on one ${STEPS}-step map (generateMap({ steps: ${STEPS}, seed: 2000 }), loaded ` +
        `from each server's SQLite file); one sets a field of the map's meta every ${EVERY_MS} ms, ` +
        `${UPDATES} times, the other receives them. Fresh server processes with default ` +
        `settings: ours (its rate limits do not bite at ${1000 / EVERY_MS} messages a second), ` +
        `and Hocuspocus 3.4.4 with its SQLite extension (debounce 2 s, maxDebounce 10 s: it ` +
        `stores the whole document about twice a round, and acknowledges nothing as saved; ` +
        `its clients go through bench/server/hocuspocus-adapter.ts). Server CPU is the sum of ` +
        `the process's threads' time on a CPU (/proc/<pid>/task/*/schedstat, read from the ` +
        `bench: main thread, SQLite worker or thread pool, GC), from the first update until ` +
        `${SETTLE_MS} ms after the reader holds the last (so a debounced store falls inside). ` +
        `The idle rate, measured for ${IDLE_MS} ms just before with both clients connected ` +
        `and quiet, times that window is taken off; the rest / ${UPDATES} is one round's ` +
        `figure. medianMs is the median over ${ROUNDS} rounds (after ${WARMUP} warm-up rounds each, ${WARMUP * UPDATES} updates: V8 compiles a server's hot code over its first thousand or so updates, on background threads counted here; the first round's figures are in the details as the start cost), ` +
        `sides alternating; ratio = ours / Hocuspocus. Details: the same from the coarser ` +
        `utime + stime of /proc/<pid>/stat (a check), and stime alone, the kernel's part.`,
      subject,
      reference,
      rounds: ROUNDS,
      goal: CPU_GOAL,
      details: {
        ticksRatio: r3(
          (subject.details?.cpuMsPerUpdateFromTicks as number) /
            (reference.details?.cpuMsPerUpdateFromTicks as number),
        ),
        // The start cost: each side's first round after it loaded the map.
        firstRoundMsPerUpdate: r3(first[0]?.perUpdateMs ?? Number.NaN),
        referenceFirstRoundMsPerUpdate: r3(first[1]?.perUpdateMs ?? Number.NaN),
        firstRoundRatio: r3(
          (first[0]?.perUpdateMs ?? Number.NaN) / (first[1]?.perUpdateMs ?? Number.NaN),
        ),
      },
    });
  } finally {
    for (const p of pairs) destroyAll([p.writer, p.reader]);
    await Promise.all([ours.stop(), hocus.stop()]);
  }
}
