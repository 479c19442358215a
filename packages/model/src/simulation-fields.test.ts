import { describe, expect, it } from 'vitest';
import { fieldProblem } from './field-check';
import { type Json, validMap } from './test-helpers';
import { validateMap } from './validate';

/*
 * The simulation's inputs in the file (docs/format.md, "Simulation inputs"): how a step's times
 * vary, how cases arrive, a run's defaults. Valid ones load; each bad one is one clear problem
 * at its path, never a crash.
 */

function withStep(fields: Json): Json {
  const map = validMap();
  const steps = map.steps as Json[];
  steps[1] = { ...(steps[1] as Json), ...fields };
  return map;
}

const problemsOf = (map: Json) => {
  const result = validateMap(map);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('step time variations', () => {
  it.each([
    { distribution: 'fixed' },
    { distribution: 'exponential' },
    { distribution: 'triangular', min: 5, max: 30 },
    { distribution: 'uniform', min: 0, max: 0 },
    { distribution: 'lognormal', cv: 0.5 },
  ])('given %j, then the map is valid and keeps it', (variation) => {
    const result = validateMap(withStep({ processVariation: variation, waitVariation: variation }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.map.steps[1]?.processVariation).toEqual(variation);
  });

  it.each([
    [
      { distribution: 'triangular', min: 30, max: 5 },
      'steps[1].processVariation.min: min must not be above max',
    ],
    [
      { distribution: 'gamma' },
      'steps[1].processVariation.distribution: unknown distribution "gamma" (expected one of "fixed", "exponential", "triangular", "uniform", "lognormal")',
    ],
    [{ distribution: 'triangular', min: 5 }, 'steps[1].processVariation.max: required (a number)'],
    [
      { distribution: 'uniform', min: -1, max: 3 },
      'steps[1].processVariation.min: must be at least 0, got -1',
    ],
    [
      { distribution: 'lognormal', cv: 0 },
      'steps[1].processVariation.cv: must be more than 0, got 0',
    ],
    [
      { distribution: 'triangular', min: 1, max: Number.NaN },
      'steps[1].processVariation.max: expected a finite number, got NaN',
    ],
    ['10 to 30', 'steps[1].processVariation: expected an object, got "10 to 30"'],
  ])('given %j, then one problem: %s', (variation, message) => {
    expect(problemsOf(withStep({ processVariation: variation }))).toEqual([message]);
  });

  it('refuses a crossed range on a local edit, naming the field', () => {
    expect(
      fieldProblem('steps', 'waitVariation', { distribution: 'uniform', min: 9, max: 1 }),
    ).toMatch(/^waitVariation must be a variation: \{ distribution: fixed \| exponential/);
    expect(
      fieldProblem('steps', 'waitVariation', { distribution: 'uniform', min: 1, max: 9 }),
    ).toBeUndefined();
  });
});

describe('arrivals and run defaults', () => {
  it('accepts even arrivals and a full set of run defaults', () => {
    const map = validMap();
    map.settings = {
      demand: { count: 40, per: 'day', arrivals: 'even' },
      simulation: { cases: 10000, replications: 10, warmup: 500, seed: 1 },
    };
    expect(validateMap(map).ok).toBe(true);
  });

  it('refuses an unknown arrival pattern and run defaults that are not whole numbers', () => {
    const map = validMap();
    map.settings = {
      demand: { count: 40, per: 'day', arrivals: 'bursty' },
      simulation: { cases: 0, replications: 2.5 },
    };
    expect(problemsOf(map)).toEqual([
      'settings.demand.arrivals: unknown arrivals "bursty" (expected one of "random", "even")',
      'settings.simulation.cases: must be at least 1, got 0',
      'settings.simulation.replications: expected a whole number, got 2.5',
    ]);
  });
});
