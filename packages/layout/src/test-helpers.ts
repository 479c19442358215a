import {
  lanesInOrder,
  type ProcessMap,
  type RoleId,
  type StepId,
  UNASSIGNED_ROLE_ID,
} from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import ELK from 'elkjs/lib/elk.bundled.js';
import { expect } from 'vitest';
import { DEFAULT_LAYOUT_OPTIONS, type ElkLike, type LayoutResult } from './index';

/*
 * Shared by this package's tests; never exported from index.ts. The invariants of a layout
 * (docs: ARCHITECTURE.md "Tests"), checked in one place so every test checks all of them.
 */

/** One in-process ELK for every test (elk.bundled.js: never in a browser bundle). */
export const elk: ElkLike = new ELK();

type Json = Record<string, unknown>;

/** Freezes a value and everything inside it, so any write by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Json)[key]);
  }
  return value;
}

/** A straight chain s0 -> s1 -> ... of `n` steps, dealt round the given lanes in runs of 7. */
export function chainMap(n: number, lanes: readonly string[] = ['a']): ProcessMap {
  const b = mapBuilder(`Chain of ${n}`);
  for (const lane of lanes) b.role(lane, lane.toUpperCase());
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  ids.forEach((id, i) => {
    b.task(id, lanes[Math.floor(i / 7) % lanes.length] as string, id);
  });
  return b.chain(...ids).build();
}

/** The band a step belongs in: its role's lane, or the unassigned band for an unknown role. */
function expectedLane(map: ProcessMap, role: RoleId): RoleId {
  return map.roles.some((r) => r.id === role) ? role : UNASSIGNED_ROLE_ID;
}

export interface Sizes {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
}

/**
 * Every invariant of a layout of `map`: each unique step has exactly one position, inside its
 * lane's band; lanes are contiguous, in lane order, unassigned last; no two boxes overlap; the
 * total size holds every box.
 */
export function expectValidLayout(
  map: ProcessMap,
  result: LayoutResult,
  sizes: Sizes = DEFAULT_LAYOUT_OPTIONS,
): void {
  const { nodeWidth: w, nodeHeight: h } = sizes;
  const ids = new Set<StepId>(map.steps.map((s) => s.id));
  expect(new Set(result.positions.keys())).toEqual(ids);

  const order = [...new Set(lanesInOrder(map.roles).map((r) => r.id))];
  const unknown = map.steps.some((s) => expectedLane(map, s.roleId) === UNASSIGNED_ROLE_ID);
  if (unknown && !order.includes(UNASSIGNED_ROLE_ID)) order.push(UNASSIGNED_ROLE_ID);
  expect(result.lanes.map((l) => l.roleId)).toEqual(order);
  let y = 0;
  for (const lane of result.lanes) {
    expect(lane.y).toBe(y);
    expect(lane.height).toBeGreaterThanOrEqual(h);
    y += lane.height;
  }
  expect(result.height).toBe(y);

  const band = new Map(result.lanes.map((l) => [l.roleId, l]));
  const problems: string[] = [];
  for (const step of map.steps) {
    const p = result.positions.get(step.id);
    const lane = band.get(expectedLane(map, step.roleId));
    if (!p || !lane) {
      problems.push(`${step.id}: no position or no lane`);
      continue;
    }
    if (p.y < lane.y || p.y + h > lane.y + lane.height) {
      problems.push(
        `${step.id} at y=${p.y} outside lane ${lane.roleId} [${lane.y}, +${lane.height})`,
      );
    }
    if (p.x < 0 || p.x + w > result.width || p.y + h > result.height) {
      problems.push(
        `${step.id} at (${p.x}, ${p.y}) outside the ${result.width}×${result.height} map`,
      );
    }
  }
  expect(problems).toEqual([]);
  expect(overlaps([...result.positions], sizes)).toEqual([]);
}

/** Pairs of boxes that overlap, by a sweep along x: O(n log n) for grid layouts. */
export function overlaps(
  boxes: readonly (readonly [string, { readonly x: number; readonly y: number }])[],
  { nodeWidth: w, nodeHeight: h }: Sizes,
): string[] {
  const sorted = [...boxes].sort((a, b) => a[1].x - b[1].x || a[1].y - b[1].y);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const [a, pa] = sorted[i] as (typeof sorted)[number];
    for (let j = i + 1; j < sorted.length; j++) {
      const [b, pb] = sorted[j] as (typeof sorted)[number];
      if (pb.x >= pa.x + w) break;
      if (Math.abs(pb.y - pa.y) < h) found.push(`${a} overlaps ${b}`);
    }
  }
  return found;
}

/** Flows (between known steps, not self-loops) whose target is not to the right of their source. */
export function backwardFlows(map: ProcessMap, result: LayoutResult): string[] {
  const out: string[] = [];
  for (const flow of map.flows) {
    const a = result.positions.get(flow.from);
    const b = result.positions.get(flow.to);
    if (a && b && flow.from !== flow.to && b.x <= a.x) out.push(`${flow.from} -> ${flow.to}`);
  }
  return out;
}

/** Plain data of a result, for deep comparison and snapshots. */
export function plain(result: LayoutResult): Json {
  return { ...result, positions: [...result.positions] };
}
