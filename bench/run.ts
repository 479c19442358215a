import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchResult } from './harness';

/**
 * Runs every benchmark suite — each `bench/*.bench.ts` file, whose default export returns its
 * results — and writes bench-results.json at the repo root.
 */
type Suite = () => BenchResult[] | Promise<BenchResult[]>;

// BENCH_ONLY (see server.bench.ts) runs only the server suite and writes no results file;
// BENCH_SUITE=<name> runs the one suite `<name>.bench.ts`, also without writing the file.
const only = process.env.BENCH_ONLY !== undefined ? 'server' : process.env.BENCH_SUITE;
const partial = only !== undefined;
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !partial || f === `${only}.bench.ts`)
  .sort();
if (files.length === 0) throw new Error(`no benchmark suite named ${only}`);
const suites: Suite[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as {
    default: Suite;
  };
  suites.push(mod.default);
}

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
// BENCH_OUT=<file> writes a partial run's results there (a full run writes bench-results.json).
const named = process.env.BENCH_OUT;
if (partial && !named) process.exit(0);
const out = named ? resolve(named) : join(import.meta.dirname, '..', 'bench-results.json');
const meta = {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  gcBetweenRuns: typeof (globalThis as { gc?: unknown }).gc === 'function',
};
writeFileSync(out, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
console.log(`wrote ${out}`);
