import type { ProcessMap } from '@procmap/model';
import { simulate } from '@procmap/simulation';
import { createPrng, generateMap, HOSTILE_PAYLOADS } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';

/*
 * Whatever a live document or a file holds, the simulation answers: a result, or problems that
 * each name what to fix. Generated maps with decisions and rework, given demand, headcounts and
 * time variations, some of them broken in the ways a hand-edited file breaks, with hostile
 * labels; never a throw, never a run that does not end.
 */

const BROKEN: readonly unknown[] = [
  { distribution: 'triangular', min: 9, max: 1 },
  { distribution: 'gamma' },
  { distribution: 'lognormal', cv: -1 },
  { distribution: 'uniform' },
  'exponential',
  null,
  42,
];

function dressed(seed: number, broken: boolean): ProcessMap {
  const prng = createPrng(seed);
  const map = generateMap({ steps: 40 + Math.floor(prng.next() * 200), seed, loopRate: 0.1 });
  const pick = <T>(list: readonly T[]) => list[Math.floor(prng.next() * list.length)] as T;
  return {
    ...map,
    settings: { ...map.settings, demand: { count: 5 + Math.floor(prng.next() * 50), per: 'day' } },
    roles: map.roles.map((r) => ({
      ...r,
      name: pick(HOSTILE_PAYLOADS),
      headcount: prng.next() < 0.2 ? undefined : 1 + Math.floor(prng.next() * 4),
    })),
    steps: map.steps.map((s) => {
      const t = s.processTime ?? 0;
      const roll = prng.next();
      if (broken && roll < 0.05) return { ...s, processVariation: pick(BROKEN) };
      if (broken && roll < 0.08) return { ...s, processTime: pick([-3, Number.NaN, 'ten']) };
      if (roll < 0.5 && t > 0)
        return { ...s, processVariation: { distribution: 'triangular', min: t / 2, max: t * 3 } };
      if (roll < 0.7) return { ...s, waitVariation: { distribution: 'exponential' } };
      return s;
    }),
  } as unknown as ProcessMap;
}

describe('the simulation on generated maps', () => {
  it('answers every map with a result or problems that name what to fix', () => {
    let results = 0;
    let refused = 0;
    for (let seed = 1; seed <= 24; seed++) {
      const out = simulate(dressed(seed, seed % 3 === 0), {
        cases: 150,
        replications: 2,
        warmup: 20,
        seed,
      });
      if (out.ok) {
        results++;
        expect(Number.isFinite(out.result.leadTime.mean)).toBe(true);
        expect(out.result.steps.length).toBeGreaterThan(0);
      } else {
        refused++;
        for (const p of out.problems) expect(p.message.length).toBeGreaterThan(20);
      }
    }
    // The broken third is refused; every other map is simulated.
    expect(refused).toBe(8);
    expect(results).toBe(16);
  });
});
