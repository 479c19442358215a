import type { Step } from '@procmap/model';
import { type FlowRoute, pointOnCurve } from './flow-routes';
import { GEOMETRY, type StepBox } from './swimlane-geometry';

/*
 * Where flow labels go, as a pure function shared by the canvas and the exports: on or beside
 * their own line, never under a step, its time tag, its badge or comment markers, or another
 * label. Greedy, in flow order: each label takes the first free spot of a fixed list of
 * candidates along its line, or, when none is free, the one it overlaps least.
 */

/** A rectangle in canvas units: top-left corner and size. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Something a label must not cover: a rectangle, or a group of them (`parts`) within the
 * rectangle (their bounds), checked part by part only when the bounds are touched.
 */
export interface Obstacle extends Rect {
  readonly parts?: readonly ObstaclePart[];
}

/** A rectangle, or (`diamond`) the diamond inscribed in it: a decision's outline. */
export interface ObstaclePart extends Rect {
  readonly diamond?: boolean;
}

/** Where a label was put: its rectangle, and whether it overlaps nothing. */
export interface PlacedLabel extends Rect {
  /** False when every candidate spot overlapped something: this one overlaps least. */
  readonly clear: boolean;
}

/** What a step's outline keeps free around it, beyond its box, for what is drawn on it. */
export interface ObstacleOptions {
  /**
   * The width of a step's time tag (centred on its lower edge), or undefined when it has none;
   * `index` is the step's place in the list given.
   * Without it, no tag is reserved.
   */
  readonly timeTagWidth?: (step: Step, index: number) => number | undefined;
}

/** Gap kept between a label and what it must not touch. */
const CLEAR = 3;
/** Gap a label keeps, where it can, from other flows' lines. */
const LINE_CLEAR = 10;
/** A time tag's extent below and above a step's lower edge (the canvas's is the larger). */
const TAG_ABOVE = 8;
const TAG_BELOW = 11;
/** Room at the top corners for a finding badge (right) and comment markers (left). */
const CORNER = { height: 22, rise: 11, badgeWidth: 44, markersWidth: 76 } as const;

/**
 * What a label must keep clear of on each step, one obstacle per step: its box, a time tag on
 * its lower edge, and its top corners (finding badge on the right, comment markers on the left).
 */
export function stepObstacles(
  steps: readonly StepBox[],
  options: ObstacleOptions = {},
): Obstacle[] {
  const W = GEOMETRY.stepWidth;
  const H = GEOMETRY.stepHeight;
  const out: Obstacle[] = [];
  const top = -CORNER.rise;
  const right = W + 10;
  for (let i = 0; i < steps.length; i++) {
    const { step, x, y } = steps[i] as StepBox;
    const parts: ObstaclePart[] = [
      step.kind === 'decision'
        ? { x, y, width: W, height: H, diamond: true }
        : { x, y, width: W, height: H },
      {
        x: x + right - CORNER.badgeWidth,
        y: y + top,
        width: CORNER.badgeWidth,
        height: CORNER.height,
      },
      { x: x + 6, y: y + top, width: CORNER.markersWidth, height: CORNER.height },
    ];
    const tag = options.timeTagWidth?.(step, i);
    let bottom = H;
    if (tag !== undefined && tag > 0) {
      const w = Math.min(tag, W);
      parts.push({
        x: x + (W - w) / 2,
        y: y + H - TAG_ABOVE,
        width: w,
        height: TAG_ABOVE + TAG_BELOW,
      });
      bottom = H + TAG_BELOW;
    }
    out.push({ x, y: y + top, width: right, height: bottom - top, parts });
  }
  return out;
}

/** Along the line, from its middle outwards: where a label is tried first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88] as const;

/**
 * Places each route's label: `sizeOf(route)` gives its size, or undefined for a flow without a
 * label. Returns the placed rectangles by flow id. Deterministic: the same input, the same places.
 */
export function placeFlowLabels(
  routes: readonly FlowRoute[],
  sizeOf: (route: FlowRoute) => { readonly width: number; readonly height: number } | undefined,
  obstacles: readonly Obstacle[],
): Map<string, PlacedLabel> {
  const placed = new Map<string, PlacedLabel>();
  const sizes = routes.map(sizeOf);
  if (!sizes.some((s) => s && s.width > 0 && s.height > 0)) return placed;
  const grid = new Grid();
  for (const o of obstacles) grid.add(o);
  const lines = new LineGrid();
  routes.forEach((route, i) => {
    lines.add(route, i);
  });
  routes.forEach((route, i) => {
    const size = sizes[i];
    if (!size || !(size.width > 0) || !(size.height > 0)) return;
    const best = place(route, i, size.width, size.height, grid, lines);
    grid.add(best);
    placed.set(route.flow.id, best);
  });
  return placed;
}

function place(
  route: FlowRoute,
  index: number,
  w: number,
  h: number,
  grid: Grid,
  lines: LineGrid,
): PlacedLabel {
  // The least-crossing spot clear of every obstacle, else the one overlapping obstacles least.
  let free: Rect | undefined;
  let freeCrossings = Number.POSITIVE_INFINITY;
  let least: Rect | undefined;
  let leastOverlap = Number.POSITIVE_INFINITY;
  const tryAt = (x: number, y: number): boolean => {
    const rect = { x, y, width: w, height: h };
    const overlap = grid.overlap(rect, free ? 1 : leastOverlap);
    if (overlap > 0) {
      if (!free && overlap < leastOverlap) {
        least = rect;
        leastOverlap = overlap;
      }
      return false;
    }
    // Clear of obstacles: it should not sit on another flow's line either (it would seem to
    // name that one).
    const crossings = lines.count(rect, index, freeCrossings);
    if (crossings < freeCrossings) {
      free = rect;
      freeCrossings = crossings;
    }
    return crossings === 0;
  };
  const result = () => (free ? done(free, true) : done(least, false));
  // A decision's branches are labelled where they leave it, as on a flowchart; other flows in
  // the middle of their line, its background hiding the line beneath it.
  const fromDecision = route.from.step.kind === 'decision';
  if (fromDecision && atStart(route, w, h, tryAt)) return result();
  const points = ALONG.map((t) => pointOnCurve(route.curve, t));
  for (const p of points) if (tryAt(p.x - w / 2, p.y - h / 2)) return result();
  if (!fromDecision && atStart(route, w, h, tryAt)) return result();
  // Beside the line: above, below, then to its right and left.
  for (const p of points) {
    if (tryAt(p.x - w / 2, p.y - h - CLEAR)) return result();
    if (tryAt(p.x - w / 2, p.y + CLEAR)) return result();
  }
  for (const p of points) {
    if (tryAt(p.x + CLEAR + 2, p.y - h / 2)) return result();
    if (tryAt(p.x - w - CLEAR - 2, p.y - h / 2)) return result();
  }
  // Beside its own line, even across another line, rather than far from it.
  if (free) return result();
  // A short line between neighbouring steps may have no room beside it: just above or below
  // the pair, over the gap between them.
  const { x0, y0, x3, y3 } = route.curve;
  const mid = (x0 + x3) / 2;
  const top = Math.min(y0, y3) - GEOMETRY.stepHeight / 2 - CORNER.rise;
  const bottom = Math.max(y0, y3) + GEOMETRY.stepHeight / 2 + TAG_BELOW;
  if (tryAt(mid - w / 2, top - CLEAR - h)) return result();
  tryAt(mid - w / 2, bottom + CLEAR);
  return result();
}

/**
 * Tries the spots beside the start of the line, on either side of it: the label's near corner
 * just off the port, so it reads as the branch's name. True when one was free.
 */
function atStart(
  route: FlowRoute,
  w: number,
  h: number,
  tryAt: (x: number, y: number) => boolean,
): boolean {
  const { x0, y0, y3 } = route.curve;
  const gap = CLEAR + 3;
  switch (route.kind) {
    case 'forward': {
      // The side the line turns away from first: a line heading down keeps the space above it.
      const down = y3 > y0;
      const above = () => tryAt(x0 + gap, y0 - h - 2);
      const below = () => tryAt(x0 + gap, y0 + 2);
      return down ? above() || below() : below() || above();
    }
    case 'down':
    case 'back':
      return tryAt(x0 + CLEAR, y0 + gap) || tryAt(x0 - w - CLEAR, y0 + gap);
    case 'up':
      return tryAt(x0 + CLEAR, y0 - gap - h) || tryAt(x0 - w - CLEAR, y0 - gap - h);
  }
}

/** Points along every flow's line, by the flow's place in the list, bucketed like Grid. */
class LineGrid {
  private static readonly CELL = 128;
  /** Per cell: x, y and owner of each point, flat. */
  private readonly cells = new Map<number, number[]>();

  add(route: FlowRoute, owner: number): void {
    const c = route.curve;
    const length =
      Math.hypot(c.x1 - c.x0, c.y1 - c.y0) +
      Math.hypot(c.x2 - c.x1, c.y2 - c.y1) +
      Math.hypot(c.x3 - c.x2, c.y3 - c.y2);
    const n = Math.min(200, Math.max(4, Math.ceil(length / 12)));
    for (let i = 1; i < n; i++) {
      const p = pointOnCurve(c, i / n);
      const key = Math.floor(p.x / LineGrid.CELL) * 1_000_003 + Math.floor(p.y / LineGrid.CELL);
      const list = this.cells.get(key);
      if (list) list.push(p.x, p.y, owner);
      else this.cells.set(key, [p.x, p.y, owner]);
    }
  }

  /**
   * How many points of other flows' lines lie in `r` or within LINE_CLEAR of it (on the canvas,
   * a line takes clicks that far from it), counting up to `enough`.
   */
  count(label: Rect, owner: number, enough: number): number {
    const c = LineGrid.CELL;
    const r = {
      x: label.x - LINE_CLEAR,
      y: label.y - LINE_CLEAR,
      width: label.width + 2 * LINE_CLEAR,
      height: label.height + 2 * LINE_CLEAR,
    };
    const x1 = r.x + r.width;
    const y1 = r.y + r.height;
    let n = 0;
    const cx1 = Math.min(Math.floor(x1 / c), Math.floor(r.x / c) + 64);
    const cy1 = Math.min(Math.floor(y1 / c), Math.floor(r.y / c) + 64);
    for (let cx = Math.floor(r.x / c); cx <= cx1; cx++) {
      for (let cy = Math.floor(r.y / c); cy <= cy1; cy++) {
        const list = this.cells.get(cx * 1_000_003 + cy);
        if (!list) continue;
        for (let i = 0; i < list.length; i += 3) {
          const x = list[i] as number;
          const y = list[i + 1] as number;
          if (list[i + 2] !== owner && x > r.x && x < x1 && y > r.y && y < y1 && ++n >= enough) {
            return n;
          }
        }
      }
    }
    return n;
  }
}

function done(rect: Rect | undefined, clear: boolean): PlacedLabel {
  const r = rect as Rect;
  return { x: r.x, y: r.y, width: r.width, height: r.height, clear };
}

/** Whether the rectangle (x0, y0)-(x1, y1) reaches into the diamond inscribed in `d`. */
function touchesDiamond(d: Rect, x0: number, y0: number, x1: number, y1: number): boolean {
  const cx = d.x + d.width / 2;
  const cy = d.y + d.height / 2;
  // The rectangle's point nearest the centre, and its distance in the diamond's own measure.
  const dx = Math.max(0, x0 - cx, cx - x1);
  const dy = Math.max(0, y0 - cy, cy - y1);
  return dx / (d.width / 2) + dy / (d.height / 2) < 1;
}

/** Rectangles bucketed by a square grid, so a label is checked against its neighbours only. */
class Grid {
  private static readonly CELL = 256;
  private readonly rects: Obstacle[] = [];
  private readonly cells = new Map<number, number[]>();
  /** The query each rectangle was last counted in, so one spanning cells counts once. */
  private stamps = new Int32Array(1024);
  private query = 0;

  add(r: Obstacle): void {
    const at = this.rects.length;
    this.rects.push(r);
    if (at >= this.stamps.length) {
      const grown = new Int32Array(this.stamps.length * 2);
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const c = Grid.CELL;
    const x0 = Math.floor(r.x / c);
    const y0 = Math.floor(r.y / c);
    // A huge label (a pasted page of text) would fill thousands of cells: cap its reach.
    const x1 = Math.min(Math.floor((r.x + r.width) / c), x0 + 64);
    const y1 = Math.min(Math.floor((r.y + r.height) / c), y0 + 64);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = gx * 1_000_003 + gy;
        const list = this.cells.get(key);
        if (list) list.push(at);
        else this.cells.set(key, [at]);
      }
    }
  }

  /**
   * The area `r`, grown by the clearance, shares with the rectangles in the grid; stops adding
   * once it reaches `enough` (the caller only wants to know whether it beats that).
   */
  overlap(r: Rect, enough: number): number {
    const gx0 = r.x - CLEAR;
    const gy0 = r.y - CLEAR;
    const gx1 = r.x + r.width + CLEAR;
    const gy1 = r.y + r.height + CLEAR;
    const c = Grid.CELL;
    const query = ++this.query;
    let total = 0;
    const cx1 = Math.min(Math.floor(gx1 / c), Math.floor(gx0 / c) + 64);
    const cy1 = Math.min(Math.floor(gy1 / c), Math.floor(gy0 / c) + 64);
    for (let cx = Math.floor(gx0 / c); cx <= cx1; cx++) {
      for (let cy = Math.floor(gy0 / c); cy <= cy1; cy++) {
        const list = this.cells.get(cx * 1_000_003 + cy);
        if (!list) continue;
        for (const i of list) {
          if (this.stamps[i] === query) continue;
          this.stamps[i] = query;
          const o = this.rects[i] as Obstacle;
          if (o.x >= gx1 || o.y >= gy1 || o.x + o.width <= gx0 || o.y + o.height <= gy0) continue;
          for (const p of o.parts ?? [o as ObstaclePart]) {
            const w = Math.min(gx1, p.x + p.width) - Math.max(gx0, p.x);
            const h = Math.min(gy1, p.y + p.height) - Math.max(gy0, p.y);
            if (w > 0 && h > 0 && (!p.diamond || touchesDiamond(p, gx0, gy0, gx1, gy1))) {
              total += w * h;
            }
          }
          if (total >= enough) return total;
        }
      }
    }
    return total;
  }
}
