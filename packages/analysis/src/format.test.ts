import { describe, expect, it } from 'vitest';
import { describeBottleneck, formatMetric, METRIC_DESCRIPTORS } from './descriptors';
import { formatMinutes, formatMoney, formatShare } from './format';
import { analyze } from './index';
import { straightLine } from './test-helpers';

describe('the one formatter', () => {
  it('writes money in the map’s currency, the same wherever it is shown', () => {
    expect(formatMoney(32.735, 'GBP')).toBe('£32.74');
    expect(formatMoney(1200, 'EUR')).toBe('€1,200.00');
    expect(formatMoney(32.7, 'XYZ1')).toBe('32.70 XYZ1'); // not a currency code
    expect(formatMoney(32.7)).toBe('32.70');
  });
  it('writes shares with one decimal, so a tiny efficiency does not read as none', () => {
    expect(formatShare(0.001)).toBe('0.1%');
    expect(formatShare(0.1083)).toBe('10.8%');
    expect(formatShare(1)).toBe('100%');
  });
  it('writes durations as precise as useful: minutes, hours and minutes, tenths of a day', () => {
    expect(formatMinutes(12.5, 7.5)).toBe('12.5 min');
    expect(formatMinutes(35.29, 7.5)).toBe('35.3 min');
    expect(formatMinutes(2.25, 7.5)).toBe('2.25 min');
    expect(formatMinutes(171.4, 7.5)).toBe('2 h 51 min');
    expect(formatMinutes(69.6 * 450 + 3, 7.5)).toBe('69.6 d');
  });
});

describe('metric descriptors', () => {
  it('give every headline metric a label in users’ words and a unit', () => {
    for (const d of METRIC_DESCRIPTORS) {
      expect(d.label).not.toMatch(/[a-z][A-Z]/); // no field names such as processTime
      expect(d.meaning.length).toBeGreaterThan(20);
    }
  });
  it('format a metric by its unit, and say when the map cannot give it', () => {
    const { metrics } = analyze(straightLine());
    const settings = { hoursPerDay: 7.5, currency: 'GBP' };
    expect(formatMetric(metrics, 'leadTime', settings)).toBe('2 h 15 min');
    expect(formatMetric(metrics, 'costPerCase', settings)).toBe('£12.50');
    expect(formatMetric(metrics, 'processCycleEfficiency', settings)).toBe('7.4%');
    expect(formatMetric({ ...metrics, taktTime: null }, 'taktTime', settings)).toBeNull();
  });
  it('describe the bottleneck as the busiest role and its step', () => {
    const { metrics } = analyze(straightLine());
    expect(describeBottleneck(metrics.bottleneck as never)).toBe(
      'GP (44.4% utilised), at “Write referral”',
    );
  });
});
