import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes';

const asIs = {
  version: 1,
  id: 'm',
  title: 'Referral',
  settings: { hoursPerDay: 8, currency: 'GBP' },
  roles: [
    { id: 'clerk', name: 'Clerk', headcount: 2 },
    { id: 'nurse', name: 'Nurse', headcount: 1 },
  ],
  steps: [
    { id: 'in', roleId: 'clerk', kind: 'start', label: 'Referral arrives' },
    { id: 'key', roleId: 'clerk', kind: 'task', label: 'Key in', processTime: 10 },
    { id: 'check', roleId: 'clerk', kind: 'task', label: 'Check', processTime: 6, waitTime: 120 },
  ],
  flows: [
    { id: 'f1', from: 'in', to: 'key' },
    { id: 'f2', from: 'key', to: 'check' },
  ],
} as unknown as ProcessMap;

const toBe = {
  ...asIs,
  roles: [
    { id: 'clerk', name: 'Clerk', headcount: 1 },
    { id: 'nurse', name: 'Nurse', headcount: 1 },
    { id: 'porter', name: 'Porter' },
  ],
  steps: [
    asIs.steps[0],
    { id: 'check', roleId: 'nurse', kind: 'task', label: 'Triage', processTime: 4, waitTime: 30 },
  ],
  flows: [{ id: 'f3', from: 'in', to: 'check' }],
} as unknown as ProcessMap;

describe('describeChanges', () => {
  it('names each change by label, lane and role, with the fields in words and values', () => {
    const d = describeChanges(asIs, toBe);
    expect(d.steps.removed).toEqual([{ id: 'key', label: 'Key in', lane: 'Clerk' }]);
    expect(d.steps.added).toEqual([]);
    expect(d.steps.changed).toEqual([
      {
        id: 'check',
        label: 'Triage',
        lane: 'Nurse',
        was: 'Check',
        movedFrom: 'Clerk',
        words: ['name', 'process time', 'wait before'],
        described: [
          'name “Check” → “Triage”',
          'process time 6 min → 4 min',
          'wait before 2 h → 30 min',
        ],
      },
    ]);
    expect(d.flows.added).toEqual([{ id: 'f3', from: 'Referral arrives', to: 'Triage' }]);
    expect(d.flows.removed.map((f) => `${f.from} → ${f.to}`)).toEqual([
      'Referral arrives → Key in',
      'Key in → Triage',
    ]);
    expect(d.roles.added).toEqual([{ id: 'porter', name: 'Porter' }]);
    expect(d.roles.changed).toEqual([
      { id: 'clerk', name: 'Clerk', headcount: 1, described: ['people 2 → 1'] },
    ]);
  });

  it('writes durations in the as-is’s working day', () => {
    const long = { ...toBe, steps: [{ ...asIs.steps[2], waitTime: 960 }] } as ProcessMap;
    const d = describeChanges(asIs, long);
    expect(d.steps.changed[0]?.described).toEqual(['wait before 2 h → 2 d']);
  });
});
