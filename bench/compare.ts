import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult } from './harness';
import { median } from './harness';

/*
 * Before and after a change, side by side: the benchmark suites of two checkouts (an older
 * commit checked out with its own dependencies, and this one) run in turn, round after round,
 * so the machine's noise falls on both alike. For each entry it reports both medians and the
 * change, and both ratios to the entry's own reference (the reference runs in the same process
 * as its subject, so the ratio is the steadier figure on a busy machine).
 *
 *   BENCH_BASE=<checkout of the old commit> BENCH_SUITES=analysis,export,doc-load \
 *   BENCH_ROUNDS=3 BENCH_OUT=bench/results/<name>.json npm run bench:compare
 */

interface Side {
  readonly medianMs: number;
  readonly ratio: number;
}

interface Entry {
  readonly name: string;
  readonly before: Side;
  readonly after: Side;
  /** after / before of the medians, minus 1: +0.05 is 5% slower. */
  readonly change: number;
  /** after / before of the ratios to the reference, minus 1. */
  readonly ratioChange: number;
}

const base = process.env.BENCH_BASE;
if (!base) throw new Error('BENCH_BASE must name a checkout of the commit to compare with');
const head = resolve(import.meta.dirname, '..');
const suites = (process.env.BENCH_SUITES ?? 'analysis,export,doc-load').split(',');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const out = resolve(process.env.BENCH_OUT ?? join(head, 'bench-compare.json'));
const scratch = mkdtempSync(join(tmpdir(), 'bench-compare-'));

/** One run of one suite in one checkout; its entries by name. */
function runSuite(root: string, suite: string, tag: string): BenchResult[] {
  const file = join(scratch, `${tag}-${suite}.json`);
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'bench', 'run.ts')],
    {
      cwd: root,
      env: { ...process.env, BENCH_SUITE: suite, BENCH_OUT: file },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (run.status !== 0) throw new Error(`${suite} in ${root} failed (exit ${run.status})`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { results: BenchResult[] }).results;
}

const runs = new Map<string, { before: BenchResult[]; after: BenchResult[] }>();
for (let round = 0; round < rounds; round++) {
  for (const suite of suites) {
    // Alternate which side goes first, so neither always runs on a warmer (or hotter) machine.
    const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const side of order) {
      console.log(`round ${round + 1}/${rounds}: ${suite}, ${side}`);
      for (const result of runSuite(side === 'before' ? base : head, suite, `${side}-${round}`)) {
        const slot = runs.get(result.name) ?? { before: [], after: [] };
        slot[side].push(result);
        runs.set(result.name, slot);
      }
    }
  }
}

const summary = (results: readonly BenchResult[]): Side => ({
  medianMs: median(results.map((r) => r.subject.medianMs)),
  ratio: median(results.map((r) => r.ratio)),
});
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const entries: Entry[] = [];
for (const [name, { before, after }] of runs) {
  if (before.length === 0 || after.length === 0) continue; // an entry only one side has
  const b = summary(before);
  const a = summary(after);
  entries.push({
    name,
    before: b,
    after: a,
    change: round3(a.medianMs / b.medianMs - 1),
    ratioChange: round3(a.ratio / b.ratio - 1),
  });
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
  console.log(
    `${name}: ${b.medianMs} → ${a.medianMs} ms (${pct(a.medianMs / b.medianMs - 1)}); ratio ${b.ratio} → ${a.ratio} (${pct(a.ratio / b.ratio - 1)})`,
  );
}
const meta = { node: process.version, platform: `${process.platform}-${process.arch}`, rounds };
writeFileSync(out, `${JSON.stringify({ ...meta, suites, entries }, null, 2)}\n`);
console.log(`wrote ${out}`);
