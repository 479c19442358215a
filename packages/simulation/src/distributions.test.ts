import type { TimeVariation } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { samplerOf, variationProblem } from './distributions';
import { randomStreams } from './random';

/*
 * Each distribution against its theory: the sample mean and variance of 200,000 seeded draws
 * lie within four standard errors of the formula's, the standard errors estimated from the
 * sample itself (no tolerance guessed).
 */

const N = 200_000;

function moments(draws: Float64Array) {
  let sum = 0;
  for (const x of draws) sum += x;
  const mean = sum / draws.length;
  let m2 = 0;
  let m4 = 0;
  for (const x of draws) {
    const d = (x - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (draws.length - 1);
  return {
    mean,
    variance,
    meanError: Math.sqrt(variance / draws.length),
    varianceError: Math.sqrt(Math.max(m4 / draws.length - variance ** 2, 0) / draws.length),
  };
}

function draw(time: number, variation: TimeVariation | undefined, seed = 7): Float64Array {
  const [random] = randomStreams(seed, 1);
  const sample = samplerOf(time, variation);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = sample(random!);
  return out;
}

describe('samplerOf, against theory', () => {
  it.each<[string, number, TimeVariation, number, number]>([
    ['exponential, mean 10', 10, { distribution: 'exponential' }, 10, 100],
    ['uniform 5..30', 12, { distribution: 'uniform', min: 5, max: 30 }, 17.5, 625 / 12],
    [
      'triangular 5, 10, 30',
      10,
      { distribution: 'triangular', min: 5, max: 30 },
      15,
      (25 + 100 + 900 - 50 - 150 - 300) / 18,
    ],
    ['lognormal mean 20, cv 0.5', 20, { distribution: 'lognormal', cv: 0.5 }, 20, 100],
  ])(
    '%s: mean and variance within four standard errors',
    (_name, time, variation, mean, variance) => {
      const m = moments(draw(time, variation));
      expect(Math.abs(m.mean - mean)).toBeLessThan(4 * m.meanError);
      expect(Math.abs(m.variance - variance)).toBeLessThan(4 * m.varianceError);
    },
  );

  it('draws stay inside a range: never below min or above max', () => {
    for (const variation of [
      { distribution: 'uniform', min: 5, max: 30 },
      { distribution: 'triangular', min: 5, max: 30 },
    ] as const) {
      const draws = draw(10, variation);
      expect(Math.min(...draws.subarray(0, 50_000))).toBeGreaterThanOrEqual(5);
      expect(Math.max(...draws.subarray(0, 50_000))).toBeLessThanOrEqual(30);
    }
  });

  it('fixed, or no variation, is always the time itself', () => {
    expect(new Set(draw(12.5, undefined).subarray(0, 1000))).toEqual(new Set([12.5]));
    expect(new Set(draw(12.5, { distribution: 'fixed' }).subarray(0, 1000))).toEqual(
      new Set([12.5]),
    );
  });

  it('an exponential or lognormal time never comes out infinite or negative', () => {
    for (const variation of [
      { distribution: 'exponential' },
      { distribution: 'lognormal', cv: 2 },
    ] as const) {
      const draws = draw(10, variation);
      expect(draws.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    }
  });
});

describe('randomStreams', () => {
  it('the same seed gives the same numbers; another seed, other numbers', () => {
    const take = (seed: number) => {
      const [r] = randomStreams(seed, 1);
      return Array.from({ length: 5 }, () => r!.next());
    };
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(take(1).every((u) => u > 0 && u <= 1)).toBe(true);
  });

  it('streams of one seed differ, and adding a stream leaves the earlier ones as they were', () => {
    const firsts = (count: number) => randomStreams(3, count).map((r) => r.next());
    const three = firsts(3);
    expect(new Set(three).size).toBe(3);
    expect(firsts(5).slice(0, 3)).toEqual(three);
  });

  it('refuses a seed that is not a whole number', () => {
    expect(() => randomStreams(1.5, 1)).toThrow('a seed must be a whole number, got 1.5');
  });
});

describe('variationProblem', () => {
  it.each<[number, TimeVariation | undefined, string | undefined]>([
    [10, { distribution: 'triangular', min: 5, max: 30 }, undefined],
    [
      40,
      { distribution: 'triangular', min: 5, max: 30 },
      'the most likely time 40 min is outside its range 5–30 min',
    ],
    [0, { distribution: 'lognormal', cv: 0.5 }, 'a lognormal time needs a mean above 0'],
    [Number.NaN, undefined, 'a time of NaN minutes cannot be simulated'],
    [-1, { distribution: 'exponential' }, 'a time of -1 minutes cannot be simulated'],
    [0, undefined, undefined],
  ])('time %s with %j: %s', (time, variation, problem) => {
    expect(variationProblem(time, variation)).toBe(problem);
  });
});
