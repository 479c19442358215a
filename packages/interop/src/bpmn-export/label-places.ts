import { BoxIndex } from './box-index';
import type { Bounds } from './diagram-layout';
import { labelSize, type Point } from './edge-routes';

/*
 * Where names are drawn outside their shapes: a gateway's or an event's name (BPMN tools draw
 * it under the shape when the file gives no bounds, where a branch leaves from), then each named
 * flow's. Greedy, in order: each label takes the first of its candidate spots that covers no
 * shape and no label placed before it, and crosses no line if it can; when every spot covers
 * something, the one covering least.
 */

/** A gateway's or event's name goes above it first, then below, then beside. */
const NAME_GAP = 6;
/** Gap between a flow's label and its line. */
const LINE_GAP = 4;
const ALONG = [0.5, 0.3, 0.7, 0.15, 0.85] as const;

export class LabelPlacer {
  private readonly hard = new BoxIndex();
  private readonly soft = new BoxIndex();

  constructor(shapes: readonly Bounds[], lines: readonly (readonly Point[])[]) {
    for (const s of shapes) this.hard.add(s);
    for (const points of lines) this.addLine(points);
  }

  addShape(box: Bounds): void {
    this.hard.add(box);
  }

  addLine(points: readonly Point[]): void {
    for (let i = 1; i < points.length; i++) {
      const p = points[i - 1] as Point;
      const q = points[i] as Point;
      this.soft.add({
        x: Math.min(p.x, q.x),
        y: Math.min(p.y, q.y),
        width: Math.abs(p.x - q.x),
        height: Math.abs(p.y - q.y),
      });
    }
  }

  /** How much `box` covers: shapes and labels weigh far more than lines. */
  private cost(box: Bounds, soft: boolean): number {
    const grown = { x: box.x - 2, y: box.y - 2, width: box.width + 4, height: box.height + 4 };
    let c = this.hard.near(grown).length * 1000;
    if (soft) c += this.soft.near(box).length;
    return c;
  }

  /** The best of `candidates` (first free one, else least covering), taken from now on. */
  take(candidates: readonly Bounds[], within?: Bounds): Bounds {
    let best = candidates[0] as Bounds;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const c of candidates) {
      if (within && !inside(c, within)) continue;
      const cost = this.cost(c, true);
      if (cost < bestCost) {
        best = c;
        bestCost = cost;
        if (cost === 0) break;
      }
    }
    this.hard.add(best);
    return best;
  }

  /** A gateway's or event's name: above, below, then at the four corners and the sides. */
  nameOf(shape: Bounds, text: string): Bounds {
    const { width: w, height: h } = labelSize(text);
    const cx = shape.x + shape.width / 2;
    const cy = shape.y + shape.height / 2;
    const above = shape.y - h - NAME_GAP;
    const below = shape.y + shape.height + NAME_GAP;
    const rightX = shape.x + shape.width + NAME_GAP;
    const leftX = shape.x - w - NAME_GAP;
    const spots = [
      { x: cx - w / 2, y: above },
      { x: cx - w / 2, y: below },
      { x: rightX - 2, y: above },
      { x: leftX + 2, y: above },
      { x: rightX - 2, y: below },
      { x: leftX + 2, y: below },
      { x: rightX, y: cy - h - 4 },
      { x: leftX, y: cy - h - 4 },
      { x: rightX, y: cy + 4 },
      { x: leftX, y: cy + 4 },
      { x: cx - w / 2, y: above - h - 4 },
      { x: cx - w / 2, y: below + h + 4 },
    ];
    return this.take(spots.map((s) => ({ x: s.x, y: s.y, width: w, height: h })));
  }

  /** A flow's label: beside its line, near where it leaves a gateway for a branch. */
  flowLabel(points: readonly Point[], text: string, fromGateway: boolean): Bounds {
    // As wide as the text wants first, then wrapped narrower to fit between close shapes.
    const spots: Bounds[] = [];
    for (const size of [labelSize(text), narrow(text, 90), narrow(text, 56)]) {
      this.flowSpots(points, size.width, size.height, fromGateway, spots);
    }
    if (spots.length === 0) {
      const { width, height } = labelSize(text);
      const p = points[0] ?? { x: 0, y: 0 };
      spots.push({ x: p.x, y: p.y - height - LINE_GAP, width, height });
    }
    return this.take(spots);
  }

  private flowSpots(
    points: readonly Point[],
    w: number,
    h: number,
    fromGateway: boolean,
    spots: Bounds[],
  ): void {
    const segments: number[] = [];
    for (let i = 0; i + 1 < points.length; i++) segments.push(i);
    const lengthOf = (i: number) => {
      const a = points[i] as Point;
      const b = points[i + 1] as Point;
      return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    };
    if (!fromGateway) segments.sort((a, b) => lengthOf(b) - lengthOf(a) || a - b);
    const beside = (x: number, y: number, horizontal: boolean) => {
      if (horizontal) {
        spots.push({ x: x - w / 2, y: y - h - LINE_GAP, width: w, height: h });
        spots.push({ x: x - w / 2, y: y + LINE_GAP, width: w, height: h });
      } else {
        spots.push({ x: x + LINE_GAP, y: y - h / 2, width: w, height: h });
        spots.push({ x: x - w - LINE_GAP, y: y - h / 2, width: w, height: h });
      }
    };
    if (fromGateway && points.length > 1) {
      // Just out of the gateway, as a branch's label is usually drawn.
      const a = points[0] as Point;
      const b = points[1] as Point;
      const horizontal = Math.abs(a.y - b.y) < 1e-9;
      const sx = Math.sign(b.x - a.x);
      const sy = Math.sign(b.y - a.y);
      if (horizontal) {
        const x = a.x + sx * (w / 2 + 8);
        beside(x, a.y, true);
      } else beside(a.x, a.y + sy * (h / 2 + 8), false);
    }
    for (const i of segments) {
      const a = points[i] as Point;
      const b = points[i + 1] as Point;
      const horizontal = Math.abs(a.y - b.y) < 1e-9;
      for (const t of ALONG) beside(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, horizontal);
    }
  }
}

/** A label's size when wrapped at `width` (about 6.5 units a character, 14 a line). */
function narrow(text: string, width: number): { width: number; height: number } {
  const chars = [...text].length;
  const perLine = Math.max(1, Math.floor(width / 6.5));
  const lines = Math.min(8, Math.max(1, Math.ceil(chars / perLine)));
  return { width: Math.max(16, Math.min(width, Math.ceil(chars * 6.5))), height: 14 * lines };
}

function inside(a: Bounds, b: Bounds): boolean {
  return (
    a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height
  );
}
