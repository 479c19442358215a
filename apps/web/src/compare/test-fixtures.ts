import { type ProcessMap, validateMap } from '@procmap/model';

/*
 * A referral worked by hand for the Compare view's tests. As-is: the clerk keys the referral in
 * (10 min work after 60 min in the tray), then the nurse checks it (5 min after 30 min): lead
 * time 105 min, one handoff, £10 a case. To-be "portal": the referral starts in the nurse's lane
 * and goes straight to the check: lead time 35 min, no handoff, £5 a case; "Key in" is gone.
 */
/** The nurse's check, the same on both sides: 5 min after 30 min waiting, value-adding. */
const CHECK = {
  id: 'check',
  roleId: 'nurse',
  kind: 'task',
  label: 'Check',
  processTime: 5,
  waitTime: 30,
  valueClass: 'value-adding',
};

export const REFERRAL = {
  format: 'procmap',
  version: 1,
  title: 'Referral',
  settings: { demand: { count: 24, per: 'day' }, currency: 'GBP' },
  roles: [
    { id: 'clerk', name: 'Clerk', headcount: 2, hourlyCost: 30 },
    { id: 'nurse', name: 'Nurse', headcount: 1, hourlyCost: 60 },
  ],
  steps: [
    { id: 'in', roleId: 'clerk', kind: 'start', label: 'Referral arrives' },
    { id: 'key', roleId: 'clerk', kind: 'task', label: 'Key in', processTime: 10, waitTime: 60 },
    CHECK,
    { id: 'out', roleId: 'nurse', kind: 'end', label: 'Booked' },
  ],
  flows: [
    { id: 'f1', from: 'in', to: 'key' },
    { id: 'f2', from: 'key', to: 'check' },
    { id: 'f3', from: 'check', to: 'out' },
  ],
  comments: [
    { id: 'c1', kind: 'idea', author: 'Ana', text: 'A portal', createdAt: '2026-12-01T09:00:00Z' },
  ],
  scenarios: [
    {
      id: 'portal',
      name: 'To-be portal',
      description: 'Referrals come through the portal',
      ideas: ['c1'],
      roles: [
        { id: 'clerk', name: 'Clerk', headcount: 2, hourlyCost: 30 },
        { id: 'nurse', name: 'Nurse', headcount: 1, hourlyCost: 60 },
      ],
      steps: [
        { id: 'in', roleId: 'nurse', kind: 'start', label: 'Referral arrives' },
        CHECK,
        { id: 'out', roleId: 'nurse', kind: 'end', label: 'Booked' },
      ],
      flows: [
        { id: 't1', from: 'in', to: 'check' },
        { id: 'f3', from: 'check', to: 'out' },
      ],
    },
  ],
};

/** The referral as a checked map; `more` adds scenarios after the portal. */
export function referral(more: readonly object[] = []): ProcessMap {
  const v = validateMap({ ...REFERRAL, scenarios: [...REFERRAL.scenarios, ...more] });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.map;
}
