import { diffMaps, type ProcessMap, scenarioMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { changeGroups, fieldName } from './change-list';
import { referral } from './test-fixtures';

function portal(extra: object[] = []): { asIs: ProcessMap; toBe: ProcessMap } {
  const asIs = referral(extra);
  const found = scenarioMap(asIs, extra.length > 0 ? 'moved' : 'portal');
  if (!found.ok) throw new Error(found.message);
  return { asIs, toBe: found.map };
}

describe('changeGroups', () => {
  it('says what the portal changes by step label and lane, never by id', () => {
    const { asIs, toBe } = portal();
    expect(changeGroups(asIs, toBe, diffMaps(asIs, toBe))).toEqual([
      { title: 'Steps removed', lines: ['“Key in” in Clerk'] },
      {
        title: 'Steps moved to another lane',
        lines: ['“Referral arrives” moves from Clerk to Nurse'],
      },
      { title: 'Flows', lines: ['1 flow added', '2 flows removed'] },
    ]);
  });

  it('names changed fields in plain words and says what a renamed step was', () => {
    const moved = {
      id: 'moved',
      name: 'Quicker keying',
      roles: REFERRAL_ROLES,
      steps: [
        { id: 'in', roleId: 'clerk', kind: 'start', label: 'Referral arrives' },
        { id: 'key', roleId: 'clerk', kind: 'task', label: 'Scan', processTime: 2, waitTime: 60 },
        { id: 'new', roleId: 'nurse', kind: 'task', label: 'Call back' },
        {
          id: 'check',
          roleId: 'nurse',
          kind: 'task',
          label: 'Check',
          processTime: 5,
          waitTime: 30,
          valueClass: 'value-adding',
        },
        { id: 'out', roleId: 'nurse', kind: 'end', label: 'Booked' },
      ],
      flows: [
        { id: 'f1', from: 'in', to: 'key' },
        { id: 'f2', from: 'key', to: 'check' },
        { id: 'f3', from: 'check', to: 'out' },
      ],
    };
    const { asIs, toBe } = portal([moved]);
    expect(changeGroups(asIs, toBe, diffMaps(asIs, toBe))).toEqual([
      { title: 'Steps added', lines: ['“Call back” in Nurse'] },
      { title: 'Steps changed', lines: ['“Scan” (was “Key in”): name, work time'] },
    ]);
  });

  it('keeps a field it has no plain name for as it is', () => {
    expect(fieldName('waitTime')).toBe('wait');
    expect(fieldName('somethingNew')).toBe('somethingNew');
  });
});

const REFERRAL_ROLES = [
  { id: 'clerk', name: 'Clerk', headcount: 2, hourlyCost: 30 },
  { id: 'nurse', name: 'Nurse', headcount: 1, hourlyCost: 60 },
];
