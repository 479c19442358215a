import { describe, expect, it } from 'vitest';
import { analyze, formatMetric, metricDescriptor } from './index';
import { straightLine } from './test-helpers';

describe('process cycle efficiency with no step classed', () => {
  it('is unknown, not 0%, and says what would make it known', () => {
    const map = straightLine();
    const unclassed = { ...map, steps: map.steps.map(({ valueClass: _, ...s }) => s) };
    const metrics = analyze(unclassed).metrics;
    expect(metrics.processCycleEfficiency).toBeNull();
    expect(formatMetric(metrics, 'processCycleEfficiency', { hoursPerDay: 8 })).toBeNull();
    expect(metricDescriptor('processCycleEfficiency').missing).toMatch(
      /mark which steps add value/,
    );
    // once one step is classed, it is a measured figure again
    expect(analyze(map).metrics.processCycleEfficiency).toBeGreaterThan(0);
  });
});
