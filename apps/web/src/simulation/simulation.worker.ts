/// <reference lib="webworker" />
import { resolveSettings } from '@procmap/model';
import { prepareSimulation, summarise } from '@procmap/simulation';
import type { SimulationReply, SimulationRequest } from './simulation-protocol';

/*
 * The simulation off the main thread: the page posts a map and the options, this worker runs it
 * a slice of events at a time and says how far it has got, then posts the result. Cancelling
 * ends the worker itself (the page terminates it), so nothing here has to listen mid-run.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Events per slice: a few milliseconds of work between looks at the clock. */
const SLICE = 20_000;
/** Progress is posted at most this often, so the page is never flooded with messages. */
const PROGRESS_MS = 100;

scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  const { id, map, options } = event.data;
  const post = (reply: SimulationReply) => scope.postMessage(reply);
  const started = performance.now();
  try {
    const prepared = prepareSimulation(map, options);
    if (!prepared.ok) {
      post({ id, kind: 'problems', problems: prepared.problems });
      return;
    }
    const { run } = prepared;
    post({ id, kind: 'progress', done: 0, events: 0 });
    let lastPost = started;
    while (!run.done) {
      const done = run.advance(SLICE);
      const now = performance.now();
      if (now - lastPost >= PROGRESS_MS && !run.done) {
        lastPost = now;
        post({ id, kind: 'progress', done, events: run.events });
      }
    }
    const result = run.result();
    const summary = summarise(result, resolveSettings(map).hoursPerDay);
    post({
      id,
      kind: 'result',
      result,
      summary,
      events: run.events,
      ms: performance.now() - started,
    });
  } catch (error) {
    post({ id, kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
