/*
 * The collaboration server against Hocuspocus 3.4.4 (with its SQLite extension, and in memory),
 * `@y/websocket-server@0.1.1` and, for latency, a plain websocket relay. Every server is its own
 * process on 127.0.0.1; the clients are stock y-websocket providers in this process, so the same
 * client work is in every figure (Hocuspocus's through a framing adapter, no extra hop). The
 * sides take turns round by round (see `alternate`). See docs/benchmarks.md for each entry.
 */

import type { BenchResult } from './harness';
import { type Spawned, startOurs, startReference, startRelay } from './server-fixtures';

import { clusterBenchmarks } from './server/cluster';
import { cpuPerPacedUpdate } from './server/cpu';
import { fanOut } from './server/fanout';
import { startHocuspocus } from './server/hocuspocus';
import { join } from './server/join';
import { latency } from './server/latency';
import { memory } from './server/memory';
import { log, UNTHROTTLED } from './server/common';

/** The collaboration-server benchmarks; every server process is stopped before returning. */
export default async function serverBenchmarks(): Promise<BenchResult[]> {
  process.setMaxListeners(500); // every provider listens for the process's exit
  const started = performance.now();
  const servers = await Promise.all([
    startOurs('ours', { ...UNTHROTTLED, PROCMAP_IDLE_UNLOAD_MS: '600000' }),
    startReference('reference'),
    startRelay('relay'),
    startOurs('ours (cold joins)', { ...UNTHROTTLED, PROCMAP_IDLE_UNLOAD_MS: '20' }),
    startHocuspocus('hocuspocus + sqlite', { sqlite: true }),
    startHocuspocus('hocuspocus (in memory)', { sqlite: false }),
    startHocuspocus('hocuspocus + sqlite (cold joins)', { sqlite: true }),
  ]);
  const [ours, ref, relay, oursCold, hocus, hocusMemory, hocusCold] = servers as [
    Spawned,
    Spawned,
    Spawned,
    Spawned,
    Spawned,
    Spawned,
    Spawned,
  ];
  const results: BenchResult[] = [];
  // BENCH_ONLY=fanout,latency,join,memory,cpu,cluster runs a subset (for trying a change quickly).
  const only = process.env.BENCH_ONLY?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  try {
    if (wanted('fanout')) results.push(await fanOut(ours, ref, hocus, hocusMemory));
    if (wanted('latency')) results.push(...(await latency(ours, ref, relay, hocus, hocusMemory)));
    if (wanted('join')) {
      results.push(...(await join(ours, ref, oursCold, hocus, hocusMemory, hocusCold)));
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  if (wanted('memory')) results.push(await memory());
  if (wanted('cpu')) results.push(await cpuPerPacedUpdate());
  // Several instances on PostgreSQL and Redis, which it starts and stops (skipped without them).
  if (wanted('cluster')) results.push(...(await clusterBenchmarks()));
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return results;
}
