import type { ProcessMap, Step, StepId } from '@procmap/model';
import { buildFlowGraph, longestPathLayers } from './flow-graph';

/** The map's steps (unique by id, in map order) with each one's column along the flow. */
export interface StepColumns {
  readonly steps: readonly Step[];
  /** Each step id's index in `steps`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** `column[i]` is the column of `steps[i]`. */
  readonly column: Int32Array;
}

/**
 * Each step's column along the flow without running ELK: the longest path from where a case
 * begins, rework loops broken as in phase 1. Cheap enough to place untidied steps on every render.
 */
export function stepColumns(map: ProcessMap): StepColumns {
  const graph = buildFlowGraph(map);
  const column = longestPathLayers(graph.steps.length, graph.edges);
  return { steps: graph.steps, indexOf: graph.indexOf, column };
}

/** `stepColumns` as a lookup by step id. */
export function flowColumns(map: ProcessMap): Map<StepId, number> {
  const { steps, column } = stepColumns(map);
  return new Map(steps.map((step, i) => [step.id, column[i] ?? 0]));
}
