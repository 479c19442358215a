import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docLoadBenchmarks } from './doc-load.bench';
import type { BenchResult } from './harness';
import { serverBenchmarks } from './server.bench';

/** Runs every benchmark and writes bench-results.json at the repo root. */
const all: readonly (() => BenchResult[] | Promise<BenchResult[]>)[] = [
  docLoadBenchmarks,
  serverBenchmarks,
];
// BENCH_ONLY (see server.bench.ts) skips the document benchmarks and the results file.
const partial = process.env.BENCH_ONLY !== undefined;
const suites = partial ? [serverBenchmarks] : all;

const results: BenchResult[] = [];
for (const suite of suites) {
  for (const result of await suite()) {
    results.push(result);
    const goal =
      result.goal === null ? '' : ` (goal ≤ ${result.goal}: ${result.met ? 'met' : 'NOT met'})`;
    console.log(
      `${result.name}: ${result.subject.medianMs} ms vs ${result.reference.medianMs} ms → ratio ${result.ratio}${goal}`,
    );
  }
}
if (partial) process.exit(0);
const out = join(import.meta.dirname, '..', 'bench-results.json');
const meta = {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  gcBetweenRuns: typeof (globalThis as { gc?: unknown }).gc === 'function',
};
writeFileSync(out, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
console.log(`wrote ${out}`);
