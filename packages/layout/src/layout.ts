import type { ProcessMap, StepId } from '@procmap/model';
import { placeInLanes } from './lanes';
import {
  type ElkLike,
  type FlowSlot,
  type LayoutOptions,
  type LayoutResult,
  resolveLayoutOptions,
} from './options';
import { orderAlongFlow } from './order';

/**
 * Lays out a map in swimlanes: phase 1 (ELK, roles left out) orders the steps along the flow,
 * phase 2 puts each step in its role's lane at the column phase 1 gave it. Every step of the map
 * gets a position, whatever its role; step.position is ignored (this is "tidy up"). The map is
 * only read, and the same map with the same options always gives the same result.
 */
export async function layoutMap(
  map: ProcessMap,
  elk: ElkLike,
  options?: LayoutOptions,
): Promise<LayoutResult> {
  const resolved = resolveLayoutOptions(options);
  const flow = await orderAlongFlow(map, elk, resolved);
  const slots = new Map<StepId, FlowSlot>();
  flow.graph.steps.forEach((step, i) => {
    slots.set(step.id, { column: flow.column[i] ?? 0, order: flow.order[i] ?? 0 });
  });
  return placeInLanes(map, slots, resolved);
}
