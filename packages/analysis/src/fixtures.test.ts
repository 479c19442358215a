import { FIXTURES } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analyze, expectedVisits } from './index';
import { expectIdsExist, findingsOf } from './test-helpers';

/* The test kit's named maps, analysed: the wastes they were drawn with are found. */

describe('analyze on the outpatient referral', () => {
  const map = FIXTURES['outpatient-referral']();
  const result = analyze(map);

  it('then the rework loops raise the visits of the loop bodies', () => {
    const v = expectedVisits(map);
    // upload = 1 + 0.2 (complete -> return) + 0.8 x 0.15 (triage -> request info) per pass:
    // v = 1 / (1 - 0.2 - 0.8 x 0.15) = 1 / 0.68
    expect(v.get('upload-ers' as never)).toBeCloseTo(1 / 0.68, 9);
    // triage sees the 80% complete of every pass (0.8 / 0.68) and accepts 75% of them
    const accepted = (0.75 * 0.8) / 0.68;
    expect(v.get('add-to-list' as never)).toBeCloseTo(accepted, 9);
    // did-not-attend: 8% are booked again, so booking is done 1 / 0.92 times per accepted case
    expect(v.get('book-slot' as never)).toBeCloseTo(accepted / 0.92, 9);
    expect(v.get('check-in' as never)).toBeCloseTo(accepted, 9); // 0.92 x accepted / 0.92
    expect(v.get('end-discharged' as never)).toBeCloseTo(0.6 * accepted, 9);
    const ends = ['end-primary', 'end-discharged', 'end-follow-up', 'end-listed'];
    const finished = ends.reduce((sum, id) => sum + (v.get(id as never) ?? 0), 0);
    expect(finished).toBeCloseTo(1, 9); // every case ends somewhere exactly once
  });

  it('then the figures are plausible', () => {
    const m = result.metrics;
    expect(m.leadTime).toBeCloseTo(m.processTime + m.waitTime, 1); // no parallel work
    expect(m.longestWait?.stepId).toBe('wait-capacity');
    expect(m.bottleneck).toMatchObject({ stepId: 'consultation', basis: 'utilisation' });
    expect(m.roles.find((r) => r.roleId === 'consultant')?.utilisation).toBeGreaterThan(1);
    expect(m.taktTime).toBe(11.25);
  });

  it('then the wastes it was drawn with are found', () => {
    expect(findingsOf(result, 'long-wait')[0]?.stepIds).toEqual(['wait-capacity']);
    expect(findingsOf(result, 'rework-loop')).toHaveLength(2);
    const nhs = findingsOf(result, 'duplicate-data-entry').find((f) =>
      f.message.includes('NHS number'),
    );
    expect(nhs?.stepIds[0]).toBe('write-referral');
    expect(
      findingsOf(result, 'batching')
        .map((f) => f.stepIds[0])
        .sort(),
    ).toEqual(['confirm-letter', 'triage']);
    expect(findingsOf(result, 'bottleneck')[0]).toMatchObject({
      roleIds: ['consultant'],
      severity: 'critical',
    });
    expect(findingsOf(result, 'approval-chain').map((f) => f.stepIds)).toEqual([['sign-letter']]);
    expect(findingsOf(result, 'missing-data')).toEqual([]);
    expect(findingsOf(result, 'unreachable')).toEqual([]);
    expect(findingsOf(result, 'dead-end')).toEqual([]);
    expectIdsExist(map, result);
  });
});

describe.each(Object.keys(FIXTURES) as (keyof typeof FIXTURES)[])('analyze on %s', (name) => {
  it('then every id exists, nothing is structurally wrong and lead time is positive', () => {
    const map = FIXTURES[name]();
    const result = analyze(map);
    expectIdsExist(map, result);
    expect(result.metrics.leadTime).toBeGreaterThan(0);
    expect(findingsOf(result, 'missing-data')).toEqual([]);
  });
});
