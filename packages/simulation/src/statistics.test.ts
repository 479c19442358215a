import { describe, expect, it } from 'vitest';
import { RunningStats, meanWithCi95, studentT975 } from './statistics';

describe('RunningStats', () => {
  it('gives the textbook mean and sample variance', () => {
    const stats = new RunningStats();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) stats.add(x);
    expect(stats.count).toBe(8);
    expect(stats.mean).toBe(5);
    expect(stats.variance).toBeCloseTo(32 / 7, 12);
  });

  it('stays exact where summing squares loses everything: small spread around a large value', () => {
    const stats = new RunningStats();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) stats.add(x);
    expect(stats.mean).toBe(1e9 + 10);
    expect(stats.variance).toBeCloseTo(30, 6);
  });

  it('has no mean before a value and no variance before two', () => {
    const stats = new RunningStats();
    expect(stats.mean).toBeNaN();
    stats.add(3);
    expect(stats.mean).toBe(3);
    expect(stats.variance).toBeNaN();
  });
});

describe('studentT975', () => {
  it.each([
    [1, 12.706],
    [9, 2.262],
    [30, 2.042],
    [31, 2.0395],
    [60, 2.0003],
    [120, 1.9799],
    [1000, 1.9623],
  ])('df %i: %f (to 3 decimals)', (df, t) => {
    expect(studentT975(df)).toBeCloseTo(t, 3);
  });

  it('has no value below one degree of freedom', () => {
    expect(studentT975(0)).toBeNaN();
  });
});

describe('meanWithCi95', () => {
  it('gives mean ± t · s / √n', () => {
    const { mean, ci95 } = meanWithCi95([10, 12, 14]);
    expect(mean).toBe(12);
    const half = 4.303 * Math.sqrt(4 / 3);
    expect(ci95![0]).toBeCloseTo(12 - half, 10);
    expect(ci95![1]).toBeCloseTo(12 + half, 10);
  });

  it('gives no interval for one replication', () => {
    expect(meanWithCi95([7])).toEqual({ mean: 7, ci95: null });
  });
});
