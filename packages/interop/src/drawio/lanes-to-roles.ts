import { capped, cellText } from './names';
import type { Lane, Placed } from './structure';

/*
 * Lanes become roles. A pool holds lanes and is not a role itself (procmap has no pools): its
 * lanes are, named by the lane, or "Pool: Lane" where two pools have lanes of one name. Roles
 * follow the lanes down the page (rows) or across it (columns). A shape drawn over a lane
 * without being inside it (dropped beside the lane, then moved) belongs to the lane it lies on.
 */

/** Whether the lanes are mostly columns: draw.io's default swimlane has its header on top. */
export function lanesAreColumns(lanes: readonly Lane[]): boolean {
  const columns = lanes.filter((l) => l.cell.style.values.get('horizontal') !== '0').length;
  return columns * 2 > lanes.length;
}

/** The lanes in the order their roles take. */
export function orderLanes(lanes: readonly Lane[], columns: boolean): Lane[] {
  const key = (l: Lane) => (columns ? [l.box.x, l.box.y] : [l.box.y, l.box.x]) as [number, number];
  return [...lanes].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1 - b1 || a2 - b2;
  });
}

/** Each lane's role name, in the order given: "Lane 3" for a lane with no name. */
export function roleNames(lanes: readonly Lane[]): string[] {
  const own = lanes.map((l, i) => cellText(l.cell) || `Lane ${i + 1}`);
  const count = new Map<string, number>();
  for (const name of own) count.set(name, (count.get(name) ?? 0) + 1);
  return own.map((name, i) => {
    const lane = lanes[i] as Lane;
    const pool = lane.pool ? cellText(lane.pool) : '';
    const shared = (count.get(name) ?? 0) > 1 && pool !== '';
    const full = shared ? `${pool}: ${name}` : name;
    return capped(full).name;
  });
}

const contains = (lane: Lane, x: number, y: number) =>
  x >= lane.box.x &&
  x < lane.box.x + lane.box.width &&
  y >= lane.box.y &&
  y < lane.box.y + lane.box.height;

/**
 * The lane a step belongs to: the one it was drawn in, else the smallest lane (of its pool, if
 * it is in one) under its centre; undefined when none. `byPosition` says which of the two.
 */
export function laneOf(
  step: Placed,
  lanes: readonly Lane[],
): { readonly lane: Lane | undefined; readonly byPosition: boolean } {
  if (step.lane) return { lane: step.lane, byPosition: false };
  const cx = step.box.x + step.box.width / 2;
  const cy = step.box.y + step.box.height / 2;
  let best: Lane | undefined;
  for (const lane of lanes) {
    if (step.pool && lane.pool !== step.pool) continue;
    if (!contains(lane, cx, cy)) continue;
    if (!best || lane.box.width * lane.box.height < best.box.width * best.box.height) best = lane;
  }
  return { lane: best, byPosition: best !== undefined };
}
