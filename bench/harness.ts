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

export interface BenchResult {
  readonly name: string;
  readonly measured: string;
  readonly subject: { readonly label: string; readonly medianMs: number };
  readonly reference: { readonly label: string; readonly medianMs: number };
  readonly ratio: number;
  readonly goal: number | null;
  readonly met: boolean | null;
  readonly rounds: number;
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

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const round3 = (n: number) => Math.round(n * 1000) / 1000;

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
