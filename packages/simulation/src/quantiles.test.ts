import { describe, expect, it } from 'vitest';
import { randomStreams } from './random';
import { largest, quantiles } from './quantiles';

/** The same quantiles from a full sort, the definition the selection must match. */
function bySort(values: Float64Array, p: number): number {
  const s = Float64Array.from(values).sort();
  const at = p * (s.length - 1);
  const k = Math.floor(at);
  const next = s[Math.min(s.length - 1, k + 1)] as number;
  return (s[k] as number) + (next - (s[k] as number)) * (at - k);
}

describe('quantiles by selection', () => {
  const [random] = randomStreams(5, 1);
  const samples = (n: number, ties: boolean) =>
    Float64Array.from({ length: n }, () => {
      const u = random?.next() as number;
      return ties ? Math.floor(u * 7) : -Math.log(u) * 40;
    });

  for (const [n, ties] of [
    [1, false],
    [2, false],
    [10, true],
    [1001, false],
    [5000, true],
    [20_000, false],
  ] as const) {
    it(`match a sort for ${n} values${ties ? ' with many ties' : ''}`, () => {
      const values = samples(n, ties);
      const expected = [0.5, 0.9, 0.95].map((p) => bySort(values, p));
      const max = Math.max(...values);
      expect(quantiles(values, [0.5, 0.9, 0.95])).toEqual(expected);
      expect(largest(values)).toBe(max);
    });
  }

  it('stays linear on sorted and constant input', () => {
    const sorted = Float64Array.from({ length: 100_000 }, (_, i) => i);
    expect(quantiles(sorted, [0.5, 0.9])).toEqual([49_999.5, 89_999.1]);
    const constant = new Float64Array(100_000).fill(28);
    expect(quantiles(constant, [0.5, 0.9, 0.95])).toEqual([28, 28, 28]);
  });

  it('gives NaN for no values', () => {
    expect(quantiles(new Float64Array(0), [0.5])).toEqual([Number.NaN]);
    expect(largest(new Float64Array(0))).toBeNaN();
  });
});
