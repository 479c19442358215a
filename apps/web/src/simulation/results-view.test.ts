import { describe, expect, it } from 'vitest';
import { longestQueues, otherWarnings, queueHeat, queuePerCase, roleRows } from './results-view';
import { queueMarks } from './simulation-store';
import { referralResult } from './test-fixtures';

describe('the results as the tab shows them', () => {
  it('gives each step its queue per case: per visit times visits', () => {
    const heat = queueHeat(referralResult());
    expect(heat.get('triage')).toBe(100); // 80 min a visit × 1.25 visits
    expect(heat.get('porter')).toBe(2);
    expect(heat.get('log')).toBe(0);
    expect(heat.get('never')).toBe(0); // never visited: no queue, not NaN
    expect(queuePerCase({ ...referralResult().steps[1]!, visits: 0 })).toBe(0);
  });

  it('lists the steps where cases queue longest, longest first, leaving out no queue', () => {
    const rows = longestQueues(referralResult());
    expect(rows.map((r) => [r.step.id, r.perCase])).toEqual([
      ['triage', 100],
      ['porter', 2],
    ]);
    expect(longestQueues(referralResult(), 1)).toHaveLength(1);
  });

  it('colours the overlay against the longest queue', () => {
    const marks = queueMarks(referralResult());
    expect(marks.get('triage')).toEqual({ share: 1, minutes: 100 });
    expect(marks.get('porter')).toEqual({ share: 0.02, minutes: 2 });
    expect(marks.get('log')).toEqual({ share: 0, minutes: 0 });
  });

  it('shows an overloaded role full and red, with its message; never by colour alone', () => {
    const nurse = roleRows(referralResult()).find((r) => r.role.id === 'nurse');
    expect(nurse?.state).toBe('overloaded');
    expect(nurse?.fill).toBe(1);
    expect(nurse?.text).toBe('Overloaded');
    expect(nurse?.warnings.map((w) => w.message)).toEqual([
      'Triage nurse cannot keep up: 121% busy; the queue grows by 7 cases a day',
    ]);
  });

  it('says a role without a headcount had as many people as needed, with no bar', () => {
    const clerk = roleRows(referralResult()).find((r) => r.role.id === 'clerk');
    expect(clerk?.state).toBe('unlimited');
    expect(clerk?.text).toBe('No headcount: as many people as needed');
    expect(clerk?.fill).toBe(0);
  });

  it('gives a busy role its share in words and a plain one its share', () => {
    const rows = roleRows(referralResult());
    const porter = rows.find((r) => r.role.id === 'porter');
    const admin = rows.find((r) => r.role.id === 'admin');
    expect([porter?.state, porter?.text, porter?.fill]).toEqual(['busy', '90% busy', 0.9]);
    expect([admin?.state, admin?.text, admin?.fill]).toEqual(['ok', '40% busy', 0.4]);
  });

  it('keeps the warnings about no one role for below the roles', () => {
    expect(otherWarnings(referralResult()).map((w) => w.code)).toEqual(['stuck']);
  });
});
