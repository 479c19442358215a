/*
 * A small seeded PRNG for tests, fixtures and benchmarks: the same seed gives the same stream on
 * every machine, so a failing generated case can be replayed from its seed alone. sfc32 keeps
 * 128 bits of state, which lets fork() hand out streams that do not overlap in practice.
 */

/** A deterministic source of randomness. */
export interface Prng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** True with probability p (p <= 0 never, p >= 1 always). */
  chance(p: number): boolean;
  /** A shuffled copy of the list; the input is left alone. */
  shuffle<T>(list: readonly T[]): T[];
  /** An independent stream derived from this one (advances this stream). */
  fork(): Prng;
}

const TWO_POW_32 = 4294967296;

/** splitmix32: spreads a poor seed (0, 1, 2...) over all 32 bits before it reaches sfc32. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function fromState(a0: number, b0: number, c0: number, d0: number): Prng {
  let a = a0 >>> 0;
  let b = b0 >>> 0;
  let c = c0 >>> 0;
  let d = d0 >>> 0;
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  const next = (): number => nextUint32() / TWO_POW_32;
  const int = (min: number, maxInclusive: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(maxInclusive) || maxInclusive < min) {
      throw new RangeError(`int(${min}, ${maxInclusive}): expected whole numbers with min <= max`);
    }
    return min + Math.floor(next() * (maxInclusive - min + 1));
  };
  const prng: Prng = {
    next,
    int,
    pick: <T>(list: readonly T[]): T => {
      if (list.length === 0) throw new RangeError('pick() from an empty list');
      return list[int(0, list.length - 1)] as T;
    },
    chance: (p) => next() < p,
    shuffle: <T>(list: readonly T[]): T[] => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    fork: () => fromState(nextUint32(), nextUint32(), nextUint32(), nextUint32()),
  };
  // sfc32's first outputs still echo the seed; discarding a few is the authors' advice.
  for (let i = 0; i < 12; i++) nextUint32();
  return prng;
}

/** A seeded PRNG (sfc32); only the low 32 bits of the whole part of the seed matter. */
export function createPrng(seed: number): Prng {
  if (!Number.isFinite(seed)) throw new RangeError(`createPrng: seed must be finite, got ${seed}`);
  const mix = splitmix32(Math.trunc(seed));
  return fromState(mix(), mix(), mix(), mix());
}
