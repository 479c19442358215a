import type { ProcessMap, StepId } from '@procmap/model';
import { buildFlowGraph, longestPathLayers } from './flow-graph';

/**
 * Each step's column along the flow without running ELK: the longest path from where a case
 * begins, rework loops broken as in phase 1. Cheap enough to place untidied steps on every render.
 */
export function flowColumns(map: ProcessMap): Map<StepId, number> {
  const graph = buildFlowGraph(map);
  const layers = longestPathLayers(graph.steps.length, graph.edges);
  return new Map(graph.steps.map((step, i) => [step.id, layers[i] ?? 0]));
}
