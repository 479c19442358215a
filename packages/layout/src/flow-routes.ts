import type { Flow, StepKind } from '@procmap/model';
import { GEOMETRY, type StepBox } from './swimlane-geometry';

/*
 * Where each flow's line runs, as a pure function of the step boxes, so the canvas and every
 * export draw the same lines. Flows that meet one side of a step get ports of their own along
 * that side, ordered by where their other end lies, so lines fan out instead of lying on top of
 * each other (a click then picks the line that is seen, not one hidden beneath it).
 */

/** A cubic curve from (x0, y0) to (x3, y3), in canvas units. */
export interface FlowCurve {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly x3: number;
  readonly y3: number;
}

/**
 * How a flow runs: `forward` from the right side to a step further right (its left side),
 * `down`/`up` from the lower/upper side to a step wholly below/above (back to an earlier step in
 * another lane too), `back` (rework within a row) in a loop under both boxes.
 */
export type RouteKind = 'forward' | 'down' | 'up' | 'back';

/** One flow's line: from its source's edge to the tip of its arrow on the target's edge. */
export interface FlowRoute {
  readonly flow: Flow;
  /** The boxes of the flow's source and target steps. */
  readonly from: StepBox;
  readonly to: StepBox;
  readonly kind: RouteKind;
  readonly curve: FlowCurve;
}

type Side = 'left' | 'right' | 'top' | 'bottom';

const W = GEOMETRY.stepWidth;
const H = GEOMETRY.stepHeight;
/** Ports on a side are this far apart at most (left/right sides, top/bottom sides). */
const PORT_GAP = { vertical: 16, horizontal: 24 } as const;
/** Ports keep this far from a side's ends. */
const PORT_MARGIN = { vertical: 12, horizontal: 28 } as const;

/** How a flow from box `a` to box `b` runs (see RouteKind). */
export function routeKind(a: { x: number; y: number }, b: { x: number; y: number }): RouteKind {
  if (b.x >= a.x + W + 8) return 'forward';
  if (b.y >= a.y + H) return 'down';
  if (b.y + H <= a.y) return 'up';
  return 'back';
}

const SIDES: Readonly<Record<RouteKind, readonly [Side, Side]>> = {
  forward: ['right', 'left'],
  down: ['bottom', 'top'],
  up: ['top', 'bottom'],
  back: ['bottom', 'bottom'],
};

/** Sides numbered: left and right (vertical) first. */
const SIDE_NUMBER: Readonly<Record<Side, number>> = { left: 0, right: 1, top: 2, bottom: 3 };

/**
 * The line of every flow whose two steps are drawn (`boxOf` gives a step's box), in flow order.
 * Flows to or from a step not drawn are left out. Linear apart from sorting each step's ports.
 */
export function routeFlows(
  flows: readonly Flow[],
  boxOf: (id: string) => StepBox | undefined,
): FlowRoute[] {
  const routed: Flow[] = [];
  const froms: StepBox[] = [];
  const tos: StepBox[] = [];
  const kinds: RouteKind[] = [];
  // Each end (two per flow: out at 2i, in at 2i + 1): the side of a step it meets, as
  // 4 × the step's number + the side's, and its sort key along that side.
  const boxes = new Map<StepBox, number>();
  const numberOf = (box: StepBox) => {
    let n = boxes.get(box);
    if (n === undefined) {
      n = boxes.size;
      boxes.set(box, n);
    }
    return n;
  };
  const sideOf: number[] = [];
  const keys: number[] = [];
  for (const flow of flows) {
    const from = boxOf(flow.from);
    const to = boxOf(flow.to);
    if (!from || !to) continue;
    const kind = routeKind(from, to);
    routed.push(flow);
    froms.push(from);
    tos.push(to);
    kinds.push(kind);
    const [outSide, inSide] = SIDES[kind];
    sideOf.push(4 * numberOf(from) + SIDE_NUMBER[outSide], 4 * numberOf(to) + SIDE_NUMBER[inSide]);
    keys.push(sortKey(kind, from, to), sortKey(kind, to, from));
  }
  // The ends on each side, side by side (counting sort), then each end's offset from the
  // middle of its side: sides met by one flow (most) keep the middle.
  const count = new Int32Array(4 * boxes.size + 1);
  for (const k of sideOf) count[k + 1] = (count[k + 1] as number) + 1;
  for (let k = 1; k < count.length; k++) count[k] = (count[k] as number) + (count[k - 1] as number);
  const order = new Int32Array(sideOf.length);
  const fill = count.slice();
  sideOf.forEach((k, end) => {
    order[fill[k] as number] = end;
    fill[k] = (fill[k] as number) + 1;
  });
  const offset = new Float64Array(sideOf.length);
  for (let k = 0; k + 1 < count.length; k++) {
    const first = count[k] as number;
    const n = (count[k + 1] as number) - first;
    if (n < 2) continue;
    const list = Array.from(order.subarray(first, first + n));
    // By key; ties by flow order, an end going out before one coming in.
    list.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
    const vertical = k % 4 < 2;
    const length = vertical ? H : W;
    const margin = vertical ? PORT_MARGIN.vertical : PORT_MARGIN.horizontal;
    const gap = Math.min(
      vertical ? PORT_GAP.vertical : PORT_GAP.horizontal,
      (length - 2 * margin) / (n - 1),
    );
    list.forEach((end, i) => {
      offset[end] = (i - (n - 1) / 2) * gap;
    });
  }
  const routes: FlowRoute[] = new Array(routed.length);
  for (let i = 0; i < routed.length; i++) {
    const kind = kinds[i] as RouteKind;
    const from = froms[i] as StepBox;
    const to = tos[i] as StepBox;
    const [outSide, inSide] = SIDES[kind];
    port(from, outSide, offset[2 * i] as number, P);
    port(to, inSide, offset[2 * i + 1] as number, Q);
    routes[i] = { flow: routed[i] as Flow, from, to, kind, curve: curveOf(kind, P, Q) };
  }
  return routes;
}

/** Scratch points for the two ends of the flow being routed (no allocation per flow). */
const P = { x: 0, y: 0 };
const Q = { x: 0, y: 0 };

/**
 * Orders the ends on one side so that lines do not cross near it: by where the other end lies
 * across the side; rework loops mirrored, so that a longer loop runs outside a shorter one.
 */
function sortKey(kind: RouteKind, own: StepBox, other: StepBox): number {
  if (kind === 'forward') return other.y;
  const cx = own.x + W / 2;
  const otherX = other.x + W / 2;
  return kind === 'back' ? 2 * cx - otherX : otherX;
}

/** The point on a step's outline at `offset` from the middle of `side`, written into `out`. */
function port(box: StepBox, side: Side, offset: number, out: { x: number; y: number }): void {
  const kind: StepKind = box.step.kind;
  const cx = box.x + W / 2;
  const cy = box.y + H / 2;
  if (side === 'left' || side === 'right') {
    const sign = side === 'right' ? 1 : -1;
    out.x = cx + sign * (W / 2 - inset(kind, side, offset));
    out.y = cy + offset;
  } else {
    const sign = side === 'bottom' ? 1 : -1;
    out.x = cx + offset;
    out.y = cy + sign * (H / 2 - inset(kind, side, offset));
  }
}

/** How far a shape's outline lies inside its box at `offset` from the middle of a side. */
function inset(kind: StepKind, side: Side, offset: number): number {
  const d = Math.abs(offset);
  if (kind === 'decision') {
    // A diamond: |dx| / (W/2) + |dy| / (H/2) = 1.
    return side === 'left' || side === 'right' ? (d * W) / H : (d * H) / W;
  }
  const r = H / 2;
  const roundRight = kind === 'start' || kind === 'end' || kind === 'delay';
  const roundLeft = kind === 'start' || kind === 'end';
  if (side === 'left' || side === 'right') {
    const round = side === 'right' ? roundRight : roundLeft;
    return round ? r - Math.sqrt(Math.max(0, r * r - d * d)) : 0;
  }
  // Top and bottom are straight, apart from the rounded ends of a pill.
  const straight = W / 2 - r;
  if (!roundLeft || d <= straight) return 0;
  const e = Math.min(r, d - straight);
  return r - Math.sqrt(Math.max(0, r * r - e * e));
}

function curveOf(
  kind: RouteKind,
  p: { x: number; y: number },
  q: { x: number; y: number },
): FlowCurve {
  const { x: x0, y: y0 } = p;
  const { x: x3, y: y3 } = q;
  switch (kind) {
    case 'forward': {
      const dx = Math.max(30, (x3 - x0) / 2);
      return { x0, y0, x1: x0 + dx, y1: y0, x2: x3 - dx, y2: y3, x3, y3 };
    }
    case 'down': {
      const dy = (y3 - y0) / 2;
      return { x0, y0, x1: x0, y1: y0 + dy, x2: x3, y2: y3 - dy, x3, y3 };
    }
    case 'up': {
      const dy = (y0 - y3) / 2;
      return { x0, y0, x1: x0, y1: y0 - dy, x2: x3, y2: y3 + dy, x3, y3 };
    }
    case 'back': {
      // Under both boxes; a loop over more columns dips a little deeper, so loops nest.
      const span = Math.min(4, Math.round(Math.abs(x3 - x0) / GEOMETRY.columnWidth));
      const dip = Math.max(y0, y3) + 40 + 6 * span;
      return { x0, y0, x1: x0, y1: dip, x2: x3, y2: dip, x3, y3 };
    }
  }
}

/** The point of a curve at `t` (0 at the start, 1 at the arrow's tip). */
export function pointOnCurve(c: FlowCurve, t: number): { x: number; y: number } {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return {
    x: a * c.x0 + b * c.x1 + d * c.x2 + e * c.x3,
    y: a * c.y0 + b * c.y1 + d * c.y2 + e * c.y3,
  };
}

/** The curve as an SVG path (`M … C …`), coordinates rounded to tenths. */
export function curvePath(c: FlowCurve): string {
  const n = (v: number) => Math.round(v * 10) / 10;
  return `M${n(c.x0)},${n(c.y0)} C${n(c.x1)},${n(c.y1)} ${n(c.x2)},${n(c.y2)} ${n(c.x3)},${n(c.y3)}`;
}
