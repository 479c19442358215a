import type { MapIndex, ProcessMap, StepId } from '@procmap/model';
import { entrySteps, indexMap, reachableFrom, validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { generateMap } from './generate-map';

/** Steps from which some end step can be reached (walks the flows backwards). */
function reachingEnd(index: MapIndex): Set<StepId> {
  const seen = new Set<StepId>();
  const stack = index.map.steps.filter((s) => s.kind === 'end').map((s) => s.id);
  while (stack.length > 0) {
    const id = stack.pop() as StepId;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const flow of index.incoming(id)) stack.push(flow.from);
  }
  return seen;
}

/** Flows to a step listed earlier than their source: the candidates for rework loops. */
function backFlows(map: ProcessMap) {
  const at = new Map(map.steps.map((s, i) => [s.id, i]));
  return map.flows.filter((f) => (at.get(f.to) ?? 0) < (at.get(f.from) ?? 0));
}

const SEEDS = [1, 2, 3, 42, 2026];

describe('generateMap', () => {
  it.each([2, 3, 4, 10, 57, 500])('given steps: %i, then exactly that many steps', (steps) => {
    const map = generateMap({ steps, seed: 7 });
    expect(map.steps).toHaveLength(steps);
    expect(new Set(map.steps.map((s) => s.id)).size).toBe(steps);
    expect(map.steps.filter((s) => s.kind === 'start')).toHaveLength(1);
    expect(map.steps.filter((s) => s.kind === 'end')).toHaveLength(1);
  });

  it.each(SEEDS)('given seed %i and 500 steps, then the map is valid with no problems', (seed) => {
    const result = validateMap(generateMap({ steps: 500, seed }));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(SEEDS)('given seed %i, then every step is reachable and can reach the end', (seed) => {
    const map = generateMap({ steps: 500, seed, roles: 7 });
    const index = indexMap(map);
    const fromStart = reachableFrom(
      index,
      entrySteps(index).map((s) => s.id),
    );
    expect(fromStart.size).toBe(map.steps.length);
    expect(reachingEnd(index).size).toBe(map.steps.length);
  });

  it.each(SEEDS)('given seed %i and 500 steps, then it has decisions and rework loops', (seed) => {
    const map = generateMap({ steps: 500, seed });
    const index = indexMap(map);
    const decisions = map.steps.filter((s) => s.kind === 'decision');
    expect(decisions.length).toBeGreaterThan(5);
    const branching = decisions.filter((d) => index.outgoing(d.id).length === 3);
    expect(branching.length).toBeGreaterThan(0);
    for (const d of decisions) {
      const out = index.outgoing(d.id);
      expect(out.length).toBeGreaterThanOrEqual(2);
      expect(out.reduce((a, f) => a + (f.probability ?? Number.NaN), 0)).toBeCloseTo(1, 9);
    }
    const loops = backFlows(map);
    expect(loops.length).toBeGreaterThan(0);
    for (const f of loops) {
      // A real cycle, taken by a small share of the cases leaving a check.
      expect(reachableFrom(index, [f.to]).has(f.from)).toBe(true);
      expect(index.step(f.from)?.kind).toBe('decision');
      expect(f.probability).toBeLessThanOrEqual(0.25);
    }
  });

  it('given many small sizes and seeds, then each map is exact, valid and sound', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const steps = 2 + ((seed * 37) % 120);
      const map = generateMap({ steps, seed, roles: 1 + (seed % 4), decisionRate: 0.3 });
      expect(map.steps).toHaveLength(steps);
      expect(validateMap(map).problems).toEqual([]);
      const index = indexMap(map);
      expect(reachableFrom(index, [map.steps[0]?.id as StepId]).size).toBe(steps);
      expect(reachingEnd(index).size).toBe(steps);
    }
  });

  it('given the same options, when generated twice, then the maps are identical', () => {
    expect(generateMap({ steps: 300, seed: 11 })).toEqual(generateMap({ steps: 300, seed: 11 }));
  });

  it('given different seeds, then the maps differ', () => {
    const a = generateMap({ steps: 300, seed: 11 });
    const b = generateMap({ steps: 300, seed: 12 });
    expect(a.flows).not.toEqual(b.flows);
    expect(a.steps.map((s) => s.label)).not.toEqual(b.steps.map((s) => s.label));
  });

  it('given a lane count, then steps are spread over those lanes', () => {
    const map = generateMap({ steps: 400, roles: 6, seed: 5 });
    expect(map.roles.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(map.steps.map((s) => s.roleId)).size).toBe(6);
  });

  it('given the tasks, then their fields look like a real map', () => {
    const map = generateMap({ steps: 500, seed: 3 });
    const tasks = map.steps.filter((s) => s.kind === 'task');
    expect(tasks.every((s) => (s.processTime ?? 0) > 0 && s.valueClass !== undefined)).toBe(true);
    expect(tasks.every((s) => /^[A-Z][a-z]+ [a-z-]+ \d+$/.test(s.label))).toBe(true);
    expect(tasks.some((s) => (s.waitTime ?? 0) > 0)).toBe(true);
    expect(tasks.some((s) => (s.dataEntered?.length ?? 0) > 0)).toBe(true);
    expect(tasks.some((s) => (s.systems?.length ?? 0) > 0)).toBe(true);
    expect(map.steps.some((s) => s.kind === 'delay')).toBe(true);
  });

  it('given zero rates, then the map is a straight line', () => {
    const map = generateMap({ steps: 50, seed: 1, decisionRate: 0, loopRate: 0 });
    expect(map.steps.some((s) => s.kind === 'decision')).toBe(false);
    expect(map.flows).toHaveLength(49);
    expect(backFlows(map)).toEqual([]);
  });

  it('given 10,000 steps, then it is generated well under a second and is still sound', () => {
    const started = performance.now();
    const map = generateMap({ steps: 10_000, seed: 99 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(500);
    expect(map.steps).toHaveLength(10_000);
    const index = indexMap(map);
    expect(reachableFrom(index, [map.steps[0]?.id as StepId]).size).toBe(10_000);
    expect(reachingEnd(index).size).toBe(10_000);
  });

  it('given bad options, then it refuses with a clear error', () => {
    expect(() => generateMap({ steps: 1 })).toThrow(/steps must be/);
    expect(() => generateMap({ steps: 2.5 })).toThrow(RangeError);
    expect(() => generateMap({ steps: 10, roles: 0 })).toThrow(/roles/);
    expect(() => generateMap({ steps: 10, loopRate: 2 })).toThrow(/loopRate/);
  });
});
