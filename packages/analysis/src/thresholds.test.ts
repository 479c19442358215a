import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { analyze, DEFAULT_THRESHOLDS, resolveThresholds } from './index';
import { findingsOf, straightLine } from './test-helpers';

describe('resolveThresholds', () => {
  it('given no settings, then the documented defaults', () => {
    expect(resolveThresholds({})).toEqual(DEFAULT_THRESHOLDS);
    expect(DEFAULT_THRESHOLDS).toMatchObject({
      longWaitShare: 0.5,
      longWaitEfficiency: 0.2,
      longWaitMinutes: 30,
      longWaitDays: 1,
      bottleneckUtilisation: 0.85,
      bottleneckCritical: 1,
      completeAccurate: 0.9,
      rolledCompleteAccurate: 0.5,
      approvalWaitRatio: 10,
      unusedSkillsCostRatio: 2,
    });
    expect(DEFAULT_THRESHOLDS.handoffShare).toBeCloseTo(1 / 3, 12);
  });

  it('given settings.analysis, then its numbers win and bad values are ignored', () => {
    const settings = { analysis: { longWaitShare: 0.3, handoffShare: -1, completeAccurate: 'x' } };
    const resolved = resolveThresholds({ settings } as unknown as Pick<ProcessMap, 'settings'>);
    expect(resolved.longWaitShare).toBe(0.3);
    expect(resolved.handoffShare).toBe(DEFAULT_THRESHOLDS.handoffShare);
    expect(resolved.completeAccurate).toBe(0.9);
  });

  it('given overrides from the caller, then they win over the map', () => {
    const settings = { analysis: { longWaitShare: 0.3 } };
    const resolved = resolveThresholds({ settings } as Pick<ProcessMap, 'settings'>, {
      longWaitShare: 0.7,
    });
    expect(resolved.longWaitShare).toBe(0.7);
  });
});

describe('analyze with thresholds from the caller', () => {
  it('given a stricter handoff share, then the straight line (1 flow of 3) reports its handoff', () => {
    expect(findingsOf(analyze(straightLine()), 'handoff')).toEqual([]);
    const [f] = findingsOf(
      analyze(straightLine(), { thresholds: { handoffShare: 0.2 } }),
      'handoff',
    );
    expect(f?.flowIds).toEqual(['f2']);
  });
});
