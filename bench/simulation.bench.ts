import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { EventQueue, prepareSimulation } from '@procmap/simulation';
import type { ProcessMap } from '@procmap/model';
import { type BenchResult, entry, median, round3 } from './harness';
import { hasSimPy, runSimPy, SIMPY_MISSING } from './simulation/simpy';

/*
 * The simulation engine (see "Simulation" in docs/benchmarks.md):
 *
 * - simulation.mmc-events: events per second on an M/M/10 queue (60 cases an hour, 8 minutes
 *   each: 80% busy) against the same model in SimPy, the standard process-based simulation
 *   library, and against a floor: the same number of events pushed through the engine's bare
 *   binary heap with no model. Both count two events per case (its arrival and its departure).
 * - simulation.memory-1m: the heap's growth while 1,000,000 cases go through the 25-step hospital
 *   discharge template, against 100,000 cases (memory may grow with the cases, never with the
 *   events).
 *
 *   BENCH_SUITE=simulation BENCH_OUT=bench/results/simulation.json npm run bench
 */

const CASES = 100_000;
const SERVERS = 10;
const SERVICE = 8;
const PER_MINUTE = 1;
const ROUNDS = 7;

/** M/M/10 as a map: a start, one task worked by a pool of ten, an end. */
function mmcMap(): ProcessMap {
  return {
    version: 1,
    id: 'mmc',
    title: 'M/M/10',
    settings: { demand: { count: PER_MINUTE * 60, per: 'hour' } },
    roles: [{ id: 'desk', name: 'Desk', headcount: SERVERS }],
    steps: [
      { id: 'in', kind: 'start', label: 'Arrive', roleId: 'desk' },
      {
        id: 'serve',
        kind: 'task',
        label: 'Serve',
        roleId: 'desk',
        processTime: SERVICE,
        processVariation: { distribution: 'exponential' },
      },
      { id: 'out', kind: 'end', label: 'Leave', roleId: 'desk' },
    ],
    flows: [
      { id: 'f1', from: 'in', to: 'serve' },
      { id: 'f2', from: 'serve', to: 'out' },
    ],
  } as unknown as ProcessMap;
}

/** Erlang C mean time in system of M/M/c, the theory both sides should agree with. */
function erlangTimeInSystem(): number {
  const a = PER_MINUTE * SERVICE;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < SERVERS; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / SERVERS / (1 - a / SERVERS);
  const waits = last / (sum + last);
  return waits / (SERVERS / SERVICE - PER_MINUTE) + SERVICE;
}

function runProcmap(seed: number): { ms: number; events: number; mean: number } {
  const started = performance.now();
  const prepared = prepareSimulation(mmcMap(), { cases: CASES, replications: 1, warmup: 0, seed });
  if (!prepared.ok) throw new Error('the M/M/10 map cannot be simulated');
  while (!prepared.run.done) prepared.run.advance(1_000_000);
  const ms = performance.now() - started;
  return { ms, events: prepared.run.events, mean: prepared.run.result().leadTime.mean };
}

/** The floor: as many events through the bare heap, exponential gaps, no model. */
function runFloor(events: number, seed: number): number {
  const queue = new EventQueue();
  let x = seed >>> 0 || 1;
  let now = 0;
  const started = performance.now();
  // Half pushed ahead (the cases in the system), then one pop and one push per event.
  for (let i = 0; i < 64; i++) queue.push(now + (i % 13), i);
  for (let i = 0; i < events; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    now = queue.peekTime();
    queue.pop();
    queue.push(now - SERVICE * Math.log(((x >>> 0) + 1) / 4294967297), i);
  }
  return performance.now() - started;
}

function mmcEvents(): BenchResult | null {
  if (!hasSimPy()) {
    console.log(`simulation.mmc-events: skipped. ${SIMPY_MISSING}`);
    return null;
  }
  for (let i = 0; i < 2; i++) runProcmap(99);
  const procmap: number[] = [];
  const simpy: number[] = [];
  const floor: number[] = [];
  let events = 0;
  let procmapMean = 0;
  let simpyMean = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const seed = round + 1;
    const ours = runProcmap(seed);
    const theirs = runSimPy(CASES, SERVERS, SERVICE, PER_MINUTE, seed);
    procmap.push(ours.ms);
    simpy.push(theirs.seconds * 1000);
    events = ours.events;
    floor.push(runFloor(events, seed));
    procmapMean += ours.mean / ROUNDS;
    simpyMean += theirs.meanTimeInSystem / ROUNDS;
  }
  const perSecond = (ms: number) => Math.round(events / (ms / 1000));
  const ourMs = median(procmap);
  const theirMs = median(simpy);
  const floorMs = median(floor);
  return entry({
    name: 'simulation.mmc-events',
    measured: `An M/M/10 queue (${CASES.toLocaleString('en')} cases, 80% busy), events per second: procmap's engine against the same model in SimPy 2.3; goal at least 20 times SimPy's events per second (ratio of times ≤ 0.05)`,
    subject: {
      label: 'procmap simulate',
      medianMs: round3(ourMs),
      details: { eventsPerSecond: perSecond(ourMs), meanTimeInSystemMin: round3(procmapMean) },
    },
    reference: {
      label: 'SimPy 2.3 (Debian python3-simpy)',
      medianMs: round3(theirMs),
      details: { eventsPerSecond: perSecond(theirMs), meanTimeInSystemMin: round3(simpyMean) },
    },
    rounds: ROUNDS,
    goal: 0.05,
    details: {
      events,
      speedupOverSimPy: round3(theirMs / ourMs),
      floorMs: round3(floorMs),
      floorEventsPerSecond: perSecond(floorMs),
      timesTheFloor: round3(ourMs / floorMs),
      theoryTimeInSystemMin: round3(erlangTimeInSystem()),
    },
  });
}

interface MemoryRun {
  readonly cases: number;
  readonly events: number;
  readonly ms: number;
  readonly heapGrowthMB: number;
}

function memoryRun(cases: number): MemoryRun {
  const out = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      join(import.meta.dirname, 'simulation', 'memory-run.ts'),
      String(cases),
    ],
    { encoding: 'utf8' },
  );
  if (out.status !== 0) throw new Error(`memory run failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as MemoryRun;
}

function memory1m(): BenchResult {
  const big: MemoryRun[] = [];
  const small: MemoryRun[] = [];
  const rounds = 3;
  for (let round = 0; round < rounds; round++) {
    small.push(memoryRun(100_000));
    big.push(memoryRun(1_000_000));
  }
  const growth = median(big.map((r) => r.heapGrowthMB));
  const smallGrowth = median(small.map((r) => r.heapGrowthMB));
  return entry({
    name: 'simulation.memory-1m',
    measured:
      'Live heap growth while 1,000,000 cases go through the 25-step hospital discharge template (one replication, a collection between slices of the run), against 100,000 cases; goal: at most 64 MB',
    subject: {
      label: '1,000,000 cases',
      medianMs: round3(median(big.map((r) => r.ms))),
      details: { heapGrowthMB: round3(growth), events: big[0]?.events ?? 0 },
    },
    reference: {
      label: '100,000 cases',
      medianMs: round3(median(small.map((r) => r.ms))),
      details: { heapGrowthMB: round3(smallGrowth), events: small[0]?.events ?? 0 },
    },
    rounds,
    goal: 64,
    met: growth <= 64,
    details: {
      heapGrowthMB: round3(growth),
      growthRatioForTenTimesTheCases: round3(growth / smallGrowth),
    },
  });
}

export default function simulationBenchmarks(): BenchResult[] {
  const results: BenchResult[] = [];
  const mmc = mmcEvents();
  if (mmc) results.push(mmc);
  results.push(memory1m());
  return results;
}
