/// <reference lib="webworker" />
import { analyze, expectedVisits } from '@procmap/analysis';
import type { AnalysisReply, AnalysisRequest, StepHeat } from './analysis-protocol';

/*
 * The waste analysis off the main thread: the page posts the map after each edit (debounced),
 * this worker answers with the metrics, the findings and the per-step heat.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, map } = event.data;
  const started = performance.now();
  let reply: AnalysisReply;
  try {
    const result = analyze(map);
    const visits = expectedVisits(map);
    const heat: Record<string, StepHeat> = {};
    for (const step of map.steps) {
      const v = visits.get(step.id) ?? 0;
      const wait = v * (step.waitTime ?? 0);
      heat[step.id] = { wait, lead: wait + v * (step.processTime ?? 0) };
    }
    reply = { id, ok: true, result, heat, ms: performance.now() - started };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
