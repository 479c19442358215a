import { describe, expect, it } from 'vitest';
import { findScenario, scenarioMap } from './scenario-map';
import type { ProcessMap } from './types';
import { validateMap } from './validate';

/* A scenario as a map of its own: what the analysis, the simulation and the exports read. */

function map(): ProcessMap {
  const result = validateMap({
    format: 'procmap',
    version: 1,
    title: 'Referral',
    settings: { demand: { count: 20, per: 'day' }, currency: 'GBP' },
    roles: [{ id: 'clerk', name: 'Clerk', headcount: 2 }],
    steps: [
      { id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives' },
      { id: 's2', roleId: 'clerk', kind: 'task', label: 'Key in', processTime: 10 },
    ],
    flows: [{ id: 'f1', from: 's1', to: 's2' }],
    comments: [
      { id: 'c1', kind: 'idea', author: 'Ana', text: 'Portal', createdAt: '2026-12-01T09:00:00Z' },
    ],
    scenarios: [
      {
        id: 'online',
        name: 'Online',
        settings: { demand: { count: 48, per: 'week' } },
        roles: [{ id: 'clerk', name: 'Clerk', headcount: 1 }],
        steps: [{ id: 's1', roleId: 'clerk', kind: 'start', label: 'Arrives online' }],
        flows: [],
      },
      { id: 'plain', name: 'Plain', roles: [], steps: [], flows: [] },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.map;
}

describe('scenarioMap', () => {
  it('gives the map itself for the as-is', () => {
    const m = map();
    const got = scenarioMap(m, 'as-is');
    expect(got.ok && got.map).toBe(m);
    expect(got.ok && got.scenario).toBeUndefined();
  });

  it("puts the scenario's process under the map's header and comments, without the scenario list", () => {
    const got = scenarioMap(map(), 'online');
    if (!got.ok) throw new Error(got.message);
    expect(got.map.title).toBe('Referral');
    expect(got.map.comments?.map((c) => c.id)).toEqual(['c1']);
    expect(got.map.roles).toEqual([{ id: 'clerk', name: 'Clerk', headcount: 1 }]);
    expect(got.map.steps.map((s) => s.label)).toEqual(['Arrives online']);
    expect(got.map.flows).toEqual([]);
    expect(got.map.scenarios).toBeUndefined();
    expect(got.scenario?.name).toBe('Online');
    expect(validateMap(got.map).ok).toBe(true);
  });

  it('replaces an overridden setting whole and keeps the others', () => {
    const got = scenarioMap(map(), 'online');
    expect(got.ok && got.map.settings).toEqual({
      demand: { count: 48, per: 'week' },
      currency: 'GBP',
    });
    const plain = scenarioMap(map(), 'plain');
    expect(plain.ok && plain.map.settings).toEqual({
      demand: { count: 20, per: 'day' },
      currency: 'GBP',
    });
  });

  it('refuses an unknown id, naming the ids there are', () => {
    const got = scenarioMap(map(), 'nope');
    expect(got).toEqual({
      ok: false,
      message: 'no scenario "nope" in this map: use "as-is", "online", "plain"',
    });
    expect(findScenario(map(), 'as-is')).toBeUndefined();
    expect(findScenario(map(), 'plain')?.name).toBe('Plain');
  });
});
