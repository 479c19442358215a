import type { Bounds } from './diagram-layout';
import type { Point } from './edge-routes';

/*
 * Where each sequence flow leaves its source and enters its target: a side of each shape and a
 * point on it. A task's ends take the side facing the other end (forward flows right to left,
 * flows to another row bottom or top, rework under both shapes), several ends on one side
 * spread along it in the order of their other ends, so that none shares a point. A gateway or
 * an event has four points only (the middles of its sides, on a diamond's corners and a circle's
 * outline): each flow out of it takes a side of its own, the one nearest its direction, and
 * flows in take the best side no flow leaves from.
 */

export type Side = 'left' | 'right' | 'top' | 'bottom';
const SIDES: readonly Side[] = ['right', 'bottom', 'top', 'left'];
const NORMAL: Readonly<Record<Side, Point>> = {
  right: { x: 1, y: 0 },
  left: { x: -1, y: 0 },
  top: { x: 0, y: -1 },
  bottom: { x: 0, y: 1 },
};

export const normal = (side: Side): Point => NORMAL[side];

/** One end of a flow: where it meets its shape, and which way the line leaves the shape. */
export interface Port {
  readonly point: Point;
  readonly side: Side;
}

export interface FlowEnds {
  readonly source: number;
  readonly target: number;
}

const cx = (b: Bounds) => b.x + b.width / 2;
const cy = (b: Bounds) => b.y + b.height / 2;
/** Least gap for a flow to go sideways from one shape to the next. */
const CLEAR = 2;
const GAP = { side: 16, top: 24 } as const;
const MARGIN = { side: 12, top: 28 } as const;

/** Sides of (source, target) a flow between boxes s and t takes, as the canvas routes it. */
function taskSides(s: Bounds, t: Bounds): [Side, Side] {
  if (t.x >= s.x + s.width + CLEAR) return ['right', 'left'];
  if (s.x >= t.x + t.width + CLEAR && Math.abs(cy(s) - cy(t)) > (s.height + t.height) / 2) {
    return cy(t) > cy(s) ? ['bottom', 'top'] : ['top', 'bottom'];
  }
  if (t.y >= s.y + s.height + CLEAR) return ['bottom', 'top'];
  if (t.y + t.height <= s.y - CLEAR) return ['top', 'bottom'];
  return ['bottom', 'bottom'];
}

/** How far side `side` of a shape at `own` is from facing a shape at `other` (0 best, 2 worst). */
function cost(side: Side, own: Bounds, other: Bounds, back: boolean): number {
  let dx = cx(other) - cx(own);
  let dy = cy(other) - cy(own);
  if (back) {
    dx = 0;
    dy = 1;
  }
  const length = Math.hypot(dx, dy) || 1;
  const n = NORMAL[side];
  return 1 - (n.x * dx + n.y * dy) / length;
}

/** Every flow's two ports, in flow order; `fixed[i]` says node i has four points only. */
export function assignPorts(
  flows: readonly FlowEnds[],
  shapes: readonly Bounds[],
  fixed: readonly boolean[],
): { from: Port; to: Port }[] {
  // The side of each end: 2f for flow f's source end, 2f + 1 for its target end.
  const side: Side[] = new Array(flows.length * 2);
  const byNode = new Map<number, number[]>();
  flows.forEach((f, i) => {
    const [a, b] = taskSides(shapes[f.source] as Bounds, shapes[f.target] as Bounds);
    side[2 * i] = a;
    side[2 * i + 1] = b;
    for (const [node, end] of [
      [f.source, 2 * i],
      [f.target, 2 * i + 1],
    ] as const) {
      if (!fixed[node]) continue;
      const list = byNode.get(node);
      if (list) list.push(end);
      else byNode.set(node, [end]);
    }
  });
  for (const [node, ends] of byNode) fixedSides(node, ends, flows, shapes, side);
  return placePorts(flows, shapes, fixed, side);
}

/** Sides for the ends at a four-point node: each way out its own, ways in on the best left. */
function fixedSides(
  node: number,
  ends: readonly number[],
  flows: readonly FlowEnds[],
  shapes: readonly Bounds[],
  side: Side[],
): void {
  const own = shapes[node] as Bounds;
  const otherOf = (end: number) => {
    const f = flows[end >> 1] as FlowEnds;
    return shapes[end & 1 ? f.source : f.target] as Bounds;
  };
  const isBack = (end: number) => side[end] === 'bottom' && side[end ^ 1] === 'bottom';
  const outs = ends.filter((e) => (e & 1) === 0 && (flows[e >> 1] as FlowEnds).target !== node);
  const ins = ends.filter((e) => (e & 1) === 1);
  const bare = (e: number, s: Side) => cost(s, own, otherOf(e), isBack(e));
  // The side a flow in would take best is left to it: a way out there costs more.
  const wanted = new Set<Side>(
    ins.map((e) => SIDES.reduce((a, s) => (bare(e, s) < bare(e, a) - 1e-9 ? s : a))),
  );
  const costOf = (e: number, s: Side) => bare(e, s) + (e & 1 || !wanted.has(s) ? 0 : 0.75);
  const used = new Set<Side>();
  if (outs.length <= 4) {
    // The assignment of distinct sides with the least total cost (at most 4! tries).
    let best: Side[] | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    const pick: Side[] = [];
    const go = (k: number, total: number) => {
      if (total >= bestCost) return;
      if (k === outs.length) {
        best = [...pick];
        bestCost = total;
        return;
      }
      for (const s of SIDES) {
        if (pick.includes(s)) continue;
        pick.push(s);
        go(k + 1, total + costOf(outs[k] as number, s));
        pick.pop();
      }
    };
    go(0, 0);
    outs.forEach((e, k) => {
      side[e] = (best as Side[])[k] as Side;
      used.add(side[e] as Side);
    });
  } else {
    for (const e of outs) side[e] = SIDES.reduce((a, s) => (costOf(e, s) < costOf(e, a) ? s : a));
  }
  for (const e of ins) {
    const free = SIDES.filter((s) => !used.has(s));
    const list = free.length > 0 ? free : SIDES;
    side[e] = list.reduce((a, s) => (costOf(e, s) < costOf(e, a) - 1e-9 ? s : a));
  }
}

/** The point of every end: the middle of its side, or spread along a task's side. */
function placePorts(
  flows: readonly FlowEnds[],
  shapes: readonly Bounds[],
  fixed: readonly boolean[],
  side: readonly Side[],
): { from: Port; to: Port }[] {
  const groups = new Map<string, number[]>();
  const nodeOf = (end: number) => {
    const f = flows[end >> 1] as FlowEnds;
    return end & 1 ? f.target : f.source;
  };
  for (let end = 0; end < side.length; end++) {
    const node = nodeOf(end);
    if (fixed[node]) continue;
    const k = `${node}:${side[end]}`;
    const list = groups.get(k);
    if (list) list.push(end);
    else groups.set(k, [end]);
  }
  const offset = new Float64Array(side.length);
  for (const ends of groups.values()) {
    if (ends.length < 2) continue;
    const s = side[ends[0] as number] as Side;
    const vertical = s === 'left' || s === 'right';
    const other = (end: number) => shapes[nodeOf(end ^ 1)] as Bounds;
    const keyOf = (end: number) => (vertical ? cy(other(end)) : cx(other(end)));
    const sorted = [...ends].sort((a, b) => keyOf(a) - keyOf(b) || a - b);
    const box = shapes[nodeOf(ends[0] as number)] as Bounds;
    const length = vertical ? box.height : box.width;
    const margin = vertical ? MARGIN.side : MARGIN.top;
    const gap = Math.min(vertical ? GAP.side : GAP.top, (length - 2 * margin) / (ends.length - 1));
    sorted.forEach((end, i) => {
      offset[end] = (i - (ends.length - 1) / 2) * gap;
    });
  }
  const at = (end: number): Port => {
    const b = shapes[nodeOf(end)] as Bounds;
    const s = side[end] as Side;
    const o = offset[end] as number;
    const point =
      s === 'left'
        ? { x: b.x, y: cy(b) + o }
        : s === 'right'
          ? { x: b.x + b.width, y: cy(b) + o }
          : s === 'top'
            ? { x: cx(b) + o, y: b.y }
            : { x: cx(b) + o, y: b.y + b.height };
    return { point, side: s };
  };
  return flows.map((_f, i) => ({ from: at(2 * i), to: at(2 * i + 1) }));
}
