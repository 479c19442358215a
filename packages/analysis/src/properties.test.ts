import type { ProcessMap } from '@procmap/model';
import { generateMap } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { analyze, expectedVisits } from './index';
import { deepFreeze, expectIdsExist } from './test-helpers';

/*
 * Properties over generated maps (decisions, parallel-free branches, rework loops): analysis
 * leaves its input alone, gives the same answer twice, and only names what is in the map.
 */

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);
const sized = (seed: number) => 20 + ((seed * 37) % 400);

describe('analyze over generated maps', () => {
  it.each(SEEDS)(
    'given seed %i, then it never changes the map (deep-frozen, and compared)',
    (seed) => {
      const map = generateMap({ steps: sized(seed), seed, loopRate: 0.1 });
      const before = structuredClone(map);
      analyze(deepFreeze(map));
      expect(map).toEqual(before);
    },
  );

  it.each(SEEDS)('given seed %i, then two runs give equal results', (seed) => {
    const map = generateMap({ steps: sized(seed), seed, decisionRate: 0.2, loopRate: 0.1 });
    expect(analyze(map)).toEqual(analyze(structuredClone(map)));
  });

  it.each(SEEDS)('given seed %i, then every id it reports exists in the map', (seed) => {
    const map = generateMap({ steps: sized(seed), seed, roles: 1 + (seed % 6), loopRate: 0.15 });
    expectIdsExist(map, analyze(map));
  });

  it.each(SEEDS)('given seed %i, then the figures are finite and consistent', (seed) => {
    const map = generateMap({ steps: sized(seed), seed, loopRate: 0.1 });
    const { metrics, findings } = analyze(map);
    // no parallel work in generated maps: lead time is process + wait
    expect(metrics.leadTime).toBeCloseTo(metrics.processTime + metrics.waitTime, 1);
    // every case starts once and, the loops all exiting, reaches the end once
    const v = expectedVisits(map);
    expect(v.get('s0' as never)).toBe(1);
    expect(v.get(map.steps[map.steps.length - 1]?.id as never)).toBeCloseTo(1, 9);
    for (const f of findings) expect(Number.isFinite(f.timeAtStake)).toBe(true);
    expect(findings.some((f) => f.rule === 'missing-data')).toBe(false);
    expect(JSON.parse(JSON.stringify({ metrics, findings }))).toEqual({ metrics, findings });
  });
});

describe('analyze on large maps', () => {
  it('given a 10,000-step chain, then it finishes without overflowing the stack', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${i}`,
      roleId: 'r',
      kind: i === 0 ? 'start' : i === 9_999 ? 'end' : 'task',
      label: `Step ${i}`,
      processTime: 1,
    }));
    const flows = steps.slice(1).map((s, i) => ({ id: `f${i}`, from: `s${i}`, to: s.id }));
    const map = {
      format: 'procmap',
      version: 1,
      title: 'Chain',
      roles: [{ id: 'r', name: 'R' }],
      steps,
      flows,
    } as unknown as ProcessMap;
    const { metrics } = analyze(map);
    expect(metrics.processTime).toBe(10_000); // 10,000 steps of 1 min, each visited once
    expect(metrics.leadTime).toBe(10_000);
  });

  it('given a 10,000-step chain that is one big loop, then it is solved without a dense matrix', () => {
    const n = 10_000;
    const steps = Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      roleId: 'r',
      kind: i === 0 ? 'start' : i === n - 2 ? 'decision' : i === n - 1 ? 'end' : 'task',
      label: `Step ${i}`,
      processTime: 1,
    }));
    const flows = steps.slice(1).map((s, i) => ({ id: `f${i}`, from: `s${i}`, to: s.id }));
    flows.push({ id: 'back', from: `s${n - 2}`, to: 's1' });
    (flows[n - 2] as { probability?: number }).probability = 0.5;
    (flows[n - 1] as { probability?: number }).probability = 0.5;
    const map = {
      format: 'procmap',
      version: 1,
      title: 'Loop',
      roles: [{ id: 'r', name: 'R' }],
      steps,
      flows,
    } as unknown as ProcessMap;
    const v = expectedVisits(map);
    expect(v.get('s1' as never)).toBeCloseTo(2, 9); // 1 / (1 - 0.5)
    expect(v.get(`s${n - 1}` as never)).toBeCloseTo(1, 9);
  });

  it.each([1, 2, 3])(
    'given a generated 10,000-step map (seed %i), then it does not throw',
    (seed) => {
      const map = generateMap({ steps: 10_000, seed, loopRate: 0.05 });
      const result = analyze(map);
      expect(result.metrics.leadTime).toBeGreaterThan(0);
      expectIdsExist(map, result);
    },
  );
});
