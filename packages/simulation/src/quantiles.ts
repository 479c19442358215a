/*
 * Percentiles of a replication's lead times without sorting them: a selection (Hoare's
 * quickselect, median-of-three pivots) finds each order statistic in linear time, where a sort of
 * a million lead times cost more than the run that produced them. The values are reordered in
 * place.
 */

/** Puts the k-th smallest of values[from..to) at index k, smaller ones before, larger after. */
function select(a: Float64Array, k: number, from: number, to: number): void {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot: sorted data (a fixed-time map) stays linear.
    if ((a[mid] as number) < (a[lo] as number)) swap(a, mid, lo);
    if ((a[hi] as number) < (a[lo] as number)) swap(a, hi, lo);
    if ((a[hi] as number) < (a[mid] as number)) swap(a, hi, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/**
 * The p-quantiles of the values (linear between neighbouring order statistics, as a sorted
 * list would give them), for ps in increasing order; NaN for no values.
 */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  const out: number[] = [];
  let from = 0;
  for (const p of ps) {
    const at = p * (n - 1);
    const k = Math.floor(at);
    select(values, k, from, n);
    const low = values[k] as number;
    let high = low;
    if (k + 1 < n && at > k) {
      // The next order statistic is the smallest of those after k.
      high = values[k + 1] as number;
      for (let i = k + 2; i < n; i++) if ((values[i] as number) < high) high = values[i] as number;
    }
    out.push(low + (high - low) * (at - k));
    from = k;
  }
  return out;
}

/** The largest value; NaN for none. */
export function largest(values: Float64Array): number {
  let most = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!(x <= most)) most = x;
  }
  return most;
}
