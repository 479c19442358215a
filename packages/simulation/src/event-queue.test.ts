import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';
import { randomStreams } from './random';

describe('EventQueue', () => {
  it('gives events back in time order, growing past its first size', () => {
    const [random] = randomStreams(11, 1);
    const queue = new EventQueue();
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(random!.next() * 1000);
      times.push(t);
      queue.push(t, i);
    }
    expect(queue.size).toBe(5000);
    const out: number[] = [];
    while (queue.size > 0) {
      const t = queue.peekTime();
      const payload = queue.pop();
      expect(times[payload]).toBe(t);
      out.push(t);
    }
    expect(out).toEqual([...times].sort((a, b) => a - b));
  });

  it('gives events at the same time back in the order they were pushed (first come, first served)', () => {
    const queue = new EventQueue();
    for (const [t, p] of [
      [5, 1],
      [3, 2],
      [5, 3],
      [3, 4],
      [5, 5],
      [1, 6],
    ] as const)
      queue.push(t, p);
    const out: number[] = [];
    while (queue.size > 0) out.push(queue.pop());
    expect(out).toEqual([6, 2, 4, 1, 3, 5]);
  });

  it('interleaves pushes and pops as a simulation does, never returning an event before an earlier one', () => {
    const [random] = randomStreams(5, 1);
    const queue = new EventQueue();
    let now = 0;
    queue.push(0, 0);
    for (let n = 0; n < 20_000; n++) {
      const t = queue.peekTime();
      expect(t).toBeGreaterThanOrEqual(now);
      now = t;
      queue.pop();
      queue.push(now + random!.next() * 10, n);
      if (n % 3 === 0) queue.push(now + random!.next() * 10, n);
    }
  });

  it('is empty as it should be: no time, no payload; a NaN time is refused', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(queue.pop()).toBe(-1);
    expect(() => queue.push(Number.NaN, 1)).toThrow('an event time must be a number, got NaN');
  });
});
