import { describe, expect, it } from 'vitest';
import { isFinalClose } from '@procmap/protocol';
import { Backoff, backoffCeiling, reconnectDelay } from './backoff';

/** A small seeded generator (mulberry32), so the spread below is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const options = { baseMs: 500, capMs: 15_000 };

describe('reconnect backoff with full jitter', () => {
  it('doubles the window with each attempt up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10, 1000].map((n) => backoffCeiling(n, options))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000, 15_000,
    ]);
    expect(backoffCeiling(-3, options)).toBe(500);
  });

  it('draws the whole window: 0 at the bottom, the ceiling at the top', () => {
    expect(reconnectDelay(3, () => 0, options)).toBe(0);
    expect(reconnectDelay(3, () => 0.5, options)).toBe(2000);
    expect(reconnectDelay(3, () => 1, options)).toBe(4000);
    expect(reconnectDelay(50, () => 0.999999, options)).toBeLessThanOrEqual(15_000);
  });

  it('stays within [0, ceiling] for any random value', () => {
    const random = seeded(7);
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let i = 0; i < 200; i++) {
        const delay = reconnectDelay(attempt, random, options);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeiling(attempt, options));
      }
    }
  });

  it('spreads twenty clients whose network returns at once instead of moving them in lockstep', () => {
    const random = seeded(42);
    for (const attempt of [0, 3, 8]) {
      const delays = Array.from({ length: 20 }, () => reconnectDelay(attempt, random, options));
      const ceiling = backoffCeiling(attempt, options);
      // Nearly all distinct, and spread over the window rather than bunched at one moment.
      expect(new Set(delays).size).toBeGreaterThanOrEqual(18);
      expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(ceiling / 2);
    }
  });

  it('counts attempts and starts small again after a reset', () => {
    const backoff = new Backoff(() => 1, options);
    expect([backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1000, 2000]);
    expect(backoff.attempts).toBe(3);
    backoff.reset();
    expect(backoff.attempts).toBe(0);
    expect(backoff.next()).toBe(500);
  });

  it('gives up only on the server’s final close codes', () => {
    expect([4400, 4403, 4404, 4499].every(isFinalClose)).toBe(true);
    expect([undefined, 1000, 1005, 1006, 1011, 4399, 4500, 4503].some(isFinalClose)).toBe(false);
  });
});
