import type { ProcessMap } from '@procmap/model';
import { mapVersion } from './map-version';
import { progressNews } from './progress-news';
import { type RunInputs, runOptions } from './run-inputs';
import type { SimulationReply, SimulationRequest } from './simulation-protocol';
import { queueMarks, say, useSimulation } from './simulation-store';

/*
 * Runs simulations in a Web Worker, one at a time, so the canvas never waits for them. The
 * worker outlives the tab's panel (a run goes on while someone looks at the map); cancelling
 * terminates it at once, whatever slice it is in, and the next run starts a fresh one.
 */

let worker: Worker | null = null;
let serial = 0;

function theWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./simulation.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
  created.onmessage = (event: MessageEvent<SimulationReply>) => receive(event.data);
  created.onerror = (event) => {
    event.preventDefault();
    const running = useSimulation.getState().running;
    stopWorker();
    if (!running) return;
    useSimulation.setState({
      running: null,
      outcome: { kind: 'error', message: 'The simulation stopped: it could not run here.' },
      overlay: false,
      marks: new Map(),
    });
    say('The simulation stopped: it could not run here.');
  };
  worker = created;
  return created;
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
}

let startedAt = 0;

function receive(reply: SimulationReply): void {
  const { running } = useSimulation.getState();
  if (!running || reply.id !== running.id) return; // a cancelled run's last words
  switch (reply.kind) {
    case 'progress': {
      const news = progressNews(running.done, reply.done, performance.now() - startedAt);
      useSimulation.setState({ running: { ...running, done: reply.done } });
      if (news) say(news);
      return;
    }
    case 'result':
      useSimulation.setState({
        running: null,
        outcome: {
          kind: 'result',
          result: reply.result,
          summary: reply.summary,
          inputs: running.inputs,
          version: running.version,
          at: Date.now(),
          events: reply.events,
          ms: reply.ms,
        },
        marks: queueMarks(reply.result),
      });
      say(`Simulation finished. ${reply.summary}`);
      return;
    case 'problems': {
      useSimulation.setState({
        running: null,
        outcome: {
          kind: 'problems',
          problems: reply.problems,
          inputs: running.inputs,
          version: running.version,
        },
        overlay: false,
        marks: new Map(),
      });
      const n = reply.problems.length;
      say(`The map cannot be simulated yet: ${n} ${n === 1 ? 'thing' : 'things'} to add or fix.`);
      return;
    }
    case 'error':
      useSimulation.setState({
        running: null,
        outcome: { kind: 'error', message: reply.message },
        overlay: false,
        marks: new Map(),
      });
      say(`The simulation stopped: ${reply.message}`);
      return;
  }
}

/** Starts simulating `map` with `inputs`; a run already going is cancelled first. */
export function startSimulation(map: ProcessMap, inputs: RunInputs): void {
  if (useSimulation.getState().running) stopWorker();
  const id = ++serial;
  startedAt = performance.now();
  useSimulation.setState({
    running: { id, inputs, version: mapVersion(map), done: 0 },
    cancelled: false,
  });
  say('Simulation started.');
  const request: SimulationRequest = { id, map, options: runOptions(inputs) };
  theWorker().postMessage(request);
}

/** Stops the run under way, if any; the last results stay. */
export function cancelSimulation(): void {
  if (!useSimulation.getState().running) return;
  stopWorker();
  useSimulation.setState({ running: null, cancelled: true });
  say('Simulation cancelled.');
}

/** Ends any run and the worker (leaving the map). */
export function disposeSimulation(): void {
  stopWorker();
}
