import type { ProcessMap } from '@procmap/model';
import { useEffect, useRef } from 'react';
import type { AnalysisReply } from './analysis-protocol';
import { stepMarks, useAnalysis } from './analysis-store';

/** Edits closer together than this are analysed once, after the last of them. */
const DEBOUNCE_MS = 120;

/**
 * Keeps the analysis of the open map current as anyone edits it: the latest snapshot goes to
 * a worker, a short while after the last change; only the newest answer is shown.
 */
export function useLiveAnalysis(map: ProcessMap): void {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const created = new Worker(new URL('./analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'analysis',
    });
    worker.current = created;
    created.onmessage = (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      if (reply.id !== latest.current) return; // an older map: a newer answer is coming
      if (reply.ok) {
        useAnalysis.setState({
          result: reply.result,
          marks: stepMarks(reply.result, reply.heat),
          computing: false,
          error: null,
          ms: reply.ms,
        });
      } else {
        useAnalysis.setState({ computing: false, error: reply.message });
      }
    };
    created.onerror = (event) => {
      event.preventDefault();
      useAnalysis.setState({ computing: false, error: 'The analysis could not run.' });
    };
    return () => {
      created.terminate();
      worker.current = null;
      useAnalysis.setState({
        result: null,
        marks: new Map(),
        computing: false,
        error: null,
        ms: null,
      });
    };
  }, []);

  useEffect(() => {
    const id = ++latest.current;
    useAnalysis.setState({ computing: true });
    const timer = setTimeout(() => worker.current?.postMessage({ id, map }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [map]);
}
