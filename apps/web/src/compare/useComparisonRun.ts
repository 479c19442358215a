import type { ProcessSimulation } from '@procmap/compare';
import type { ProcessMap } from '@procmap/model';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompareRunReply, CompareRunRequest } from './compare-protocol';

/*
 * "Simulate all" for the Compare view: one worker per run, so cancelling ends it at once
 * whatever slice it is in, and leaving the view ends it too.
 */

export interface ComparisonOutcome {
  /** The processes simulated (the as-is first), as they were when the run started. */
  readonly maps: readonly ProcessMap[];
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly seed: number;
  readonly results: readonly ProcessSimulation[];
}

export type ComparisonRunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly message: string };

export interface ProcessToRun {
  readonly id: string;
  readonly name: string;
  readonly map: ProcessMap;
}

export function useComparisonRun() {
  const [state, setState] = useState<ComparisonRunState>({ kind: 'idle' });
  const [outcome, setOutcome] = useState<ComparisonOutcome | null>(null);
  const worker = useRef<Worker | null>(null);
  const serial = useRef(0);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(
    (processes: readonly ProcessToRun[]) => {
      stop();
      const id = ++serial.current;
      const maps = processes.map((p) => p.map);
      const created = new Worker(new URL('./compare.worker.ts', import.meta.url), {
        type: 'module',
        name: 'compare',
      });
      worker.current = created;
      created.onmessage = (event: MessageEvent<CompareRunReply>) => {
        const reply = event.data;
        if (reply.id !== serial.current) return;
        if (reply.kind === 'progress') {
          setState({ kind: 'running', done: reply.done });
        } else if (reply.kind === 'result') {
          stop();
          setOutcome({
            maps,
            ids: processes.map((p) => p.id),
            names: processes.map((p) => p.name),
            seed: reply.seed,
            results: reply.results,
          });
          setState({ kind: 'idle' });
        } else {
          stop();
          setState({ kind: 'error', message: reply.message });
        }
      };
      created.onerror = (event) => {
        event.preventDefault();
        stop();
        setState({ kind: 'error', message: 'the simulation could not run here' });
      };
      setState({ kind: 'running', done: 0 });
      const request: CompareRunRequest = { id, maps };
      created.postMessage(request);
    },
    [stop],
  );

  const cancel = useCallback(() => {
    serial.current++;
    stop();
    setState({ kind: 'cancelled' });
  }, [stop]);

  return { state, outcome, start, cancel };
}
