import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareSimulation } from '@procmap/simulation';

/*
 * Run in a child process with --expose-gc by simulation.memory-1m: simulates CASES cases of the
 * 25-step hospital discharge template in one replication and prints, as JSON, how far the live
 * heap grew above what it was before the run (measured after a collection between slices of
 * the run, so garbage not yet collected does not count), and how long it took. The heap counts
 * the typed arrays' buffers too (they live outside V8's own heap, in `arrayBuffers`).
 */

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const cases = Number(process.argv[2]);
const file = join(import.meta.dirname, '..', '..', 'examples', 'hospital-discharge.procmap.json');
const map = JSON.parse(readFileSync(file, 'utf8'));
gc();
const live = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const before = live();
const started = performance.now();
const prepared = prepareSimulation(map, { cases, replications: 1, warmup: 500, seed: 1 });
if (!prepared.ok) throw new Error(prepared.problems.map((p) => p.message).join('; '));
let peak = 0;
let slices = 0;
while (!prepared.run.done) {
  prepared.run.advance(2_000_000);
  slices++;
  gc();
  peak = Math.max(peak, live() - before);
}
const ms = performance.now() - started;
const result = prepared.run.result();
console.log(
  JSON.stringify({
    cases,
    events: prepared.run.events,
    ms,
    slices,
    heapGrowthMB: peak / 2 ** 20,
    leadTimeMean: result.leadTime.mean,
  }),
);
