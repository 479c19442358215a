import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limit';

/** A clock the test moves by hand (milliseconds, like performance.now). */
function manualClock(start = 1000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** How many take() calls succeed in a row right now. */
function drain(bucket: TokenBucket, limit = 1_000_000): number {
  let n = 0;
  while (n < limit && bucket.take()) n++;
  return n;
}

describe('TokenBucket', () => {
  it('allows a burst at once, then refuses', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(50, 100, clock.now);
    expect(drain(bucket)).toBe(100);
    expect(bucket.take()).toBe(false);
    expect(bucket.take()).toBe(false);
  });

  it('refills at the sustained rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(50, 100, clock.now);
    drain(bucket);
    clock.advance(20); // one token at 50 per second
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    clock.advance(1000);
    expect(drain(bucket)).toBe(50);
  });

  it('accumulates fractions of a token across calls', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(10, 1, clock.now);
    expect(bucket.take()).toBe(true);
    for (let i = 0; i < 4; i++) {
      clock.advance(20); // 0.2 of a token each time
      expect(bucket.take()).toBe(false);
    }
    clock.advance(20);
    expect(bucket.take()).toBe(true);
  });

  it('never holds more than the burst, however long it was idle', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(300, 1000, clock.now);
    clock.advance(3_600_000);
    expect(drain(bucket)).toBe(1000);
    drain(bucket);
    clock.advance(10_000); // 3000 tokens' worth of time
    expect(drain(bucket)).toBe(1000);
  });

  it('does not refill while the clock stands still', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(1000, 5, clock.now);
    expect(drain(bucket)).toBe(5);
    for (let i = 0; i < 100; i++) expect(bucket.take()).toBe(false);
  });

  it('sustains exactly the configured rate over time', () => {
    const clock = manualClock();
    const bucket = new TokenBucket(300, 1000, clock.now);
    drain(bucket);
    let allowed = 0;
    for (let ms = 0; ms < 10_000; ms++) {
      clock.advance(1);
      allowed += drain(bucket);
    }
    expect(allowed).toBeGreaterThanOrEqual(2999);
    expect(allowed).toBeLessThanOrEqual(3000);
  });

  it('is per instance: one connection exhausting its bucket leaves another untouched', () => {
    const clock = manualClock();
    const a = new TokenBucket(50, 100, clock.now);
    const b = new TokenBucket(50, 100, clock.now);
    drain(a);
    expect(a.take()).toBe(false);
    expect(drain(b)).toBe(100);
  });
});
