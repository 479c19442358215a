import { diffMaps, type ProcessMap, scenarioMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { changeGroups, ideaLines } from './change-list';
import { REFERRAL, referral } from './test-fixtures';

function portal(extra: object[] = []): { asIs: ProcessMap; toBe: ProcessMap } {
  const asIs = referral(extra);
  const found = scenarioMap(asIs, extra.length > 0 ? 'moved' : 'portal');
  if (!found.ok) throw new Error(found.message);
  return { asIs, toBe: found.map };
}

describe('changeGroups', () => {
  it('says what the portal changes by step label and lane, never by id', () => {
    const { asIs, toBe } = portal();
    expect(changeGroups(asIs, toBe, diffMaps(asIs, toBe), FORMAT)).toEqual([
      { title: 'Steps removed', lines: ['“Key in” in Clerk'] },
      {
        title: 'Steps moved to another lane',
        lines: ['“Referral arrives” moves from Clerk to Nurse'],
      },
      { title: 'Flows', lines: ['1 flow added', '2 flows removed'] },
    ]);
  });

  it('names changed fields in the panel’s words with their values, as the report does', () => {
    // The as-is with "Key in" renamed "Scan" and quicker, and a new step after it.
    const steps = REFERRAL.steps.flatMap((s) =>
      s.id === 'key'
        ? [
            { ...s, label: 'Scan', processTime: 2 },
            { id: 'new', roleId: 'nurse', kind: 'task', label: 'Call back' },
          ]
        : [s],
    );
    const moved = {
      id: 'moved',
      name: 'Quicker keying',
      roles: REFERRAL.roles,
      steps,
      flows: REFERRAL.flows,
    };
    const { asIs, toBe } = portal([moved]);
    expect(changeGroups(asIs, toBe, diffMaps(asIs, toBe), FORMAT)).toEqual([
      { title: 'Steps added', lines: ['“Call back” in Nurse'] },
      {
        title: 'Steps changed',
        lines: ['“Scan”: name “Key in” → “Scan”; process time 10 min → 2 min'],
      },
    ]);
  });

  it('says what a lane’s people and cost become, and a branch’s share of cases', () => {
    const asIs = referral();
    const toBe = {
      ...asIs,
      roles: [
        { id: 'clerk', name: 'Clerk', headcount: 1, hourlyCost: 32.5 },
        { id: 'nurse', name: 'Nurse', headcount: 1, hourlyCost: 60 },
      ],
      flows: asIs.flows.map((f) => (f.id === 'f2' ? { ...f, probability: 0.5 } : f)),
    } as unknown as ProcessMap;
    expect(changeGroups(asIs, toBe, diffMaps(asIs, toBe), FORMAT)).toEqual([
      { title: 'Lanes', lines: ['Clerk: people 2 → 1; hourly cost £30.00 → £32.50'] },
      { title: 'Flows', lines: ['“Key in” → “Check”: share of cases not given → 50%'] },
    ]);
  });
});

describe('ideaLines', () => {
  it('gives each idea the scenario takes up with its votes, most first, and skips missing ones', () => {
    const idea = (id: string, text: string, votes?: Record<string, number>) =>
      ({
        id,
        kind: 'idea',
        author: 'A',
        text,
        createdAt: '',
        ...(votes ? { votes } : {}),
      }) as never;
    const comments = [
      idea('a', 'Portal', { x: 1 }),
      idea('b', 'Nurse books', { x: 2, y: 1 }),
      idea('c', 'Quiet'),
    ];
    expect(ideaLines(['a', 'gone', 'c', 'b'], comments)).toEqual([
      { id: 'b', text: 'Nurse books', votes: '3 votes' },
      { id: 'a', text: 'Portal', votes: '1 vote' },
      { id: 'c', text: 'Quiet', votes: 'no votes' },
    ]);
  });
});

const FORMAT = { hoursPerDay: 7.5, currency: 'GBP' };
