/*
 * Statistics kept as they stream past, never the samples themselves: a run's memory grows with
 * the cases in progress, not with the events (Welford's method for mean and variance), and the
 * 95% confidence interval of a mean across replications (Student t), as the run's JSON reports
 * it (`ci95`).
 */

/** Count, mean and variance of a stream of numbers, in constant memory (Welford). */
export class RunningStats {
  private n = 0;
  private m = 0;
  private s = 0;

  add(x: number): void {
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.s += d * (x - this.m);
  }

  get count(): number {
    return this.n;
  }

  /** NaN before the first value. */
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.m;
  }

  /** The sample variance (n − 1); NaN before the second value. */
  get variance(): number {
    return this.n < 2 ? Number.NaN : this.s / (this.n - 1);
  }
}

/** t(0.975, df) for df = 1..30: the two-sided 95% quantiles of Student's t. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/**
 * t(0.975, df): from the table up to 30 degrees of freedom, beyond it the Cornish–Fisher
 * expansion around the normal quantile (within 0.001 of the exact value from df 31 on).
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) return Number.NaN;
  const whole = Math.floor(df);
  if (whole <= 30) return T975[whole - 1] as number;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * whole) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * whole ** 2);
}

/** The mean of replications' results and its 95% confidence interval; one result has none. */
export function meanWithCi95(values: readonly number[]): {
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
} {
  const stats = new RunningStats();
  for (const v of values) stats.add(v);
  if (stats.count < 2) return { mean: stats.mean, ci95: null };
  const half = studentT975(stats.count - 1) * Math.sqrt(stats.variance / stats.count);
  return { mean: stats.mean, ci95: [stats.mean - half, stats.mean + half] };
}
