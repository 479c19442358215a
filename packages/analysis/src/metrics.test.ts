import { describe, expect, it } from 'vitest';
import { analyze, expectedVisits } from './index';
import {
  findingsOf,
  parallelBranches,
  reworkLoop,
  straightLine,
  triageDecision,
} from './test-helpers';

/*
 * Every figure here is worked out by hand from the fixture (test-helpers.ts), the arithmetic in
 * the comments. Settings: 7.5 h a day = 450 working minutes; demand 40 cases a day.
 */

describe('given a straight line (write 10 min by a GP; book 5 min after a 120 min wait)', () => {
  const { metrics } = analyze(straightLine());

  it('then every step is visited once', () => {
    expect([...expectedVisits(straightLine()).values()]).toEqual([1, 1, 1, 1]);
  });

  it('then the times are plain sums', () => {
    expect(metrics.processTime).toBe(15); // 10 + 5
    expect(metrics.waitTime).toBe(120); // 0 + 120
    expect(metrics.leadTime).toBe(135); // 15 + 120, one path
    expect(metrics.valueAddedTime).toBe(10); // only "write" is value-adding
    expect(metrics.processCycleEfficiency).toBe(0.074); // 10 / 135 = 0.0740…
    expect(metrics.activityRatio).toBe(0.111); // 15 / 135 = 0.1111…
  });

  it('then one handoff, rolled C&A, cost, takt and cases in progress follow', () => {
    expect(metrics.handoffs).toBe(1); // write (GP) -> book (clerk)
    expect(metrics.rolledCompleteAccurate).toBe(0.81); // 0.9 x 0.9
    expect(metrics.costPerCase).toBe(12.5); // 10/60 x 60 + 5/60 x 30 = 10 + 2.5
    expect(metrics.taktTime).toBe(11.25); // 450 / 40
    expect(metrics.casesInProgress).toBe(12); // Little: 40/450 per min x 135 min
  });

  it('then each role has its work and utilisation', () => {
    expect(metrics.roles).toEqual([
      // GP: 40 x 10 / (2 people x 450) = 400 / 900
      { roleId: 'gp', name: 'GP', workPerCase: 10, utilisation: 0.444, queueGrowthPerPeriod: null },
      // clerk: 40 x 5 / (1 x 450) = 200 / 450
      {
        roleId: 'clerk',
        name: 'Ward clerk',
        workPerCase: 5,
        utilisation: 0.444,
        queueGrowthPerPeriod: null,
      },
    ]);
  });

  it('then the bottleneck tie (both steps 4/9 utilised) goes to the step listed first', () => {
    // write: 40 x 1 x 10 / (2 x 450) = 0.444; book: 40 x 1 x 5 / (1 x 450) = 0.444
    expect(metrics.bottleneck).toEqual({
      stepId: 'write',
      label: 'Write referral',
      roleId: 'gp',
      roleName: 'GP',
      utilisation: 0.444,
      basis: 'utilisation',
    });
    expect(metrics.longestWait).toEqual({ stepId: 'book', label: 'Book clinic', waitTime: 120 });
  });
});

describe('given a decision (triage 6 min after 30; then 70% routine, 30% urgent)', () => {
  const map = triageDecision();
  const { metrics } = analyze(map);

  it('then branches are visited by their probability', () => {
    const v = expectedVisits(map);
    expect(v.get('triage' as never)).toBe(1);
    expect(v.get('routine' as never)).toBeCloseTo(0.7, 12);
    expect(v.get('urgent' as never)).toBeCloseTo(0.3, 12);
  });

  it('then times are weighted by the visits', () => {
    expect(metrics.processTime).toBe(19); // 6 + 0.7 x 10 + 0.3 x 20 = 6 + 7 + 6
    expect(metrics.waitTime).toBe(72); // 30 + 0.7 x 60 = 30 + 42
    expect(metrics.leadTime).toBe(91); // 19 + 72: no parallel work
    expect(metrics.valueAddedTime).toBe(12); // triage 6 + 0.3 x urgent 20
    expect(metrics.processCycleEfficiency).toBe(0.132); // 12 / 91 = 0.1318…
    expect(metrics.activityRatio).toBe(0.209); // 19 / 91 = 0.2087…
  });

  it('then handoffs, cost and utilisation count only the cases that take a branch', () => {
    expect(metrics.handoffs).toBe(0.3); // nurse decision -> doctor, taken by 30%
    expect(metrics.rolledCompleteAccurate).toBeNull(); // no step gives completeAccurate
    expect(metrics.costPerCase).toBe(15.5); // (6 + 7)/60 x 30 + 6/60 x 90 = 6.5 + 9
    // nurse: 40 x 13 / (3 x 450) = 0.385; doctor: 40 x 6 / (1 x 450) = 0.533
    expect(metrics.roles.map((r) => [r.roleId, r.workPerCase, r.utilisation])).toEqual([
      ['nurse', 13, 0.385],
      ['doctor', 6, 0.533],
    ]);
    // own utilisation: triage 40 x 6 / 1350 = 0.178, routine 40 x 7 / 1350 = 0.207,
    // urgent 40 x 6 / 450 = 0.533
    expect(metrics.bottleneck?.stepId).toBe('urgent');
    expect(metrics.longestWait).toEqual({
      stepId: 'routine',
      label: 'Book routine clinic',
      waitTime: 42, // 0.7 x 60 beats triage's 1 x 30
    });
  });
});

describe('given a rework loop taken with probability 0.2', () => {
  const map = reworkLoop();
  const result = analyze(map);
  const { metrics } = result;

  it('then the loop body is visited 1 / (1 - 0.2) = 1.25 times', () => {
    const v = expectedVisits(map);
    for (const id of ['fill', 'check', 'ok?']) expect(v.get(id as never)).toBeCloseTo(1.25, 12);
    expect(v.get('end' as never)).toBeCloseTo(1, 12); // 0.8 x 1.25
  });

  it("then the body's time counts 1.25 times", () => {
    expect(metrics.processTime).toBe(18.75); // 1.25 x (10 + 5)
    expect(metrics.waitTime).toBe(25); // 1.25 x 20
    expect(metrics.leadTime).toBe(43.75); // 18.75 + 25
    expect(metrics.valueAddedTime).toBe(12.5); // 1.25 x 10
    expect(metrics.processCycleEfficiency).toBe(0.286); // 12.5 / 43.75 = 0.2857…
    expect(metrics.activityRatio).toBe(0.429); // 18.75 / 43.75 = 0.4285…
    expect(metrics.costPerCase).toBe(6.25); // 18.75 / 60 x 20
    expect(metrics.roles[0]?.utilisation).toBe(0.833); // 40 x 18.75 / (2 x 450) = 750 / 900
  });

  it('then the rework finding puts the repeats at stake: 0.25 x (30 + 5) = 8.75 min', () => {
    const [loop] = findingsOf(result, 'rework-loop');
    expect(loop?.stepIds).toEqual(['fill', 'check', 'ok?']);
    expect(loop?.flowIds).toEqual(['f4']); // ok? -> fill
    // (1.25 - 1) x (fill 10 + 20 wait) + (1.25 - 1) x check 5 + (1.25 - 1) x 0
    expect(loop?.timeAtStake).toBe(8.75);
    expect(loop?.message).toContain('1.25 times');
  });
});

describe('given parallel branches (bloods 10 min after 20; history 40 min) that join', () => {
  const map = parallelBranches();
  const { metrics } = analyze(map);

  it('then the join is visited once, not once per branch', () => {
    expect([...expectedVisits(map).values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('then lead time follows the longest branch (critical path)', () => {
    expect(metrics.processTime).toBe(60); // 5 + 10 + 40 + 5: all work is done
    expect(metrics.waitTime).toBe(20);
    // 5 + max(bloods 20 + 10, history 40) + 5 = 5 + 40 + 5
    expect(metrics.leadTime).toBe(50);
    expect(metrics.activityRatio).toBe(1.2); // 60 / 50: work side by side
  });
});

describe('given a rework loop inside a decision branch, nested in a second loop', () => {
  it('then visits solve both loops: v = 1 / ((1 - 0.5)(1 - 0.2)) on the inner body', async () => {
    const { mapBuilder } = await import('@procmap/test-kit');
    const map = mapBuilder('Nested')
      .role('r', 'R')
      .start('s', 'r', 'Start')
      .task('a', 'r', 'A', { processTime: 1 })
      .task('b', 'r', 'B', { processTime: 1 })
      .decision('inner', 'r', 'Inner ok?')
      .decision('outer', 'r', 'Outer ok?')
      .end('e', 'r', 'End')
      .chain('s', 'a', 'b', 'inner')
      .branch('inner', 'b', 0.5)
      .branch('inner', 'outer', 0.5)
      .branch('outer', 'a', 0.2)
      .branch('outer', 'e', 0.8)
      .build();
    const v = expectedVisits(map);
    // a = 1 + 0.2 outer; b = a + 0.5 b => b = 2a; inner = b; outer = 0.5 inner = a
    // a = 1 + 0.2 a => a = 1.25; b = 2.5
    expect(v.get('a' as never)).toBeCloseTo(1.25, 12);
    expect(v.get('b' as never)).toBeCloseTo(2.5, 12);
    expect(v.get('outer' as never)).toBeCloseTo(1.25, 12);
    expect(v.get('e' as never)).toBeCloseTo(1, 12);
    expect(analyze(map).metrics.processTime).toBe(3.75); // 1.25 x 1 + 2.5 x 1
  });
});
