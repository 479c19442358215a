import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/*
 * Seeded random numbers for the simulation, from pure-rand's xoroshiro128+ (a well-kept
 * generator: fast, 128 bits of state, and jumpable). Never Math.random: the same seed must give
 * the same numbers in the CLI, a Node worker and the browser.
 */

/** A source of uniform numbers in (0, 1]: never 0, so that a logarithm of one is finite. */
export interface Random {
  next(): number;
}

class Xoroshiro implements Random {
  constructor(private readonly rng: JumpableRandomGenerator) {}
  next(): number {
    return 1 - uniformFloat64(this.rng);
  }
}

/**
 * Independent streams from one seed, one per replication: stream k starts k jumps (2^64 draws
 * each) along the generator's sequence, so no two replications ever share a draw, and adding a
 * replication never changes the numbers of the ones before it.
 */
export function randomStreams(seed: number, count: number): Random[] {
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`a seed must be a whole number, got ${seed}`);
  const base = xoroshiro128plus(seed);
  const streams: Random[] = [];
  for (let k = 0; k < count; k++) {
    streams.push(new Xoroshiro(base.clone()));
    base.jump();
  }
  return streams;
}
