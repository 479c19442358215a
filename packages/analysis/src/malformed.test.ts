import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { findingsOf, straightLine } from './test-helpers';

/* A map fresh from a file may be broken anywhere: analysis reports, it never throws. */

describe('analyze given a malformed map', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['lists that are not lists', { steps: 'x', flows: 3, roles: null }],
    ['records that are not objects', { steps: [null, 1, 'a', []], flows: [null], roles: [7] }],
    [
      'fields of the wrong type',
      {
        settings: { hoursPerDay: 'x', demand: { count: 'many', per: 'fortnight' }, analysis: 'y' },
        roles: [{ id: 'r', name: 5, headcount: -1, hourlyCost: Number.NaN }],
        steps: [
          { id: 's', roleId: 7, kind: 'start', label: 1, processTime: -5, waitTime: 'long' },
          {
            id: 't',
            roleId: 'r',
            kind: 'weird',
            dataEntered: 'NHS',
            completeAccurate: 3,
            batchSize: 'x',
          },
        ],
        flows: [{ id: 'f', from: 's', to: 't', probability: 'half' }],
        comments: 'none',
      },
    ],
  ])('given %s, then it returns metrics and findings without throwing', (_, input) => {
    const result = analyze(input as unknown as ProcessMap);
    expect(result.metrics.leadTime).toBeGreaterThanOrEqual(0);
    expect(Array.isArray(result.findings)).toBe(true);
  });

  it('given a decision whose branches loop forever, then it reports the loop and counts it once', () => {
    const map = straightLine();
    const loop = {
      ...map,
      steps: map.steps.map((s) => (s.id === 'book' ? { ...s, kind: 'decision' as const } : s)),
      flows: [
        ...map.flows.filter((f) => f.from !== 'book'),
        { id: 'again', from: 'book', to: 'write', probability: 1 },
        { id: 'out', from: 'book', to: 'end', probability: 0 },
      ],
    } as ProcessMap;
    const result = analyze(loop);
    const missing = findingsOf(result, 'missing-data').map((f) => f.message);
    expect(missing.some((m) => m.includes('No case ever leaves the loop'))).toBe(true);
    expect(result.metrics.processTime).toBe(15); // passed once
  });

  it('given a parallel flow back to an earlier step, then it does not hang or overflow', () => {
    const map = straightLine();
    const forever = {
      ...map,
      flows: [...map.flows, { id: 'back', from: 'book', to: 'write' }],
    } as ProcessMap;
    const result = analyze(forever);
    expect(Number.isFinite(result.metrics.leadTime)).toBe(true);
    expect(findingsOf(result, 'rework-loop')[0]?.severity).toBe('critical');
  });

  it('given duplicate step ids, then only the first counts and the id is reported', () => {
    const map = straightLine();
    const twice = { ...map, steps: [...map.steps, { ...map.steps[1] }] } as ProcessMap;
    const result = analyze(twice);
    expect(result.metrics.processTime).toBe(15);
    expect(
      findingsOf(result, 'missing-data').some((f) => f.stepIds.includes('write' as never)),
    ).toBe(true);
  });
});
