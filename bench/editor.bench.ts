/*
 * The editor in headless Chromium, as users get it: the real server process serving the built
 * web app, maps uploaded through the REST API, real mouse and keyboard input, frame intervals
 * and long tasks measured inside the page. See "Editor in Chromium" in docs/benchmarks.md.
 *
 *   npm run build:web
 *   BENCH_SUITE=editor node --expose-gc --import tsx bench/run.ts
 *
 * BENCH_EDITOR=drag,tidy,crowd,analysis,simulation,compare runs a subset (tidy includes the 5,000-step chain; crowd is
 * the drag with 20 other participants' cursors moving).
 */

import { compareLiveBenchmark } from './editor/compare';
import { crowdDragBenchmark } from './editor/crowd-drag';
import { dragBenchmark } from './editor/drag';
import { liveAnalysisBenchmark } from './editor/live-analysis';
import { ensureWebBuilt, log, startSession } from './editor/session';
import { simulationBenchmark } from './editor/simulation';
import { tidyBenchmarks } from './editor/tidy';
import type { BenchResult } from './harness';

export default async function editorBenchmarks(): Promise<BenchResult[]> {
  const started = performance.now();
  ensureWebBuilt();
  const only = process.env.BENCH_EDITOR?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  const session = await startSession();
  // Ctrl+C during a run still stops the browser and the server.
  const onSignal = () => {
    void session.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const results: BenchResult[] = [];
  try {
    if (wanted('drag')) results.push(await dragBenchmark(session));
    if (wanted('tidy')) results.push(...(await tidyBenchmarks(session)));
    if (wanted('crowd')) results.push(await crowdDragBenchmark(session));
    if (wanted('analysis')) results.push(await liveAnalysisBenchmark(session));
    if (wanted('simulation')) results.push(await simulationBenchmark(session));
    if (wanted('compare')) results.push(await compareLiveBenchmark(session));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await session.close();
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return results;
}
