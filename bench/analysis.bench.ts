import { analyze } from '@procmap/analysis';
import { generateMap } from '@procmap/test-kit';
import { type BenchResult, compare } from './harness';

/** Analyses run before timing: the analysis is one pass per map, so V8 optimises it late. */
const WARM_UP = 40;

/**
 * The waste analysis of a generated map (decisions and rework loops) against JSON.parse of the
 * same file, and its growth from 5,000 to 10,000 steps (linear would be 2). Both maps are
 * analysed many times first, so the figures are the steady state of a long-lived process
 * (the editor, the server); the first analysis in a fresh process is logged beside them.
 */
export default function analysisBenchmarks(): BenchResult[] {
  const map5k = generateMap({ steps: 5000, seed: 5000 });
  const map10k = generateMap({ steps: 10_000, seed: 5000 });
  const text = JSON.stringify(map5k);
  const loops = (map: typeof map5k) => map.flows.filter((f) => f.label === 'Rework').length;
  const shape = (map: typeof map5k) =>
    `${map.steps.length} steps, ${map.flows.length} flows, ${loops(map)} rework loops`;
  const first = performance.now();
  analyze(map5k);
  const firstMs = performance.now() - first;
  for (let i = 0; i < WARM_UP; i++) {
    analyze(map5k);
    if (i % 2 === 0) analyze(map10k);
  }
  console.log(
    `analysis: first analysis of the 5,000-step map in this process ${firstMs.toFixed(1)} ms`,
  );
  const analyze5k = { label: 'analyze(map), 5,000 steps', run: () => analyze(map5k) };
  return [
    compare({
      name: 'analysis.analyze-5000',
      measured: `Analysing a generated map (${shape(map5k)}; ${(text.length / 1e6).toFixed(2)} MB of JSON): metrics and every rule, against JSON.parse of its file`,
      subject: analyze5k,
      reference: { label: 'JSON.parse of the file', run: () => JSON.parse(text) },
      goal: 2,
    }),
    compare({
      name: 'analysis.scale-10000',
      measured: `Twice the map (${shape(map10k)}) against the 5,000-step analysis: linear growth is 2`,
      subject: { label: 'analyze(map), 10,000 steps', run: () => analyze(map10k) },
      reference: analyze5k,
      goal: 2.5,
    }),
  ];
}
