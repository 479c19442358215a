import { describe, expect, it } from 'vitest';
import type { SimulationResult } from './result';
import { simulate } from './run';
import { meanWithCi95, studentT975 } from './statistics';
import { singleQueue, testMap } from './test-maps';

/*
 * The engine against queueing theory, where theory has an answer. Each figure's tolerance is its
 * own confidence interval across independent replications (Student t), widened from 95% to 99%
 * so that one fixed seed is not a coin toss: t(0.995, 9) = 3.250 against t(0.975, 9) = 2.262.
 * No tolerance is a guess; a biased engine fails however the seed falls.
 */

const T995_9 = 3.25;
const REPS = 10;

function run(map: ReturnType<typeof testMap>, cases = 200_000, seed = 1): SimulationResult {
  const out = simulate(map, { cases, replications: REPS, warmup: 2000, seed });
  if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
  return out.result;
}

/** Theory lies within the 99% interval of the mean lead time. */
function expectLeadTime(result: SimulationResult, theory: number): void {
  const ci = result.leadTime.ci95;
  if (!ci) throw new Error('no interval');
  const half95 = (ci[1] - ci[0]) / 2;
  const half = (half95 * T995_9) / studentT975(REPS - 1);
  expect(Math.abs(result.leadTime.mean - theory)).toBeLessThanOrEqual(half);
}

/**
 * Figures the result gives without an interval, from ten single-replication runs on their own
 * seeds: independent, so their spread gives each figure's interval.
 */
function expectFigures(
  map: ReturnType<typeof testMap>,
  figures: readonly (readonly [(r: SimulationResult) => number, number])[],
): void {
  const runs: SimulationResult[] = [];
  for (let seed = 1; seed <= REPS; seed++) {
    const out = simulate(map, { cases: 200_000, replications: 1, warmup: 2000, seed });
    if (!out.ok) throw new Error('cannot simulate');
    runs.push(out.result);
  }
  for (const [pick, theory] of figures) {
    const { mean, ci95 } = meanWithCi95(runs.map(pick));
    if (!ci95) throw new Error('no interval');
    const half = (((ci95[1] - ci95[0]) / 2) * T995_9) / studentT975(REPS - 1);
    // Rounding of the reported figures (4 decimals) is far inside any interval here.
    expect(Math.abs(mean - theory)).toBeLessThanOrEqual(half + 1e-4);
  }
}

/** Little's law: work in progress = throughput × lead time, on every run. */
function expectLittle(result: SimulationResult): void {
  const predicted = (result.throughputPerHour / 60) * result.leadTime.mean;
  // The run's window cuts cases at both ends; with 200,000 cases a run that is 1% off is wrong.
  expect(Math.abs(result.wip.mean - predicted)).toBeLessThanOrEqual(0.01 * predicted + 0.01);
}

/** Erlang C: the chance an arrival waits in an M/M/c queue with offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

// Long runs are what make the intervals narrow; the timeout is for busy machines, not a check.
describe('one step: M/M/1 and M/M/c', { timeout: 120_000 }, () => {
  // λ = 0.1 per minute, μ = 1/8: ρ = 0.8, W = 1/(μ − λ) = 40 min, Wq = 32, L = 4, Lq = 3.2.
  const mm1 = singleQueue(1, 8, 6);

  it('M/M/1 lead time is 1/(μ − λ)', () => {
    const result = run(mm1);
    expectLeadTime(result, 40);
    expectLittle(result);
  });

  it('M/M/1 utilisation, queue length and queue time', () => {
    expectFigures(mm1, [
      [(r) => r.roles[0]?.utilisation as number, 0.8],
      [(r) => r.roles[0]?.meanQueueLength as number, 3.2],
      [(r) => r.roles[0]?.meanQueueTime as number, 32],
      [(r) => r.wip.mean, 4],
    ]);
  });

  it('M/M/3 waits as Erlang C says', () => {
    // λ = 0.3 per minute (18 an hour), μ = 1/8 each, c = 3: a = 2.4, ρ = 0.8.
    const lambda = 0.3;
    const mu = 1 / 8;
    const wq = erlangC(3, lambda / mu) / (3 * mu - lambda);
    const map = singleQueue(3, 8, 18);
    const result = run(map);
    expectLeadTime(result, wq + 8);
    expectLittle(result);
    expectFigures(map, [
      [(r) => r.roles[0]?.meanQueueTime as number, wq],
      [(r) => r.roles[0]?.utilisation as number, 0.8],
    ]);
  });
});

describe('networks of queues (Jackson)', { timeout: 120_000 }, () => {
  const exp = { distribution: 'exponential' } as const;

  it('two steps in series add their M/M/1 times', () => {
    const map = testMap({
      perHour: 6,
      roles: { a: 1, b: 1 },
      steps: [
        { id: 'in', kind: 'start', role: 'a' },
        { id: 'x', role: 'a', processTime: 5, processVariation: exp },
        { id: 'y', role: 'b', processTime: 8, processVariation: exp },
        { id: 'out', kind: 'end', role: 'b' },
      ],
      flows: [
        ['in', 'x'],
        ['x', 'y'],
        ['y', 'out'],
      ],
    });
    // 1/(0.2 − 0.1) + 1/(0.125 − 0.1) = 10 + 40.
    const result = run(map);
    expectLeadTime(result, 50);
    expectLittle(result);
  });

  it('a 40% branch sees 40% of the cases', () => {
    const map = testMap({
      perHour: 6,
      roles: { a: 1, b: 1 },
      steps: [
        { id: 'in', kind: 'start', role: 'a' },
        { id: 'x', role: 'a', processTime: 5, processVariation: exp },
        { id: 'd', kind: 'decision', role: 'a' },
        { id: 'y', role: 'b', processTime: 8, processVariation: exp },
        { id: 'out', kind: 'end', role: 'b' },
      ],
      flows: [
        ['in', 'x'],
        ['x', 'd'],
        ['d', 'y', 0.4],
        ['d', 'out', 0.6],
        ['y', 'out'],
      ],
    });
    // x: 1/(0.2 − 0.1) = 10; y sees λ = 0.04: 1/(0.125 − 0.04); a case visits y 40% of the time.
    const result = run(map);
    expectLeadTime(result, 10 + 0.4 / (0.125 - 0.04));
    expectLittle(result);
    const y = result.steps.find((s) => s.id === 'y');
    expectFigures(map, [[(r) => r.steps.find((s) => s.id === 'y')?.visits as number, 0.4]]);
    expect(y?.meanQueueTime).toBeGreaterThan(0);
  });

  it('a 25% rework loop: visits 4/3, lead time by Little', () => {
    const map = testMap({
      perHour: 6,
      roles: { a: 1 },
      steps: [
        { id: 'in', kind: 'start' },
        { id: 'x', processTime: 5, processVariation: exp },
        { id: 'd', kind: 'decision' },
        { id: 'out', kind: 'end' },
      ],
      flows: [
        ['in', 'x'],
        ['x', 'd'],
        ['d', 'x', 0.25],
        ['d', 'out', 0.75],
      ],
    });
    // x sees λ/(1 − 0.25) = 2/15 a minute at μ = 0.2: ρ = 2/3, L = ρ/(1 − ρ) = 2, W = L/λ = 20.
    const result = run(map);
    expectLeadTime(result, 20);
    expectLittle(result);
    expectFigures(map, [
      [(r) => r.steps.find((s) => s.id === 'x')?.visits as number, 4 / 3],
      [(r) => r.roles[0]?.utilisation as number, 2 / 3],
    ]);
  });
});
