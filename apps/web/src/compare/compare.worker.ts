/// <reference lib="webworker" />
import { prepareComparisonRun } from '@procmap/compare';
import type { CompareRunReply, CompareRunRequest } from './compare-protocol';

/*
 * "Simulate all" off the main thread: the processes simulated one after another under the
 * as-is's seed, a slice of events at a time, with progress; then every answer at once.
 * Cancelling terminates the worker, so nothing here listens mid-run.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Events per slice: a few milliseconds of work between looks at the clock. */
const SLICE = 20_000;
/** Progress is posted at most this often. */
const PROGRESS_MS = 100;

scope.onmessage = (event: MessageEvent<CompareRunRequest>) => {
  const { id, maps } = event.data;
  const post = (reply: CompareRunReply) => scope.postMessage(reply);
  try {
    const run = prepareComparisonRun(maps);
    post({ id, kind: 'progress', done: 0 });
    let lastPost = performance.now();
    while (!run.done) {
      const done = run.advance(SLICE);
      const now = performance.now();
      if (now - lastPost >= PROGRESS_MS && !run.done) {
        lastPost = now;
        post({ id, kind: 'progress', done });
      }
    }
    post({ id, kind: 'result', seed: run.seed, results: run.results() });
  } catch (error) {
    post({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
