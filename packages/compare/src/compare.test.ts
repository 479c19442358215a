import { referralPairMap } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from './compare';
import { metricChanges, roleChanges, verdictOf } from './metric-changes';

/*
 * The referral pair worked by hand (test-kit's scenario-maps.ts). As-is: the clerk keys the
 * referral in (10 min work after 60 min in the tray), then the nurse checks it (5 min after
 * 30 min): lead time 105 min, one handoff, cost 10/60 × £30 + 5/60 × £60 = £10, value-adding
 * 5 min (the check) so PCE 5/105. To-be "portal": the referral arrives in the nurse's lane and
 * goes straight to the check: lead time 35 min, no handoff, cost £5, PCE 5/35; the clerk's role
 * stays with headcount 1. A second scenario, "same", has nothing mapped.
 */
function map() {
  return referralPairMap({
    portal: { description: 'Referrals come through the portal' },
    more: [{ id: 'same', name: 'Unchanged copy', roles: [], steps: [], flows: [] }],
  });
}

describe('compareScenarios on a pair worked by hand', () => {
  const compared = compareScenarios(map(), ['portal']);
  if (!compared.ok) throw new Error(compared.message);
  const [asIs, portal] = compared.comparison.scenarios;

  it('lists the as-is first, then the scenarios asked for', () => {
    expect(compared.comparison.scenarios.map((s) => s.id)).toEqual(['as-is', 'portal']);
    expect(asIs?.name).toBe('As-is');
    expect(asIs?.changes).toBeUndefined();
    expect(portal?.ideas).toEqual(['c1']);
    expect(portal?.description).toBe('Referrals come through the portal');
  });

  it('gives the figures worked out by hand', () => {
    const a = asIs?.metrics.metrics;
    const b = portal?.metrics.metrics;
    expect(a?.leadTime).toBeCloseTo(105, 9);
    expect(b?.leadTime).toBeCloseTo(35, 9);
    expect(a?.handoffs).toBe(1);
    expect(b?.handoffs).toBe(0);
    expect(a?.costPerCase).toBeCloseTo(10, 9);
    expect(b?.costPerCase).toBeCloseTo(5, 9);
    expect(a?.processCycleEfficiency).toBeCloseTo(5 / 105, 3); // the analysis gives shares to 3 places;
    expect(b?.processCycleEfficiency).toBeCloseTo(5 / 35, 3);
  });

  it('says what changed, by id', () => {
    expect(portal?.changes).toEqual({
      steps: {
        added: [],
        removed: ['key'],
        changed: [{ id: 'in', fields: ['roleId'] }],
      },
      flows: { added: ['t1'], removed: ['f1', 'f2'], changed: [] },
      roles: { added: [], removed: [], changed: [{ id: 'clerk', fields: ['headcount'] }] },
    });
  });

  it('reads each metric in the direction its descriptor gives', () => {
    const changes = metricChanges(asIs?.metrics.metrics as never, portal?.metrics.metrics as never);
    const by = Object.fromEntries(changes.map((c) => [c.descriptor.key, c]));
    expect(by.leadTime?.change).toBeCloseTo(-70, 9);
    expect(by.leadTime?.verdict).toBe('better');
    expect(by.handoffs?.verdict).toBe('better');
    expect(by.costPerCase?.verdict).toBe('better');
    expect(by.processCycleEfficiency?.verdict).toBe('better');
    expect(by.valueAddedTime?.verdict).toBe('same');
    expect(by.taktTime?.verdict).toBe('same'); // no demand on either side: null and null
  });

  it('keeps the analysis answer exactly as analyze gives it for the as-is', () => {
    expect(Object.keys(asIs?.metrics ?? {})).toEqual(['metrics', 'findings', 'annotations']);
  });
});

describe('compareScenarios refusals and defaults', () => {
  it('compares every scenario when none is named, each once, the as-is first', () => {
    const all = compareScenarios(map());
    expect(all.ok && all.comparison.scenarios.map((s) => s.id)).toEqual([
      'as-is',
      'portal',
      'same',
    ]);
    const twice = compareScenarios(map(), ['same', 'as-is', 'same']);
    expect(twice.ok && twice.comparison.scenarios.map((s) => s.id)).toEqual(['as-is', 'same']);
  });

  it('refuses an unknown scenario, naming those there are', () => {
    expect(compareScenarios(map(), ['portal', 'nope'])).toEqual({
      ok: false,
      message: 'no scenario "nope" in this map: use "as-is", "portal", "same"',
    });
  });
});

describe('verdicts', () => {
  it('weighs a change by the direction, and says when a figure is missing', () => {
    expect(verdictOf('lower', 10, 5)).toBe('better');
    expect(verdictOf('lower', 5, 10)).toBe('worse');
    expect(verdictOf('higher', 0.2, 0.1)).toBe('worse');
    expect(verdictOf(null, 1, 2)).toBe('neither');
    expect(verdictOf('lower', null, 2)).toBe('unknown');
    expect(verdictOf('lower', 3, 3 + 1e-12)).toBe('same');
  });

  it('lists roles removed and added with their utilisation', () => {
    const role = (roleId: string, utilisation: number | null) => ({
      roleId,
      name: roleId,
      workPerCase: 1,
      utilisation,
      queueGrowthPerPeriod: null,
    });
    const before = { roles: [role('a', 0.9), role('b', 0.5)] } as never;
    const after = { roles: [role('a', 0.6), role('c', 0.2)] } as never;
    expect(
      roleChanges(before, after).map((r) => [r.roleId, r.presence, r.before, r.after, r.verdict]),
    ).toEqual([
      ['a', 'both', 0.9, 0.6, 'better'],
      ['b', 'removed', 0.5, null, 'unknown'],
      ['c', 'added', null, 0.2, 'unknown'],
    ]);
  });
});

describe('a role left with no work', () => {
  it('reads idle, not better, when its utilisation falls to 0 and it is still in the scenario', () => {
    const role = (roleId: string, utilisation: number | null) => ({
      roleId,
      name: roleId,
      workPerCase: 0,
      utilisation,
      queueGrowthPerPeriod: null,
    });
    const before = { roles: [role('clerk', 0.71), role('spare', 0), role('nurse', 0.4)] } as never;
    const after = { roles: [role('clerk', 0), role('spare', 0), role('nurse', 0.2)] } as never;
    expect(roleChanges(before, after).map((r) => [r.roleId, r.verdict])).toEqual([
      ['clerk', 'idle'],
      ['spare', 'same'],
      ['nurse', 'better'],
    ]);
  });
});
