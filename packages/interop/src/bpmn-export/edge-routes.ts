import type { Bounds } from './diagram-layout';

/*
 * Waypoints of a sequence flow: an orthogonal polyline from the source shape's border to the
 * target's, as BPMN tools draw them. Points are at the middle of a side, which is on the border
 * of a task's rectangle, a gateway's diamond and an event's circle alike.
 *
 * - Forward (target to the right): out of the right side, into the left side; a step across
 *   rows bends once halfway. Out of a gateway towards another row, the line leaves from its top
 *   or bottom corner and turns once, and into a gateway from another row it arrives at a corner
 *   too: the usual look of a branch and of a join.
 * - Down or up (target below or above, not to the right): out of the bottom or top, into the top
 *   or bottom, bending once halfway.
 * - Back (rework, target to the left in the same rows): a loop under both shapes, as the canvas
 *   draws rework; a flow to its own step loops out of the right side and back in from below.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** How far a rework loop passes below the lower of its two shapes. */
const LOOP_DROP = 20;
/** The least gap between two shapes for a flow to cross it sideways (added gateways sit close). */
const CLEAR = 2;

const right = (b: Bounds) => b.x + b.width;
const bottom = (b: Bounds) => b.y + b.height;
const cx = (b: Bounds) => b.x + b.width / 2;
const cy = (b: Bounds) => b.y + b.height / 2;

/** Drops points repeating the one before (a straight line needs only its two ends). */
function tidy(points: Point[]): Point[] {
  return points.filter((p, i) => {
    const q = points[i - 1];
    return !q || Math.abs(q.x - p.x) > 1e-9 || Math.abs(q.y - p.y) > 1e-9;
  });
}

/** The waypoints from `s` to `t`; `sGateway`/`tGateway` say when an end is a gateway. */
export function route(s: Bounds, t: Bounds, sGateway: boolean, tGateway: boolean): Point[] {
  if (s === t || (s.x === t.x && s.y === t.y && s.width === t.width)) {
    const x = right(s) + LOOP_DROP;
    const y = bottom(s) + LOOP_DROP;
    return [
      { x: right(s), y: cy(s) },
      { x, y: cy(s) },
      { x, y },
      { x: cx(s), y },
      { x: cx(s), y: bottom(s) },
    ];
  }
  const sameRow = Math.abs(cy(s) - cy(t)) < 1;
  if (t.x >= right(s) + CLEAR) {
    if (sameRow)
      return [
        { x: right(s), y: cy(s) },
        { x: t.x, y: cy(t) },
      ];
    const below = cy(t) > cy(s);
    if (sGateway) {
      const y = below ? bottom(s) : s.y;
      return tidy([
        { x: cx(s), y },
        { x: cx(s), y: cy(t) },
        { x: t.x, y: cy(t) },
      ]);
    }
    if (tGateway) {
      const y = below ? t.y : bottom(t);
      return tidy([
        { x: right(s), y: cy(s) },
        { x: cx(t), y: cy(s) },
        { x: cx(t), y },
      ]);
    }
    const mid = (right(s) + t.x) / 2;
    return [
      { x: right(s), y: cy(s) },
      { x: mid, y: cy(s) },
      { x: mid, y: cy(t) },
      { x: t.x, y: cy(t) },
    ];
  }
  if (t.y >= bottom(s) + CLEAR || bottom(t) <= s.y - CLEAR) {
    const down = t.y >= bottom(s) + CLEAR;
    const from = down ? bottom(s) : s.y;
    const into = down ? t.y : bottom(t);
    const mid = (from + into) / 2;
    return tidy([
      { x: cx(s), y: from },
      { x: cx(s), y: mid },
      { x: cx(t), y: mid },
      { x: cx(t), y: into },
    ]);
  }
  const y = Math.max(bottom(s), bottom(t)) + LOOP_DROP;
  return [
    { x: cx(s), y: bottom(s) },
    { x: cx(s), y },
    { x: cx(t), y },
    { x: cx(t), y: bottom(t) },
  ];
}

/** Rough size of a flow's label: about 6.5 units a character, wrapped at 150, 14 a line. */
export function labelSize(text: string): { width: number; height: number } {
  const chars = [...text].length;
  const perLine = 23;
  const lines = Math.min(6, Math.max(1, Math.ceil(chars / perLine)));
  const width = Math.max(16, Math.min(150, Math.ceil(chars * 6.5)));
  return { width, height: 14 * lines };
}

/**
 * Where a flow's label goes: beside where it leaves a gateway (a branch's label, as the canvas
 * puts it: above the line going sideways, beside the middle of the first leg going up or down),
 * otherwise above the middle of its longest segment (beside it when that segment is vertical).
 */
export function labelBounds(points: readonly Point[], text: string, fromGateway: boolean): Bounds {
  const { width, height } = labelSize(text);
  const first = points[0] as Point;
  const second = (points[1] ?? first) as Point;
  if (fromGateway) {
    const vertical = Math.abs(second.x - first.x) < 1e-9;
    if (vertical) {
      // Halfway along the first leg, clear of the gateway's own name (drawn just below it).
      const mid = (first.y + second.y) / 2;
      return { x: first.x + 6, y: mid - height / 2, width, height };
    }
    return { x: first.x + 6, y: first.y - height - 4, width, height };
  }
  let best = 0;
  let length = -1;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as Point;
    const b = points[i + 1] as Point;
    const l = Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    if (l > length) {
      length = l;
      best = i;
    }
  }
  const a = points[best] as Point;
  const b = (points[best + 1] ?? a) as Point;
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  if (Math.abs(a.x - b.x) < 1e-9) return { x: mx + 6, y: my - height / 2, width, height };
  return { x: mx - width / 2, y: my - height - 4, width, height };
}
