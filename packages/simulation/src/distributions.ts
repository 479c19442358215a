import type { TimeVariation } from '@procmap/model';
import type { Random } from './random';

/*
 * A step's time as a random draw (docs/format.md, "Simulation inputs"). The step's own time is
 * the mean (fixed, exponential, lognormal) or the most likely value (triangular); uniform takes
 * only its bounds. Each draw is an inverse transform of one or two uniforms, so a seed fixes it.
 */

/** Draws one time, in minutes, from a source of uniforms. */
export type Sampler = (random: Random) => number;

/** What a variation would draw for this time that the map's author did not mean. */
export function variationProblem(
  time: number,
  variation: TimeVariation | undefined,
): string | undefined {
  if (!Number.isFinite(time) || time < 0) return `a time of ${time} minutes cannot be simulated`;
  if (!variation) return undefined;
  if (variation.distribution === 'triangular' && (time < variation.min || time > variation.max)) {
    return `the most likely time ${time} min is outside its range ${variation.min}–${variation.max} min`;
  }
  if (variation.distribution === 'lognormal' && time === 0) {
    return 'a lognormal time needs a mean above 0';
  }
  return undefined;
}

/** The sampler of a time and its variation (absent: always the time). Checked inputs assumed. */
export function samplerOf(time: number, variation: TimeVariation | undefined): Sampler {
  switch (variation?.distribution) {
    case undefined:
    case 'fixed':
      return () => time;
    case 'exponential':
      return (r) => -time * Math.log(r.next());
    case 'uniform': {
      const { min, max } = variation;
      return (r) => min + (max - min) * (1 - r.next());
    }
    case 'triangular':
      return triangular(variation.min, time, variation.max);
    case 'lognormal': {
      // Mean `time` and coefficient of variation cv: sigma² = ln(1 + cv²), mu = ln(time) − sigma²/2.
      const s2 = Math.log(1 + variation.cv * variation.cv);
      const mu = Math.log(time) - s2 / 2;
      const sigma = Math.sqrt(s2);
      return (r) => Math.exp(mu + sigma * standardNormal(r));
    }
  }
}

/** Inverse transform of the triangular distribution with lower bound a, mode c, upper bound b. */
function triangular(a: number, c: number, b: number): Sampler {
  if (b <= a) return () => a;
  const split = (c - a) / (b - a);
  return (r) => {
    const u = 1 - r.next(); // [0, 1)
    return u < split
      ? a + Math.sqrt(u * (b - a) * (c - a))
      : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  };
}

/** One standard normal draw (Box–Muller; the second value of the pair is not kept). */
function standardNormal(r: Random): number {
  return Math.sqrt(-2 * Math.log(r.next())) * Math.cos(2 * Math.PI * r.next());
}
