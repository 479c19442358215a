import { describe, expect, it } from 'vitest';
import { diffMaps } from './diff-maps';
import { validateMap } from './validate';

/*
 * Scenarios in the map file: each a whole process of its own, checked like the map's, with its
 * problems under `scenarios[i]`.
 */

function file(scenarios: unknown[]): Record<string, unknown> {
  return {
    format: 'procmap',
    version: 1,
    title: 'Referral',
    roles: [{ id: 'clerk', name: 'Clerk', headcount: 2 }],
    steps: [
      { id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives' },
      { id: 's2', roleId: 'clerk', kind: 'task', label: 'Key in', processTime: 10 },
      { id: 's3', roleId: 'clerk', kind: 'end', label: 'Booked' },
    ],
    flows: [
      { id: 'f1', from: 's1', to: 's2' },
      { id: 'f2', from: 's2', to: 's3' },
    ],
    comments: [
      {
        id: 'c1',
        kind: 'idea',
        author: 'Ana',
        text: 'Online form',
        createdAt: '2026-12-01T09:00:00Z',
      },
      {
        id: 'c2',
        kind: 'pain-point',
        author: 'Bo',
        text: 'Re-keying',
        createdAt: '2026-12-01T09:00:00Z',
      },
    ],
    scenarios,
  };
}

/** The as-is's process without the keying-in step: the portal sends referrals straight on. */
const online = {
  id: 'to-be-online',
  name: 'To-be: online referral',
  description: 'Referrals arrive through the portal',
  createdAt: '2026-12-01T10:00:00Z',
  ideas: ['c1'],
  settings: { demand: { count: 48, per: 'day' } },
  roles: [{ id: 'clerk', name: 'Clerk', headcount: 1 }],
  steps: [
    { id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives' },
    { id: 's3', roleId: 'clerk', kind: 'end', label: 'Booked' },
  ],
  flows: [{ id: 'f1', from: 's1', to: 's3' }],
};

describe('scenarios in the map file', () => {
  it('a valid scenario loads, and differs from the as-is by id', () => {
    const result = validateMap(file([online]));
    expect(result.problems).toEqual([]);
    if (!result.ok) throw new Error('invalid');
    const scenario = result.map.scenarios?.[0];
    expect(scenario?.name).toBe('To-be: online referral');
    expect(diffMaps(result.map, scenario as NonNullable<typeof scenario>)).toEqual({
      steps: { added: [], removed: ['s2'], changed: [] },
      flows: { added: [], removed: ['f2'], changed: [{ id: 'f1', fields: ['to'] }] },
      roles: { added: [], removed: [], changed: [{ id: 'clerk', fields: ['headcount'] }] },
    });
  });

  it('refuses "as-is" as an id, a repeated id, and a scenario without its lists', () => {
    const result = validateMap(
      file([{ ...online, id: 'as-is' }, online, { ...online }, { id: 'x', name: 'X' }]),
    );
    expect(result.ok).toBe(false);
    const at = result.problems.map((p) => `${p.path}: ${p.severity}`);
    expect(at).toContain('scenarios[0].id: error');
    expect(result.problems.find((p) => p.path === 'scenarios[0].id')?.message).toContain(
      "names the map's own process",
    );
    expect(result.problems.find((p) => p.path === 'scenarios[2].id')?.code).toBe('duplicate-id');
    expect(at).toEqual(
      expect.arrayContaining(['scenarios[3].steps: error', 'scenarios[3].flows: error']),
    );
  });

  it("checks a scenario's own references, and its ideas against the map's comments", () => {
    const broken = {
      ...online,
      ideas: ['c1', 'c2', 'c9'],
      flows: [...online.flows, { id: 'f9', from: 's1', to: 'gone' }],
    };
    const result = validateMap(file([broken]));
    // Warnings only: the map loads, and says where.
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ['scenarios[0].flows[1].to', 'unknown step "gone"'],
      ['scenarios[0].ideas[1]', 'comment "c2" is not an idea'],
      ['scenarios[0].ideas[2]', 'unknown comment "c9"'],
    ]);
  });

  it('a file without scenarios is unchanged', () => {
    const { scenarios: _, ...plain } = file([]);
    const result = validateMap(plain);
    expect(result.ok && result.map.scenarios).toBeUndefined();
  });
});

describe('names in scenarios', () => {
  it("are held to the same length cap as the map's", () => {
    const long = 'x'.repeat(501);
    const result = validateMap(
      file([{ ...online, name: long, steps: [{ ...online.steps[0], label: long }] }]),
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['scenarios[0].name', 'scenarios[0].steps[0].label']),
    );
  });
});
