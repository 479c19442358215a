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

interface End {
  readonly route: number;
  readonly out: boolean;
  readonly key: number;
}

/**
 * The line of every flow whose two steps are drawn (`boxOf` gives a step's box), in flow order.
 * Flows to or from a step not drawn are left out. Linear apart from sorting each step's ports.
 */
export function routeFlows(
  flows: readonly Flow[],
  boxOf: (id: string) => StepBox | undefined,
): FlowRoute[] {
  const ends: { flow: Flow; from: StepBox; to: StepBox; kind: RouteKind }[] = [];
  // The flows meeting each side of each step.
  const bySide: Record<Side, Map<StepBox, End[]>> = {
    left: new Map(),
    right: new Map(),
    top: new Map(),
    bottom: new Map(),
  };
  const add = (box: StepBox, side: Side, end: End) => {
    const list = bySide[side].get(box);
    if (list) list.push(end);
    else bySide[side].set(box, [end]);
  };
  for (const flow of flows) {
    const from = boxOf(flow.from);
    const to = boxOf(flow.to);
    if (!from || !to) continue;
    const kind = routeKind(from, to);
    const route = ends.length;
    ends.push({ flow, from, to, kind });
    const [outSide, inSide] = SIDES[kind];
    add(from, outSide, { route, out: true, key: sortKey(kind, from, to) });
    add(to, inSide, { route, out: false, key: sortKey(kind, to, from) });
  }
  // Each end's offset from the middle of its side.
  const outOffset = new Float64Array(ends.length);
  const inOffset = new Float64Array(ends.length);
  for (const side of ['left', 'right', 'top', 'bottom'] as const) {
    const vertical = side === 'left' || side === 'right';
    const length = vertical ? H : W;
    const margin = vertical ? PORT_MARGIN.vertical : PORT_MARGIN.horizontal;
    const most = vertical ? PORT_GAP.vertical : PORT_GAP.horizontal;
    for (const list of bySide[side].values()) {
      if (list.length === 1) continue;
      list.sort((a, b) => a.key - b.key || a.route - b.route || Number(a.out) - Number(b.out));
      const gap = Math.min(most, (length - 2 * margin) / (list.length - 1));
      list.forEach((end, i) => {
        const offset = (i - (list.length - 1) / 2) * gap;
        if (end.out) outOffset[end.route] = offset;
        else inOffset[end.route] = offset;
      });
    }
  }
  return ends.map(({ flow, from, to, kind }, i) => {
    const [outSide, inSide] = SIDES[kind];
    const p = port(from, outSide, outOffset[i] as number);
    const q = port(to, inSide, inOffset[i] as number);
    return { flow, from, to, kind, curve: curveOf(kind, p, q) };
  });
}

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

/** The point on a step's outline at `offset` from the middle of `side`. */
function port(box: StepBox, side: Side, offset: number): { x: number; y: number } {
  const { x, y } = box;
  const kind: StepKind = box.step.kind;
  const cx = x + W / 2;
  const cy = y + H / 2;
  if (side === 'left' || side === 'right') {
    const sign = side === 'right' ? 1 : -1;
    return { x: cx + sign * (W / 2 - inset(kind, side, offset)), y: cy + offset };
  }
  const sign = side === 'bottom' ? 1 : -1;
  return { x: cx + offset, y: cy + sign * (H / 2 - inset(kind, side, offset)) };
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
