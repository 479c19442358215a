/*
 * Side-by-side timing: the subject and its reference run alternately, round after round, in
 * one process, so machine noise hits both alike; we report both medians and their ratio.
 */

export interface Side {
  readonly label: string;
  readonly run: () => unknown;
}

export interface Comparison {
  readonly name: string;
  /** What was measured, in words. */
  readonly measured: string;
  readonly subject: Side;
  readonly reference: Side;
  /** The ratio subject / reference the project aims to stay under, if any. */
  readonly goal?: number;
  readonly rounds?: number;
}

/** One side of an entry: its median, and for sampled latencies the pooled percentiles. */
export interface SideSummary {
  readonly label: string;
  readonly medianMs: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  /** How many timings the percentiles pool. */
  readonly samples?: number;
  /** Further figures of this side (throughput, memory…), named with their unit. */
  readonly details?: Readonly<Record<string, number>>;
}

export interface BenchResult {
  readonly name: string;
  readonly measured: string;
  readonly subject: SideSummary;
  readonly reference: SideSummary;
  /** subject.medianMs / reference.medianMs. */
  readonly ratio: number;
  readonly goal: number | null;
  readonly met: boolean | null;
  readonly rounds: number;
  /** Further figures of the entry (other ratios), named with their unit. */
  readonly details?: Readonly<Record<string, number | string>>;
}

const gc = (globalThis as { gc?: () => void }).gc;

function time(run: () => unknown): number {
  gc?.(); // start each timing with a clean heap, so one side does not pay for the other's garbage
  const start = performance.now();
  const out = run();
  const ms = performance.now() - start;
  if (out === undefined) throw new Error('a benchmark side must return its result');
  return ms;
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))] as number;
}

/** Runs a comparison: warm-up, then alternating rounds; returns medians and the ratio. */
export function compare(c: Comparison): BenchResult {
  const rounds = c.rounds ?? 15;
  for (let i = 0; i < 3; i++) {
    time(c.reference.run);
    time(c.subject.run);
  }
  const subject: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      reference.push(time(c.reference.run));
      subject.push(time(c.subject.run));
    } else {
      subject.push(time(c.subject.run));
      reference.push(time(c.reference.run));
    }
  }
  const s = median(subject);
  const r = median(reference);
  const ratio = s / r;
  return {
    name: c.name,
    measured: c.measured,
    subject: { label: c.subject.label, medianMs: round3(s) },
    reference: { label: c.reference.label, medianMs: round3(r) },
    ratio: round3(ratio),
    goal: c.goal ?? null,
    met: c.goal === undefined ? null : ratio <= c.goal,
    rounds,
  };
}

/*
 * Asynchronous comparisons (servers, sockets): each side's `run` does one round of real work and
 * returns what it measured. Sides take turns, the first one rotating round by round, after
 * `warmup` unrecorded rounds each, with a garbage collection of this process before every run.
 */

export interface AsyncSide<T> {
  readonly label: string;
  readonly run: (round: number) => Promise<T>;
}

/** Runs the sides alternately; returns, per side, what each measured round returned. */
export async function alternate<T>(
  sides: readonly AsyncSide<T>[],
  options: { readonly rounds: number; readonly warmup?: number },
): Promise<T[][]> {
  const out: T[][] = sides.map(() => []);
  const warmup = options.warmup ?? 1;
  for (let round = 0; round < warmup + options.rounds; round++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (round + k) % sides.length;
      gc?.();
      const value = await (sides[i] as AsyncSide<T>).run(round);
      if (round >= warmup) (out[i] as T[]).push(value);
    }
  }
  return out;
}

/** Builds an entry from two side summaries: ratio = subject / reference medians. */
export function entry(e: {
  readonly name: string;
  readonly measured: string;
  readonly subject: SideSummary;
  readonly reference: SideSummary;
  readonly rounds: number;
  readonly goal?: number;
  /** Overrides "ratio ≤ goal" when the goal has more to it (e.g. an absolute bound too). */
  readonly met?: boolean;
  readonly details?: Readonly<Record<string, number | string>>;
}): BenchResult {
  const ratio = e.subject.medianMs / e.reference.medianMs;
  return {
    name: e.name,
    measured: e.measured,
    subject: e.subject,
    reference: e.reference,
    ratio: round3(ratio),
    goal: e.goal ?? null,
    met: e.goal === undefined ? null : (e.met ?? ratio <= e.goal),
    rounds: e.rounds,
    ...(e.details ? { details: e.details } : {}),
  };
}
