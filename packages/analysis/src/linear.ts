/*
 * Solving x = rhs + K x for the steps of one loop, K sparse and non-negative (the flow shares
 * inside the loop). Small loops: exact Gaussian elimination on the loop alone. Large ones:
 * Gauss-Seidel sweeps, linear per sweep. Null when the loop never lets a case out (singular, or
 * the sweeps do not settle), so the caller can fall back and report it.
 */

/**
 * K in compressed rows, like the graph's adjacency: x[r] depends on x[cols[k]] with coefficient
 * coefs[k] for k in start[r] .. start[r + 1]. Three typed arrays per loop, not two growing
 * arrays per step: those were most of what solving the loops allocated.
 */
export interface SparseRows {
  readonly start: Int32Array;
  readonly cols: Int32Array;
  readonly coefs: Float64Array;
}

/** Rows for `n` unknowns with room for `size` coefficients, to be filled in row order. */
export function sparseRows(n: number, size: number): SparseRows {
  return {
    start: new Int32Array(n + 1),
    cols: new Int32Array(size),
    coefs: new Float64Array(size),
  };
}

/** Loops up to this many steps are solved exactly; bigger ones iteratively. */
export const DENSE_LIMIT = 150;
const MAX_SWEEPS = 20_000;

/**
 * Solves x = rhs + K x; null when I - K is singular or the solution is not a valid count.
 * `order` is the row order of the sweeps: upstream rows first, so one sweep carries a value
 * along the whole loop instead of one step.
 */
export function solveLoop(
  rows: SparseRows,
  rhs: Float64Array,
  order?: readonly number[],
): Float64Array | null {
  const x =
    rhs.length <= DENSE_LIMIT
      ? solveDense(rows, rhs)
      : solveSweeps(rows, rhs, order ?? inRowOrder(rhs.length));
  if (x === null) return null;
  for (let i = 0; i < x.length; i++) {
    const value = x[i] as number;
    if (!Number.isFinite(value) || value < -1e-9) return null;
    if (value < 0) x[i] = 0;
  }
  return x;
}

/** 0, 1, ... n - 1. */
function inRowOrder(n: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  return order;
}

function solveDense(rows: SparseRows, rhs: Float64Array): Float64Array | null {
  const n = rhs.length;
  const a = new Float64Array(n * n);
  const b = Float64Array.from(rhs);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    for (let k = rows.start[i] as number; k < (rows.start[i + 1] as number); k++) {
      const at = i * n + (rows.cols[k] as number);
      a[at] = (a[at] as number) - (rows.coefs[k] as number);
    }
  }
  for (let col = 0; col < n; col++) {
    let pivot = col;
    let best = Math.abs(a[col * n + col] as number);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r * n + col] as number);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (best < 1e-12) return null;
    if (pivot !== col) {
      for (let k = col; k < n; k++) {
        const t = a[col * n + k] as number;
        a[col * n + k] = a[pivot * n + k] as number;
        a[pivot * n + k] = t;
      }
      const t = b[col] as number;
      b[col] = b[pivot] as number;
      b[pivot] = t;
    }
    const p = a[col * n + col] as number;
    for (let r = col + 1; r < n; r++) {
      const f = (a[r * n + col] as number) / p;
      if (f === 0) continue;
      for (let k = col; k < n; k++) {
        a[r * n + k] = (a[r * n + k] as number) - f * (a[col * n + k] as number);
      }
      b[r] = (b[r] as number) - f * (b[col] as number);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r] as number;
    for (let k = r + 1; k < n; k++) s -= (a[r * n + k] as number) * (x[k] as number);
    x[r] = s / (a[r * n + r] as number);
  }
  return x;
}

function solveSweeps(
  rows: SparseRows,
  rhs: Float64Array,
  order: readonly number[],
): Float64Array | null {
  const x = Float64Array.from(rhs);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let change = 0;
    let size = 1;
    for (const i of order) {
      let s = rhs[i] as number;
      for (let k = rows.start[i] as number; k < (rows.start[i + 1] as number); k++) {
        s += (rows.coefs[k] as number) * (x[rows.cols[k] as number] as number);
      }
      const d = Math.abs(s - (x[i] as number));
      if (d > change) change = d;
      if (s > size) size = s;
      x[i] = s;
    }
    if (!(size < 1e12)) return null;
    if (change <= 1e-12 * size) return x;
  }
  return null;
}
