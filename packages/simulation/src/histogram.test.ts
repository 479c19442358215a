import { describe, expect, it } from 'vitest';
import { LeadHistogram } from './collect';

const total = (h: LeadHistogram) => h.bins().reduce((s, b) => s + b.count, 0);

describe('the lead-time histogram', () => {
  it('spreads a narrow band far from zero over about twenty bars', () => {
    const h = new LeadHistogram();
    h.add(Float64Array.from({ length: 1000 }, (_, i) => 2400 + (i % 200)));
    const bins = h.bins();
    expect(bins.length).toBeGreaterThanOrEqual(15);
    expect(bins.length).toBeLessThanOrEqual(45);
    expect(bins[0]?.from).toBeLessThanOrEqual(2400);
    expect(bins.at(-1)?.to).toBeGreaterThan(2599);
    expect(total(h)).toBe(1000);
  });

  it('puts identical lead times in one bar', () => {
    const h = new LeadHistogram();
    h.add(new Float64Array(50).fill(1467.5));
    const bins = h.bins();
    expect(bins).toHaveLength(1);
    expect(bins[0]?.count).toBe(50);
    expect(bins[0]?.from).toBeLessThanOrEqual(1467.5);
    expect(bins[0]?.to).toBeGreaterThan(1467.5);
  });

  it('extends for later replications on either side, merging bars past sixty', () => {
    const h = new LeadHistogram();
    h.add(Float64Array.from({ length: 100 }, (_, i) => 100 + i));
    h.add(Float64Array.from([5, 20_000]));
    const bins = h.bins();
    expect(bins.length).toBeLessThanOrEqual(60);
    expect(bins[0]?.from).toBeLessThanOrEqual(5);
    expect(bins.at(-1)?.to).toBeGreaterThan(20_000);
    expect(total(h)).toBe(102);
    for (let k = 1; k < bins.length; k++) expect(bins[k]?.from).toBe(bins[k - 1]?.to);
  });
});
