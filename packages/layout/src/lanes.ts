import {
  lanesInOrder,
  type Position,
  type ProcessMap,
  type Role,
  type RoleId,
  type Step,
  type StepId,
  UNASSIGNED_ROLE_ID,
} from '@procmap/model';
import {
  type FlowSlot,
  type LaneBand,
  type LayoutOptions,
  type LayoutResult,
  resolveLayoutOptions,
} from './options';

/*
 * Phase 2: the lanes. Each step goes into its role's band, keeping the column phase 1 gave it.
 * Steps of one lane that share a column are stacked in rows, in phase 1's order; a lane is as
 * many rows tall as its fullest column. Role membership is data: the band follows the role, never
 * the other way round.
 */

/** Lanes top to bottom as lanesInOrder sorts them; a repeated role id keeps its first band. */
function uniqueLanes(roles: readonly Role[]): Role[] {
  const seen = new Set<RoleId>();
  const out: Role[] = [];
  for (const role of lanesInOrder(roles)) {
    if (seen.has(role.id)) continue;
    seen.add(role.id);
    out.push(role);
  }
  return out;
}

/**
 * Places every step of the map (unique by id) in its lane, at the column `slots` gives it. A step
 * whose role is not a lane of the map goes to an extra band at the bottom, with the role id
 * UNASSIGNED_ROLE_ID (the lane normalize() would make); a step missing from `slots` takes
 * column 0, below the others. Pure: the map is only read.
 */
export function placeInLanes(
  map: ProcessMap,
  slots: ReadonlyMap<StepId, FlowSlot>,
  options?: LayoutOptions,
): LayoutResult {
  const o = resolveLayoutOptions(options);
  const roles = uniqueLanes(map.roles);
  const laneOf = new Map<RoleId, number>(roles.map((role, i) => [role.id, i]));

  const seen = new Set<StepId>();
  const steps: Step[] = [];
  for (const step of map.steps) {
    if (seen.has(step.id)) continue;
    seen.add(step.id);
    steps.push(step);
  }

  let unassigned = laneOf.get(UNASSIGNED_ROLE_ID);
  const lane = new Int32Array(steps.length);
  const column = new Int32Array(steps.length);
  let columns = 0;
  steps.forEach((step, i) => {
    let l = laneOf.get(step.roleId);
    if (l === undefined) {
      unassigned ??= roles.length;
      l = unassigned;
    }
    lane[i] = l;
    const c = Math.max(0, Math.floor(slots.get(step.id)?.column ?? 0));
    column[i] = c;
    columns = Math.max(columns, c + 1);
  });
  const laneCount = Math.max(roles.length, unassigned === undefined ? 0 : unassigned + 1);

  // Steps of each (lane, column) cell, top to bottom in phase 1's order, ties by map order.
  const cells = new Map<number, number[]>();
  steps.forEach((_, i) => {
    const key = (lane[i] ?? 0) * columns + (column[i] ?? 0);
    const cell = cells.get(key);
    if (cell) cell.push(i);
    else cells.set(key, [i]);
  });
  const orderOf = (i: number) =>
    slots.get((steps[i] as Step).id)?.order ?? Number.POSITIVE_INFINITY;
  const row = new Int32Array(steps.length);
  const rows = new Int32Array(laneCount).fill(1);
  for (const [key, cell] of cells) {
    cell.sort((a, b) => orderOf(a) - orderOf(b) || a - b);
    cell.forEach((i, r) => {
      row[i] = r;
    });
    const l = Math.floor(key / Math.max(columns, 1));
    rows[l] = Math.max(rows[l] ?? 1, cell.length);
  }

  const lanes: LaneBand[] = [];
  let y = 0;
  for (let l = 0; l < laneCount; l++) {
    const r = rows[l] ?? 1;
    const height = 2 * o.lanePadding + r * o.nodeHeight + (r - 1) * o.rowGap;
    lanes.push({ roleId: roles[l]?.id ?? UNASSIGNED_ROLE_ID, y, height });
    y += height;
  }

  const left = o.laneHeaderWidth + o.lanePadding;
  const positions = new Map<StepId, Position>();
  steps.forEach((step, i) => {
    const band = lanes[lane[i] ?? 0] as LaneBand;
    positions.set(step.id, {
      x: left + (column[i] ?? 0) * (o.nodeWidth + o.columnGap),
      y: band.y + o.lanePadding + (row[i] ?? 0) * (o.nodeHeight + o.rowGap),
    });
  });
  const content = columns * o.nodeWidth + Math.max(0, columns - 1) * o.columnGap;
  return { positions, lanes, width: left + content + o.lanePadding, height: y };
}
