import type { MapIndex, RoleId, StepId } from '@procmap/model';
import type { MapGeometry } from '@procmap/layout';

export type Direction = 'next' | 'previous' | 'up' | 'down';

/** Where a selection goes from a step: along its flows (next/previous) or to a nearby lane. */
export function stepFrom(
  index: MapIndex,
  geometry: MapGeometry,
  from: StepId,
  direction: Direction,
): { step: StepId } | { lane: RoleId } | undefined {
  if (direction === 'next') {
    const flow = index.outgoing(from).find((f) => index.step(f.to));
    return flow ? { step: flow.to } : undefined;
  }
  if (direction === 'previous') {
    const flow = index.incoming(from).find((f) => index.step(f.from));
    return flow ? { step: flow.from } : undefined;
  }
  const box = geometry.steps.find((b) => b.step.id === from);
  if (!box) return undefined;
  const laneIndex = geometry.lanes.findIndex((l) => l.role.id === box.step.roleId);
  const target = geometry.lanes[laneIndex + (direction === 'up' ? -1 : 1)];
  if (!target) return undefined;
  let best: { id: StepId; distance: number } | undefined;
  for (const other of geometry.steps) {
    if (other.step.roleId !== target.role.id) continue;
    const distance = Math.abs(other.x - box.x);
    if (!best || distance < best.distance) best = { id: other.step.id, distance };
  }
  return best ? { step: best.id } : { lane: target.role.id };
}

/** The lane next to `from` in a direction, or the first step of the lane for `next`. */
export function laneFrom(
  geometry: MapGeometry,
  from: RoleId,
  direction: Direction,
): { step: StepId } | { lane: RoleId } | undefined {
  const at = geometry.lanes.findIndex((l) => l.role.id === from);
  if (direction === 'next') {
    const first = geometry.steps
      .filter((b) => b.step.roleId === from)
      .sort((a, b) => a.x - b.x || a.y - b.y)[0];
    return first ? { step: first.step.id } : undefined;
  }
  if (direction === 'previous') return undefined;
  const target = geometry.lanes[at + (direction === 'up' ? -1 : 1)];
  return target ? { lane: target.role.id } : undefined;
}
