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
 * The parts of a step are worked out (and its time tag measured) only when a label comes near.
 */
export function stepObstacles(
  steps: readonly StepBox[],
  options: ObstacleOptions = {},
): Obstacle[] {
  const out: Obstacle[] = new Array(steps.length);
  for (let i = 0; i < steps.length; i++) out[i] = new StepObstacle(steps[i] as StepBox, i, options);
  return out;
}

const W = GEOMETRY.stepWidth;
const H = GEOMETRY.stepHeight;

/** One step's obstacle: bounds at once, parts on first use. */
class StepObstacle implements Obstacle {
  /** Keeps the class's hidden class alive between exports (see the end of this file). */
  static kept: StepObstacle | undefined;
  readonly x: number;
  readonly y: number;
  readonly width = W + 10;
  readonly height = H + CORNER.rise + TAG_BELOW;
  private made: readonly ObstaclePart[] | undefined;

  constructor(
    private readonly box: StepBox,
    private readonly index: number,
    private readonly options: ObstacleOptions,
  ) {
    this.x = box.x;
    this.y = box.y - CORNER.rise;
  }

  get parts(): readonly ObstaclePart[] {
    if (this.made) return this.made;
    const { step, x, y } = this.box;
    const parts: ObstaclePart[] = [
      step.kind === 'decision'
        ? { x, y, width: W, height: H, diamond: true }
        : { x, y, width: W, height: H },
      {
        x: x + W + 10 - CORNER.badgeWidth,
        y: y - CORNER.rise,
        width: CORNER.badgeWidth,
        height: CORNER.height,
      },
      { x: x + 6, y: y - CORNER.rise, width: CORNER.markersWidth, height: CORNER.height },
    ];
    const tag = this.options.timeTagWidth?.(step, this.index);
    if (tag !== undefined && tag > 0) {
      const w = Math.min(tag, W);
      parts.push({
        x: x + (W - w) / 2,
        y: y + H - TAG_ABOVE,
        width: w,
        height: TAG_ABOVE + TAG_BELOW,
      });
    }
    this.made = parts;
    return parts;
  }
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
  const grid = new Grid(obstacles);
  const lines = new LineGrid(routes);
  const placer = new Placer(grid, lines);
  routes.forEach((route, i) => {
    const size = sizes[i];
    if (!size || !(size.width > 0) || !(size.height > 0)) return;
    const best = placer.place(route, i, size.width, size.height);
    grid.add(best);
    placed.set(route.flow.id, best);
  });
  return placed;
}

/**
 * Tries the candidate spots of one label after another. A class rather than closures: one
 * instance serves every label of a map.
 */
class Placer {
  static kept: Placer | undefined;
  private route!: FlowRoute;
  private index = 0;
  private w = 0;
  private h = 0;
  /** The least-crossing spot clear of every obstacle so far, and how many points it crosses. */
  private free: Rect | undefined;
  private freeCrossings = Number.POSITIVE_INFINITY;
  /** Spots on an obstacle, tried while none was free: the fallback. */
  private readonly blocked: Rect[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly lines: LineGrid,
  ) {}

  place(route: FlowRoute, index: number, w: number, h: number): PlacedLabel {
    this.route = route;
    this.index = index;
    this.w = w;
    this.h = h;
    this.free = undefined;
    this.freeCrossings = Number.POSITIVE_INFINITY;
    this.blocked.length = 0;
    this.search();
    return this.result();
  }

  private search(): void {
    const { route, w, h } = this;
    // A decision's branches are labelled where they leave it, as on a flowchart; other flows in
    // the middle of their line, its background hiding the line beneath it.
    const fromDecision = route.from.step.kind === 'decision';
    if (fromDecision && this.atStart()) return;
    const c = route.curve;
    for (const t of ALONG) {
      const p = pointOnCurve(c, t);
      if (this.tryAt(p.x - w / 2, p.y - h / 2)) return;
    }
    if (!fromDecision && this.atStart()) return;
    // Beside the line: above, below, then to its right and left.
    for (const t of ALONG) {
      const p = pointOnCurve(c, t);
      if (this.tryAt(p.x - w / 2, p.y - h - CLEAR)) return;
      if (this.tryAt(p.x - w / 2, p.y + CLEAR)) return;
    }
    for (const t of ALONG) {
      const p = pointOnCurve(c, t);
      if (this.tryAt(p.x + CLEAR + 2, p.y - h / 2)) return;
      if (this.tryAt(p.x - w - CLEAR - 2, p.y - h / 2)) return;
    }
    // Beside its own line, even across another line, rather than far from it.
    if (this.free) return;
    // A short line between neighbouring steps may have no room beside it: just above or below
    // the pair, over the gap between them.
    const mid = (c.x0 + c.x3) / 2;
    const top = Math.min(c.y0, c.y3) - GEOMETRY.stepHeight / 2 - CORNER.rise;
    const bottom = Math.max(c.y0, c.y3) + GEOMETRY.stepHeight / 2 + TAG_BELOW;
    if (this.tryAt(mid - w / 2, top - CLEAR - h)) return;
    this.tryAt(mid - w / 2, bottom + CLEAR);
  }

  /** Whether the spot is free and crosses no other line (the search may stop). */
  private tryAt(x: number, y: number): boolean {
    const rect = { x, y, width: this.w, height: this.h };
    const { from, to } = this.route;
    // Most spots that fail lie on the flow's own two steps: a cheap test before the grid's.
    if (onBox(rect, from) || onBox(rect, to) || this.grid.overlap(rect, 1) > 0) {
      if (!this.free) this.blocked.push(rect);
      return false;
    }
    // Clear of obstacles: it should not sit on another flow's line either (it would seem to
    // name that one).
    const crossings = this.lines.count(rect, this.index, this.freeCrossings);
    if (crossings < this.freeCrossings) {
      this.free = rect;
      this.freeCrossings = crossings;
    }
    return crossings === 0;
  }

  private result(): PlacedLabel {
    if (this.free) return done(this.free, true);
    let least: Rect | undefined;
    let leastOverlap = Number.POSITIVE_INFINITY;
    for (const rect of this.blocked) {
      const overlap = this.grid.overlap(rect, leastOverlap);
      if (overlap < leastOverlap) {
        least = rect;
        leastOverlap = overlap;
      }
    }
    return done(least, false);
  }

  /**
   * Tries the spots beside the start of the line, on either side of it: the label's near
   * corner just off the port, so it reads as the branch's name. True when one was free.
   */
  private atStart(): boolean {
    const { w, h } = this;
    const { x0, y0, y3 } = this.route.curve;
    const gap = CLEAR + 3;
    switch (this.route.kind) {
      case 'forward': {
        // The side the line turns away from first: a line heading down keeps the space above.
        const above = [x0 + gap, y0 - h - 2] as const;
        const below = [x0 + gap, y0 + 2] as const;
        const [first, second] = y3 > y0 ? [above, below] : [below, above];
        return this.tryAt(first[0], first[1]) || this.tryAt(second[0], second[1]);
      }
      case 'down':
      case 'back':
        return this.tryAt(x0 + CLEAR, y0 + gap) || this.tryAt(x0 - w - CLEAR, y0 + gap);
      case 'up':
        return this.tryAt(x0 + CLEAR, y0 - gap - h) || this.tryAt(x0 - w - CLEAR, y0 - gap - h);
    }
  }
}

/**
 * Every flow's line, for counting how many cross near a label. Lines are bucketed by their
 * bounds (a curve lies within its control points' bounds) and followed only near the spot tried,
 * so the cost follows the labels, not the size of the map.
 */
class LineGrid {
  static kept: LineGrid | undefined;
  private readonly index: Buckets;
  private readonly found: number[] = [];

  constructor(private readonly routes: readonly FlowRoute[]) {
    const bounds = new Float64Array(4 * routes.length);
    routes.forEach(({ curve: c }, i) => {
      bounds[4 * i] = Math.min(c.x0, c.x1, c.x2, c.x3);
      bounds[4 * i + 1] = Math.min(c.y0, c.y1, c.y2, c.y3);
      bounds[4 * i + 2] = Math.max(c.x0, c.x1, c.x2, c.x3);
      bounds[4 * i + 3] = Math.max(c.y0, c.y1, c.y2, c.y3);
    });
    this.index = new Buckets(bounds);
  }

  /**
   * How many other flows' lines pass through `label` or within LINE_CLEAR of it (on the canvas,
   * a line takes clicks that far from it), counting up to `enough`.
   */
  count(label: Rect, owner: number, enough: number): number {
    const x0 = label.x - LINE_CLEAR;
    const y0 = label.y - LINE_CLEAR;
    const x1 = label.x + label.width + LINE_CLEAR;
    const y1 = label.y + label.height + LINE_CLEAR;
    this.index.near(x0, y0, x1, y1, this.found);
    let n = 0;
    for (const i of this.found) {
      if (i === owner) continue;
      const c = (this.routes[i] as FlowRoute).curve;
      if (
        crosses(c.x0, c.y0, c.x1, c.y1, c.x2, c.y2, c.x3, c.y3, x0, y0, x1, y1, 0) &&
        ++n >= enough
      ) {
        return n;
      }
    }
    return n;
  }
}

/**
 * Whether a cubic curve passes through the rectangle (x0, y0)-(x1, y1): halving the curve
 * (de Casteljau) only where its control points' bounds meet the rectangle, down to pieces a few
 * units long.
 */
function crosses(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  depth: number,
): boolean {
  const minX = Math.min(ax, bx, cx, dx);
  const maxX = Math.max(ax, bx, cx, dx);
  const minY = Math.min(ay, by, cy, dy);
  const maxY = Math.max(ay, by, cy, dy);
  if (maxX <= x0 || minX >= x1 || maxY <= y0 || minY >= y1) return false;
  // An end inside, or a piece small enough to stand for a point.
  if ((ax > x0 && ax < x1 && ay > y0 && ay < y1) || (dx > x0 && dx < x1 && dy > y0 && dy < y1)) {
    return true;
  }
  if (depth >= 14 || (maxX - minX < 4 && maxY - minY < 4)) return true;
  const abx = (ax + bx) / 2;
  const aby = (ay + by) / 2;
  const bcx = (bx + cx) / 2;
  const bcy = (by + cy) / 2;
  const cdx = (cx + dx) / 2;
  const cdy = (cy + dy) / 2;
  const abcx = (abx + bcx) / 2;
  const abcy = (aby + bcy) / 2;
  const bcdx = (bcx + cdx) / 2;
  const bcdy = (bcy + cdy) / 2;
  const mx = (abcx + bcdx) / 2;
  const my = (abcy + bcdy) / 2;
  return (
    crosses(ax, ay, abx, aby, abcx, abcy, mx, my, x0, y0, x1, y1, depth + 1) ||
    crosses(mx, my, bcdx, bcdy, cdx, cdy, dx, dy, x0, y0, x1, y1, depth + 1)
  );
}

function done(rect: Rect | undefined, clear: boolean): PlacedLabel {
  const r = rect as Rect;
  return { x: r.x, y: r.y, width: r.width, height: r.height, clear };
}

/** The area a part shares with the rectangle (x0, y0)-(x1, y1). */
function shared(p: ObstaclePart, x0: number, y0: number, x1: number, y1: number): number {
  const w = Math.min(x1, p.x + p.width) - Math.max(x0, p.x);
  const h = Math.min(y1, p.y + p.height) - Math.max(y0, p.y);
  if (w <= 0 || h <= 0 || (p.diamond && !touchesDiamond(p, x0, y0, x1, y1))) return 0;
  return w * h;
}

/** Whether a label, with its clearance, lies on a step's box (on a decision's diamond). */
function onBox(r: Rect, box: StepBox): boolean {
  const x0 = r.x - CLEAR;
  const y0 = r.y - CLEAR;
  const x1 = r.x + r.width + CLEAR;
  const y1 = r.y + r.height + CLEAR;
  if (x1 <= box.x || y1 <= box.y || x0 >= box.x + W || y0 >= box.y + H) return false;
  if (box.step.kind !== 'decision') return true;
  return touchesDiamond({ x: box.x, y: box.y, width: W, height: H }, x0, y0, x1, y1);
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

/**
 * Items' bounds (x0, y0, x1, y1 each, flat) bucketed once into a grid of flat arrays, so a query
 * visits only the items whose bounds meet its rectangle.
 */
class Buckets {
  private readonly cell: number;
  private readonly left: number;
  private readonly top: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Items of cell k: items[start[k] .. start[k + 1]). */
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  private readonly stamps: Int32Array;
  private query = 0;

  constructor(private readonly bounds: Float64Array) {
    const n = bounds.length / 4;
    let left = Number.POSITIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      left = Math.min(left, bounds[4 * i] as number);
      top = Math.min(top, bounds[4 * i + 1] as number);
      right = Math.max(right, bounds[4 * i + 2] as number);
      bottom = Math.max(bottom, bounds[4 * i + 3] as number);
    }
    if (n === 0) left = top = right = bottom = 0;
    // Cells of 256 units, fewer and larger on a map spread very wide (at most 512 a side).
    this.cell = Math.max(256, (right - left) / 512, (bottom - top) / 512);
    this.left = left;
    this.top = top;
    this.cols = Math.floor((right - left) / this.cell) + 1;
    this.rows = Math.floor((bottom - top) / this.cell) + 1;
    const counts = new Int32Array(this.cols * this.rows + 1);
    this.each(n, (k) => {
      counts[k] = (counts[k] as number) + 1;
    });
    this.start = new Int32Array(counts.length);
    for (let k = 1; k < counts.length; k++) {
      this.start[k] = (this.start[k - 1] as number) + (counts[k - 1] as number);
    }
    const fill = this.start.slice();
    this.items = new Int32Array(this.start[counts.length - 1] as number);
    this.each(n, (k, i) => {
      this.items[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    });
    this.stamps = new Int32Array(n);
  }

  /** Calls `fn(cell, item)` for every cell each item's bounds cover. */
  private each(n: number, fn: (k: number, i: number) => void): void {
    const b = this.bounds;
    for (let i = 0; i < n; i++) {
      const c0 = this.col(b[4 * i] as number);
      const c1 = this.col(b[4 * i + 2] as number);
      const r0 = this.row(b[4 * i + 1] as number);
      const r1 = this.row(b[4 * i + 3] as number);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(r * this.cols + c, i);
    }
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.left) / this.cell)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.top) / this.cell)));
  }

  /**
   * The items whose bounds meet (x0, y0)-(x1, y1), each once, into `out` (emptied first); how
   * many there are.
   */
  near(x0: number, y0: number, x1: number, y1: number, out: number[]): number {
    out.length = 0;
    const query = ++this.query;
    const b = this.bounds;
    const c1 = this.col(x1);
    const r1 = this.row(y1);
    for (let r = this.row(y0); r <= r1; r++) {
      for (let c = this.col(x0); c <= c1; c++) {
        const k = r * this.cols + c;
        const end = this.start[k + 1] as number;
        for (let at = this.start[k] as number; at < end; at++) {
          const i = this.items[at] as number;
          if (this.stamps[i] === query) continue;
          this.stamps[i] = query;
          if ((b[4 * i] as number) >= x1 || (b[4 * i + 1] as number) >= y1) continue;
          if ((b[4 * i + 2] as number) <= x0 || (b[4 * i + 3] as number) <= y0) continue;
          out.push(i);
        }
      }
    }
    return out.length;
  }
}

/**
 * What a label must not cover: the obstacles given (bucketed once) and the labels placed so far
 * (a few, kept in a small grid of their own).
 */
class Grid {
  static kept: Grid | undefined;
  private static readonly CELL = 256;
  private readonly fixed: Buckets;
  private readonly placed: Rect[] = [];
  private readonly cells = new Map<number, number[]>();
  private readonly seen: number[] = [];
  private readonly found: number[] = [];
  private query = 0;

  constructor(private readonly obstacles: readonly Obstacle[]) {
    const bounds = new Float64Array(4 * obstacles.length);
    obstacles.forEach((o, i) => {
      bounds[4 * i] = o.x;
      bounds[4 * i + 1] = o.y;
      bounds[4 * i + 2] = o.x + o.width;
      bounds[4 * i + 3] = o.y + o.height;
    });
    this.fixed = new Buckets(bounds);
  }

  /** Adds a placed label. */
  add(r: Rect): void {
    const at = this.placed.length;
    this.placed.push(r);
    this.seen.push(0);
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
   * The area `r`, grown by the clearance, shares with the obstacles and placed labels; stops
   * adding once it reaches `enough` (the caller only wants to know whether it beats that).
   */
  overlap(r: Rect, enough: number): number {
    const gx0 = r.x - CLEAR;
    const gy0 = r.y - CLEAR;
    const gx1 = r.x + r.width + CLEAR;
    const gy1 = r.y + r.height + CLEAR;
    let total = 0;
    const found = this.found;
    this.fixed.near(gx0, gy0, gx1, gy1, found);
    for (const i of found) {
      const o = this.obstacles[i] as Obstacle;
      for (const p of o.parts ?? [o as ObstaclePart]) total += shared(p, gx0, gy0, gx1, gy1);
      if (total >= enough) return total;
    }
    if (total >= enough || this.placed.length === 0) return total;
    const query = ++this.query;
    const c = Grid.CELL;
    const cx1 = Math.min(Math.floor(gx1 / c), Math.floor(gx0 / c) + 64);
    const cy1 = Math.min(Math.floor(gy1 / c), Math.floor(gy0 / c) + 64);
    for (let cx = Math.floor(gx0 / c); cx <= cx1; cx++) {
      for (let cy = Math.floor(gy0 / c); cy <= cy1; cy++) {
        for (const i of this.cells.get(cx * 1_000_003 + cy) ?? []) {
          if (this.seen[i] === query) continue;
          this.seen[i] = query;
          total += shared(this.placed[i] as Rect, gx0, gy0, gx1, gy1);
          if (total >= enough) return total;
        }
      }
    }
    return total;
  }
}

/*
 * One of each kept alive: V8 drops a class's hidden class, and the code optimised for it, once
 * no instance is left (after a full collection between two exports, say), and the next export
 * would run slowly while it optimises again.
 */
Grid.kept = new Grid([{ x: 0, y: 0, width: 1, height: 1 }]);
LineGrid.kept = new LineGrid([]);
Placer.kept = new Placer(Grid.kept, LineGrid.kept);
StepObstacle.kept = new StepObstacle(
  { step: { kind: 'task' } as Step, x: 0, y: 0 } as StepBox,
  0,
  {},
);
