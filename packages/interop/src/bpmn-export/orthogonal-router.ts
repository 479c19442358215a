import { BoxIndex, segmentHits } from './box-index';
import type { Bounds } from './diagram-layout';
import type { Point } from './edge-routes';
import { normal, type Port } from './ports';

/*
 * Orthogonal lines between ports that go around shapes. Each flow first tries the plain line
 * (one bend halfway, or a corner, or a loop under both shapes); when that runs through a shape
 * it does not join, the line is searched on a sparse grid around its two ends: the lines just
 * outside every shape nearby and the lane borders, where rows leave a free band. The search
 * (Dijkstra: length, plus a price for each bend) keeps a few units from every shape; it only
 * runs for blocked flows, and only over the shapes near them.
 */

/** How far a line runs straight out of its port before it may turn. */
const STUB = 8;
/** What a searched line keeps from shapes, and the lines it may run along beside them. */
const KEEP = 5;
const BESIDE = 12;
/** Price of a bend, in units of length. */
const BEND = 40;
/** How far around its ends a blocked line looks for a way. */
const REACH = 140;

const tidy = (points: Point[]): Point[] => {
  const out: Point[] = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (q && Math.abs(q.x - p.x) < 1e-9 && Math.abs(q.y - p.y) < 1e-9) continue;
    const r = out[out.length - 2];
    if (
      q &&
      r &&
      ((Math.abs(r.x - q.x) < 1e-9 && Math.abs(q.x - p.x) < 1e-9) ||
        (Math.abs(r.y - q.y) < 1e-9 && Math.abs(q.y - p.y) < 1e-9))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
};

/** The line without looking at other shapes, or undefined when there is no simple one. */
function plain(from: Port, to: Port): Point[] | undefined {
  const p = from.point;
  const q = to.point;
  const a = normal(from.side);
  const b = normal(to.side);
  if (a.y === 0 && b.y === 0) {
    if (a.x > 0 && b.x < 0 && q.x > p.x) {
      const mx = (p.x + q.x) / 2;
      return [p, { x: mx, y: p.y }, { x: mx, y: q.y }, q];
    }
    if (a.x === b.x) {
      const x = a.x > 0 ? Math.max(p.x, q.x) + 20 : Math.min(p.x, q.x) - 20;
      return [p, { x, y: p.y }, { x, y: q.y }, q];
    }
    return undefined;
  }
  if (a.x === 0 && b.x === 0) {
    if (a.y > 0 && b.y < 0 && q.y > p.y) {
      const my = (p.y + q.y) / 2;
      return [p, { x: p.x, y: my }, { x: q.x, y: my }, q];
    }
    if (a.y < 0 && b.y > 0 && q.y < p.y) {
      const my = (p.y + q.y) / 2;
      return [p, { x: p.x, y: my }, { x: q.x, y: my }, q];
    }
    if (a.y === b.y) {
      const y = a.y > 0 ? Math.max(p.y, q.y) + 20 : Math.min(p.y, q.y) - 20;
      return [p, { x: p.x, y }, { x: q.x, y }, q];
    }
    return undefined;
  }
  // A corner: out sideways then in from above or below, or out up or down then in sideways.
  const corner = a.y === 0 ? { x: q.x, y: p.y } : { x: p.x, y: q.y };
  const ahead = (corner.x - p.x) * a.x + (corner.y - p.y) * a.y > 0;
  const into = (corner.x - q.x) * b.x + (corner.y - q.y) * b.y > 0;
  return ahead && into ? [p, corner, q] : undefined;
}

function clear(points: readonly Point[], index: BoxIndex, grow: number): boolean {
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1] as Point;
    const q = points[i] as Point;
    const area = {
      x: Math.min(p.x, q.x) - grow - 1,
      y: Math.min(p.y, q.y) - grow - 1,
      width: Math.abs(p.x - q.x) + 2 * grow + 2,
      height: Math.abs(p.y - q.y) + 2 * grow + 2,
    };
    for (const b of index.near(area)) if (segmentHits(p.x, p.y, q.x, q.y, b, grow)) return false;
  }
  return true;
}

/** The lines of flows from port to port, around `shapes`; `borders` are the lanes' edges. */
export function orthogonalRoutes(
  ports: readonly { from: Port; to: Port }[],
  shapes: readonly Bounds[],
  borders: readonly number[],
): Point[][] {
  const index = new BoxIndex();
  for (const s of shapes) index.add(s);
  return ports.map(({ from, to }) => {
    const simple = plain(from, to);
    if (simple && clear(simple, index, 0)) return tidy(simple);
    return (
      search(from, to, index, borders, KEEP, STUB) ??
      search(from, to, index, borders, 0, 2) ??
      tidy(simple ?? [from.point, { x: to.point.x, y: from.point.y }, to.point])
    );
  });
}

const DX = [1, 0, 0, -1];
const DY = [0, 1, -1, 0];
const dirOf = (v: Point) => (v.x > 0 ? 0 : v.y > 0 ? 1 : v.y < 0 ? 2 : 3);

/** The index of the first value in sorted `list` above `v`. */
function above(list: readonly number[], v: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) > v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function uniqueSorted(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((v, i) => i === 0 || v - (values[i - 1] as number) > 0.5);
}

/** A line searched on the grid around both ends, or undefined when none keeps clear. */
function search(
  from: Port,
  to: Port,
  index: BoxIndex,
  borders: readonly number[],
  keep: number,
  stub: number,
): Point[] | undefined {
  const a = normal(from.side);
  const b = normal(to.side);
  const p1 = { x: from.point.x + a.x * stub, y: from.point.y + a.y * stub };
  const q1 = { x: to.point.x + b.x * stub, y: to.point.y + b.y * stub };
  const window = {
    x: Math.min(p1.x, q1.x) - REACH,
    y: Math.min(p1.y, q1.y) - REACH,
    width: Math.abs(p1.x - q1.x) + 2 * REACH,
    height: Math.abs(p1.y - q1.y) + 2 * REACH,
  };
  const near = index.near(window);
  const xs = [p1.x, q1.x, window.x, window.x + window.width];
  const ys = [p1.y, q1.y, window.y, window.y + window.height];
  for (const o of near) {
    xs.push(o.x - BESIDE, o.x + o.width + BESIDE);
    ys.push(o.y - BESIDE, o.y + o.height + BESIDE);
  }
  for (const y of borders) if (y > window.y && y < window.y + window.height) ys.push(y);
  const X = uniqueSorted(xs);
  const Y = uniqueSorted(ys);
  const nx = X.length;
  const ny = Y.length;
  const find = (list: number[], v: number) => list.findIndex((w) => Math.abs(w - v) <= 0.5);
  const si = find(X, p1.x);
  const sj = find(Y, p1.y);
  const ti = find(X, q1.x);
  const tj = find(Y, q1.y);
  // Blocked steps, right from (i, j) and down from (i, j): each shape marks the steps through
  // its inside (grown by `keep`), found by binary search on the sorted lines.
  const blockedRight = new Uint8Array(nx * ny);
  const blockedDown = new Uint8Array(nx * ny);
  const e = 0.5 - keep;
  for (const o of near) {
    const x0 = o.x + e;
    const x1 = o.x + o.width - e;
    const y0 = o.y + e;
    const y1 = o.y + o.height - e;
    // Rows strictly inside the shape, and the steps along them that overlap it.
    for (let j = above(Y, y0); j < ny && (Y[j] as number) < y1; j++) {
      for (let i = Math.max(0, above(X, x0) - 1); i + 1 < nx && (X[i] as number) < x1; i++) {
        if ((X[i + 1] as number) > x0) blockedRight[j * nx + i] = 1;
      }
    }
    for (let i = above(X, x0); i < nx && (X[i] as number) < x1; i++) {
      for (let j = Math.max(0, above(Y, y0) - 1); j + 1 < ny && (Y[j] as number) < y1; j++) {
        if ((Y[j + 1] as number) > y0) blockedDown[j * nx + i] = 1;
      }
    }
  }
  const n = nx * ny * 4;
  const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const prev = new Int32Array(n).fill(-1);
  const heap = new Heap();
  const start = (sj * nx + si) * 4 + dirOf(a);
  dist[start] = 0;
  heap.push(0, start);
  const goalDir = dirOf({ x: -b.x, y: -b.y });
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  while (heap.size > 0) {
    const [d, s] = heap.pop();
    if (d > (dist[s] as number) || d >= bestCost) continue;
    const dir = s & 3;
    const cell = s >> 2;
    const i = cell % nx;
    const j = (cell - i) / nx;
    if (i === ti && j === tj) {
      const end = d + (dir === goalDir ? 0 : dir === 3 - goalDir ? 3 * BEND : BEND);
      if (end < bestCost) {
        bestCost = end;
        best = s;
      }
    }
    for (let nd = 0; nd < 4; nd++) {
      if (nd === 3 - dir) continue;
      const ni = i + (DX[nd] as number);
      const nj = j + (DY[nd] as number);
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const blocked =
        nd === 0
          ? blockedRight[j * nx + i]
          : nd === 3
            ? blockedRight[j * nx + ni]
            : nd === 1
              ? blockedDown[j * nx + i]
              : blockedDown[nj * nx + i];
      if (blocked) continue;
      const length =
        Math.abs((X[ni] as number) - (X[i] as number)) +
        Math.abs((Y[nj] as number) - (Y[j] as number));
      const next = (nj * nx + ni) * 4 + nd;
      const cost = d + length + (nd === dir ? 0 : BEND);
      if (cost < (dist[next] as number)) {
        dist[next] = cost;
        prev[next] = s;
        heap.push(cost, next);
      }
    }
  }
  if (best < 0) return undefined;
  const cells: Point[] = [];
  for (let s = best; s >= 0; s = prev[s] as number) {
    const cell = s >> 2;
    const i = cell % nx;
    cells.push({ x: X[i] as number, y: Y[(cell - i) / nx] as number });
  }
  cells.reverse();
  return tidy([from.point, ...cells, to.point]);
}

/** A binary min-heap of (priority, value) pairs. */
class Heap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if ((k[up] as number) <= key) break;
      k[i] = k[up] as number;
      v[i] = v[up] as number;
      i = up;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.values;
    const top: [number, number] = [k[0] as number, v[0] as number];
    const lastK = k.pop() as number;
    const lastV = v.pop() as number;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (k[c + 1] as number) < (k[c] as number)) c++;
        if ((k[c] as number) >= lastK) break;
        k[i] = k[c] as number;
        v[i] = v[c] as number;
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }
}
