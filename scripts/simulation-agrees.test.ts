import { analyze } from '@procmap/analysis';
import type { ProcessMap } from '@procmap/model';
import { simulate, studentT975 } from '@procmap/simulation';
import { FIXTURES } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';

/*
 * The simulation and the static analysis answer the same question when nothing varies and
 * nobody queues: with fixed times, evenly spaced arrivals and as many people as needed, every
 * case of a map without decisions takes exactly the analysis' lead time; with decisions and
 * rework, the mean of the cases lies within its own confidence interval of it.
 */

/** The map with every cause of queueing and variation taken out. */
function calm(map: ProcessMap): ProcessMap {
  return {
    ...map,
    settings: { ...map.settings, demand: { count: 4, per: 'day', arrivals: 'even' } },
    roles: map.roles.map(({ headcount: _h, ...role }) => role),
    steps: map.steps.map(({ processVariation: _p, waitVariation: _w, batchSize: _b, ...s }) => s),
  } as ProcessMap;
}

describe('simulation agrees with analyze', () => {
  it('exactly, for fixed times in series and parallel branches with waits and a delay', () => {
    const map = {
      version: 1,
      id: 'agree',
      title: 'Agree',
      settings: { demand: { count: 3, per: 'hour', arrivals: 'even' } },
      roles: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      steps: [
        { id: 'in', kind: 'start', label: 'In', roleId: 'a' },
        { id: 'x', kind: 'task', label: 'X', roleId: 'a', processTime: 7, waitTime: 12 },
        { id: 'p', kind: 'task', label: 'P', roleId: 'b', processTime: 3 },
        { id: 'q', kind: 'task', label: 'Q', roleId: 'a', processTime: 11, waitTime: 40 },
        { id: 'post', kind: 'delay', label: 'Post', roleId: 'b', waitTime: 1440 },
        { id: 'j', kind: 'task', label: 'J', roleId: 'b', processTime: 5.5 },
        { id: 'out', kind: 'end', label: 'Out', roleId: 'b' },
      ],
      flows: [
        { id: 'f1', from: 'in', to: 'x' },
        { id: 'f2', from: 'x', to: 'p' },
        { id: 'f3', from: 'x', to: 'q' },
        { id: 'f4', from: 'p', to: 'post' },
        { id: 'f5', from: 'post', to: 'j' },
        { id: 'f6', from: 'q', to: 'j' },
        { id: 'f7', from: 'j', to: 'out' },
      ],
    } as unknown as ProcessMap;
    const out = simulate(map, { cases: 500, replications: 2, warmup: 10 });
    if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
    const { leadTime } = analyze(map).metrics;
    expect(leadTime).toBe(7 + 12 + 3 + 1440 + 5.5);
    expect(out.result.leadTime.mean).toBe(leadTime);
    expect(out.result.leadTime.max).toBe(leadTime);
    expect(out.result.leadTime.p50).toBe(leadTime);
  });

  for (const [name, fixture] of Object.entries(FIXTURES)) {
    it(`within its interval, for the ${name} fixture's decisions and rework`, () => {
      const map = calm(fixture());
      const out = simulate(map, { cases: 20_000, replications: 10, warmup: 100, seed: 11 });
      if (!out.ok) throw new Error(out.problems.map((p) => p.message).join('; '));
      const expected = analyze(map).metrics.leadTime;
      const { mean, ci95 } = out.result.leadTime;
      if (!ci95) throw new Error('no interval');
      // The 99% interval (t(0.995, 9) = 3.25), plus the reported rounding of 0.005 min.
      const half = (((ci95[1] - ci95[0]) / 2) * 3.25) / studentT975(9) + 0.01;
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual(half);
    });
  }
});
