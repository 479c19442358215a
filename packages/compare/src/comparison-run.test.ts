import { type ProcessMap, scenarioMap, validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { prepareComparisonRun, simulateComparison } from './comparison-run';

/* The compared processes simulated one after another under the as-is's seed. */

const process = {
  roles: [{ id: 'clerk', name: 'Clerk', headcount: 1 }],
  steps: [
    { id: 'a', roleId: 'clerk', kind: 'start', label: 'Arrives' },
    { id: 'b', roleId: 'clerk', kind: 'task', label: 'Work', processTime: 6 },
    { id: 'c', roleId: 'clerk', kind: 'end', label: 'Done' },
  ],
  flows: [
    { id: 'f1', from: 'a', to: 'b' },
    { id: 'f2', from: 'b', to: 'c' },
  ],
};

function maps(): ProcessMap[] {
  const v = validateMap({
    format: 'procmap',
    version: 1,
    title: 'Queue',
    settings: {
      hoursPerDay: 8,
      demand: { count: 40, per: 'day' },
      simulation: { cases: 400, replications: 2, seed: 7 },
    },
    ...process,
    scenarios: [
      // The same process, but asking for another seed: the comparison uses the as-is's.
      {
        id: 'copy',
        name: 'Copy',
        settings: { simulation: { cases: 400, replications: 2, seed: 99 } },
        ...process,
      },
      { id: 'empty', name: 'Empty', roles: [], steps: [], flows: [] },
    ],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return ['as-is', 'copy', 'empty'].map((id) => {
    const found = scenarioMap(v.map, id);
    if (!found.ok) throw new Error(found.message);
    return found.map;
  });
}

describe('a comparison simulated under one seed', () => {
  it('gives the same process the same answer, and says why one cannot run', () => {
    const [asIs, copy, empty] = simulateComparison(maps());
    if (!asIs?.ok || !copy?.ok) throw new Error('expected both to run');
    expect(asIs.result.seed).toBe(7);
    expect(copy.result.seed).toBe(7);
    expect(copy.result.leadTime).toEqual(asIs.result.leadTime);
    expect(empty?.ok).toBe(false);
    expect(empty?.ok === false && empty.problems.length).toBeGreaterThan(0);
  });

  it('takes a seed given for the run over the map’s', () => {
    const [asIs] = simulateComparison(maps(), { seed: 3 });
    expect(asIs?.ok && asIs.result.seed).toBe(3);
  });

  it('reports progress that only grows, to 1, in small slices', () => {
    const run = prepareComparisonRun(maps());
    const seen: number[] = [];
    while (!run.done) seen.push(run.advance(500));
    expect(seen.length).toBeGreaterThan(4);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
    expect(seen.at(-1)).toBe(1);
    expect(run.results()).toHaveLength(3);
  });

  it('refuses results before it is done', () => {
    expect(() => prepareComparisonRun(maps()).results()).toThrow(/not done/);
  });
});
