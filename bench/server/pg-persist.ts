import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { alternate, type BenchResult, entry, median, type SideSummary } from '../harness';
import {
  type Client,
  connect,
  type Spawned,
  sleep,
  startOurs,
  waitUntil,
} from '../server-fixtures';

import { cpuMsBetween, cpuOf } from './cpu';
import { destroyAll, log, OUR_LABEL, r3, target, UNTHROTTLED } from './common';

/*
 * Updates stored durably per second, our server on PostgreSQL (fsync on, synchronous_commit on:
 * a commit is on disk before "saved") against the same server on SQLite as it ships (WAL,
 * synchronous=FULL), under the same workload: CLIENTS stock clients making small edits as fast
 * as each may — at most WINDOW of its edits not yet acknowledged as saved — for WINDOW_MS. The
 * entry's figures: each client on a map of its own (a server holding many maps, each written on
 * its own); the same clients all on one map (one write in flight at a time) are in details. A
 * client counts its edits the server said are on disk (the "saved" extension, message type
 * 100); the server's own count (`procmap_persisted_updates_total` from GET /metrics) is
 * reported beside it.
 */

const CLIENTS = 10;
/**
 * Enough of a client's edits in flight that its map's queue is rarely empty while a write is on
 * its way (with 1, a client waits a whole round trip and commit per edit); the run shows how
 * near the processors the rate then is (serverCpuCores, clientCpuCores in details).
 */
const WINDOW = 16;
const WINDOW_MS = 3000;
const ROUNDS = 7;
const THROUGHPUT_GOAL = 0.5;
/** Message type of the "saved" extension: the server's durable state vector. */
const SAVED = 100;

export const PG_LABEL = 'procmap server (PostgreSQL 15, fsync on, synchronous_commit on)';

/** A stock client that also asks for "saved" and counts its own edits the server stored. */
interface Writer {
  readonly client: Client;
  readonly key: string;
  made: number;
  /** Its own edits the server said are on disk (its clock in the saved state vector). */
  durable: number;
  /** Called when a "saved" arrives (the edit loop refills its window). */
  onSaved: () => void;
}

function writer(server: Spawned, room: string, token: string, key: string): Writer {
  const client = connect({ server, room, token });
  const w: Writer = { client, key, made: 0, durable: 0, onSaved: () => undefined };
  const { provider, doc } = client;
  provider.messageHandlers[SAVED] = (_encoder, decoder) => {
    const saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    w.durable = saved.get(doc.clientID) ?? 0;
    w.onSaved();
  };
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, SAVED);
    provider.ws?.send(encoding.toUint8Array(e));
  });
  return w;
}

/** One small edit: a field of the map's `meta` set to a new number (one item, clock + 1). */
function edit(w: Writer): void {
  w.made += 1;
  w.client.doc.getMap<unknown>('meta').set(w.key, w.made);
}

/** procmap_persisted_updates_total of a server now. */
async function persistedTotal(server: Spawned): Promise<number> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const value = text.match(/^procmap_persisted_updates_total(?:\{[^}]*\})? (\S+)$/m)?.[1];
  if (value === undefined) throw new Error(`${server.label}: no procmap_persisted_updates_total`);
  return Number(value);
}

/** The pid of the PostgreSQL server listening on `port`, found in /proc; undefined if none. */
function postmasterOn(port: number): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      const p = argv.indexOf('-p');
      if (argv[0]?.endsWith('postgres') && p > 0 && argv[p + 1] === String(port)) {
        return Number(name);
      }
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/**
 * CPU ns so far of a PostgreSQL server: the postmaster and its live children (the backends
 * serving our pool, the WAL writer, the checkpointer…). A child that ended in the meantime
 * takes its time with it (an autovacuum worker, say), so this errs low.
 */
function postgresCpuNs(postmaster: number): number {
  let ns = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster || Number(name) === postmaster) ns += cpuOf(Number(name)).ns;
    } catch {
      // the process ended while we looked
    }
  }
  return ns;
}

interface Round {
  /** Edits acknowledged as saved within the window, per second. */
  readonly ackedPerSecond: number;
  /** The server's count of updates stored within the window, per second. */
  readonly storedPerSecond: number;
  /** The server process's CPU time (every thread) over the window, in cores. */
  readonly serverCores: number;
  /** This process's (the clients') CPU time over the window, in cores. */
  readonly clientCores: number;
  /** PostgreSQL's CPU time over the window, in cores (0 for SQLite: it is in the server's). */
  readonly storeCores: number;
}

async function persistRound(
  server: Spawned,
  writers: readonly Writer[],
  postmaster?: number,
): Promise<Round> {
  let running = true;
  const pump = (w: Writer) => {
    while (running && w.made - w.durable < WINDOW) edit(w);
  };
  const before = await persistedTotal(server);
  const ackedBefore = writers.map((w) => w.durable);
  const cpu0 = cpuOf(server.pid);
  const own0 = process.cpuUsage();
  const store0 = postmaster ? postgresCpuNs(postmaster) : 0;
  const t0 = performance.now();
  for (const w of writers) {
    w.onSaved = () => pump(w);
    pump(w);
  }
  await sleep(WINDOW_MS);
  const acked = writers.reduce((n, w, i) => n + w.durable - (ackedBefore[i] as number), 0);
  const ms = performance.now() - t0;
  const own = process.cpuUsage(own0);
  const serverMs = cpuMsBetween(cpu0, cpuOf(server.pid));
  const storeMs = postmaster ? (postgresCpuNs(postmaster) - store0) / 1e6 : 0;
  running = false;
  // Read just after the window: the server's count runs a little above the clients', never below
  // (it counts a write before the "saved" that reports it goes out).
  const after = await persistedTotal(server);
  if (after - before < acked) {
    throw new Error(`${server.label}: ${acked} edits acknowledged, ${after - before} stored`);
  }
  // Everything made is saved before the other side's round starts, so it runs on a quiet server.
  await waitUntil(
    () => writers.every((w) => w.durable >= w.made),
    `${server.label}: every edit saved after the round`,
  );
  return {
    ackedPerSecond: (acked * 1000) / ms,
    storedPerSecond: ((after - before) * 1000) / ms,
    serverCores: serverMs / ms,
    clientCores: (own.user + own.system) / 1000 / ms,
    storeCores: storeMs / ms,
  };
}

function persistSide(label: string, rounds: readonly Round[]): SideSummary {
  const rate = median(rounds.map((r) => r.ackedPerSecond));
  return {
    label,
    // Time per 1,000 updates stored, so that lower is better as in every other entry.
    medianMs: r3(1_000_000 / rate),
    details: {
      ackedUpdatesPerSecond: r3(rate),
      storedUpdatesPerSecond: r3(median(rounds.map((r) => r.storedPerSecond))),
      minAckedUpdatesPerSecond: r3(Math.min(...rounds.map((r) => r.ackedPerSecond))),
      maxAckedUpdatesPerSecond: r3(Math.max(...rounds.map((r) => r.ackedPerSecond))),
      serverCpuCores: r3(median(rounds.map((r) => r.serverCores))),
      clientCpuCores: r3(median(rounds.map((r) => r.clientCores))),
      ...(rounds.some((r) => r.storeCores > 0)
        ? { postgresCpuCores: r3(median(rounds.map((r) => r.storeCores))) }
        : {}),
    },
  };
}

/** CLIENTS writers on `maps` new maps of the server (client i on map i mod maps). */
async function openWriters(server: Spawned, maps: number): Promise<Writer[]> {
  const created = await Promise.all(Array.from({ length: maps }, () => target(server, 'ours', '')));
  const writers = Array.from({ length: CLIENTS }, (_, i) => {
    const t = created[i % maps] as { room: string; token: string };
    return writer(server, t.room, t.token, `persist-${i}`);
  });
  await waitUntil(
    () => writers.every((w) => w.client.provider.synced),
    `${server.label}: writers synced`,
  );
  return writers;
}

/**
 * The entry. `databaseUrl`: an empty database for the PostgreSQL side; `port`: where that
 * PostgreSQL listens (to find its processes and read their CPU time).
 */
export async function pgPersist(databaseUrl: string, port: number): Promise<BenchResult> {
  log(`persisted updates per second, PostgreSQL against SQLite (${CLIENTS} clients)…`);
  // Commits as fast as each store takes them (no commit gap): this entry measures the stores, and
  // its clients wait for "saved" before sending more, which the gap would make one commit a second.
  const env = { ...UNTHROTTLED, PROCMAP_IDLE_UNLOAD_MS: '600000', PROCMAP_COMMIT_GAP_MS: '0' };
  const [pg, sqlite] = await Promise.all([
    startOurs(PG_LABEL, { ...env, PROCMAP_DATABASE_URL: databaseUrl }),
    startOurs(OUR_LABEL, env),
  ]);
  const all: Writer[] = [];
  const open = async (server: Spawned, maps: number) => {
    const writers = await openWriters(server, maps);
    all.push(...writers);
    return writers;
  };
  try {
    const own = { pg: await open(pg, CLIENTS), sqlite: await open(sqlite, CLIENTS) };
    const one = { pg: await open(pg, 1), sqlite: await open(sqlite, 1) };
    const postmaster = postmasterOn(port);
    if (!postmaster) log(`no PostgreSQL process found on port ${port}: its CPU is not reported`);
    const side = (label: string, server: Spawned, writers: readonly Writer[]) => ({
      label,
      run: () => persistRound(server, writers, server === pg ? postmaster : undefined),
    });
    const [p, s, p1, s1] = (await alternate(
      [
        side(PG_LABEL, pg, own.pg),
        side(OUR_LABEL, sqlite, own.sqlite),
        side(`${PG_LABEL}, one map`, pg, one.pg),
        side(`${OUR_LABEL}, one map`, sqlite, one.sqlite),
      ],
      { rounds: ROUNDS, warmup: 1 },
    )) as [Round[], Round[], Round[], Round[]];
    const subject = persistSide(PG_LABEL, p);
    const reference = persistSide(OUR_LABEL, s);
    const pgOne = persistSide(PG_LABEL, p1);
    const sqliteOne = persistSide(OUR_LABEL, s1);
    const rate = (x: SideSummary) => x.details?.ackedUpdatesPerSecond as number;
    return entry({
      name: 'server.pg-persist',
      measured:
        `Updates stored durably per second, our server on PostgreSQL 15 (a cluster of its own ` +
        `on this machine's disk, fsync and synchronous_commit on) against it on SQLite as ` +
        `shipped (WAL, synchronous=FULL), same workload: ${CLIENTS} stock y-websocket clients, ` +
        `each on a map of its own, each setting a field of its map's meta as fast as it may ` +
        `with at most ${WINDOW} of its edits not yet acknowledged as saved (message type 100), ` +
        `for ${WINDOW_MS / 1000} s; a round counts the edits acknowledged in that time, then ` +
        `waits until all are saved. Rate limits lifted. ${ROUNDS} rounds after 1 warm-up, ` +
        `sides taking turns with the same ${CLIENTS} clients all on one map (details: ` +
        `oneMap*). medianMs is ms per 1,000 stored updates (lower is better), so ratio = ` +
        `SQLite's rate / PostgreSQL's, goal ≤ ${1 / THROUGHPUT_GOAL}; throughputRatio ` +
        `(PostgreSQL / SQLite, goal ≥ ${THROUGHPUT_GOAL}) is in details. Each side's ` +
        `storedUpdatesPerSecond is the server's own procmap_persisted_updates_total.`,
      subject,
      reference,
      rounds: ROUNDS,
      goal: 1 / THROUGHPUT_GOAL,
      details: {
        throughputRatio: r3(rate(subject) / rate(reference)),
        throughputGoal: THROUGHPUT_GOAL,
        oneMapPgUpdatesPerSecond: rate(pgOne),
        oneMapSqliteUpdatesPerSecond: rate(sqliteOne),
        oneMapThroughputRatio: r3(rate(pgOne) / rate(sqliteOne)),
        loadAverage1m: r3(loadavg()[0] as number),
      },
    });
  } finally {
    destroyAll(all.map((w) => w.client));
    await Promise.all([pg.stop(), sqlite.stop()]);
  }
}
