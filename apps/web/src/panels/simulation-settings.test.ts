import { describe, expect, it } from 'vitest';
import { parseWhole, simulationHint, withSimulation } from './simulation-settings';

describe('a whole number typed for a simulation setting', () => {
  it('reads digits, with thousands separators people type', () => {
    expect(parseWhole('2000', { min: 1, what: 'Cases per run' })).toEqual({
      ok: true,
      value: 2000,
    });
    expect(parseWhole(' 10,000 ', { min: 1, what: 'Cases per run' })).toEqual({
      ok: true,
      value: 10000,
    });
    expect(parseWhole('-3', { what: 'Seed' })).toEqual({ ok: true, value: -3 });
  });

  it('empty clears the setting', () => {
    expect(parseWhole('  ', { min: 1, what: 'Replications' })).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses fractions, words and numbers below the least', () => {
    expect(parseWhole('2.5', { min: 1, what: 'Replications' })).toEqual({
      ok: false,
      message: 'Replications must be a whole number, e.g. 10000.',
    });
    expect(parseWhole('many', { what: 'Seed' })).toMatchObject({ ok: false });
    expect(parseWhole('1e30', { what: 'Seed' })).toMatchObject({ ok: false });
    expect(parseWhole('0', { min: 1, what: 'Cases per run' })).toEqual({
      ok: false,
      message: 'Cases per run cannot be less than 1.',
    });
    expect(parseWhole('-1', { min: 0, what: 'Warm-up cases' })).toMatchObject({ ok: false });
  });
});

describe('settings.simulation after one field changed', () => {
  it('keeps the other fields', () => {
    expect(withSimulation({ cases: 2000 }, 'seed', 7)).toEqual({ cases: 2000, seed: 7 });
    expect(withSimulation({ cases: 2000, seed: 7 }, 'seed', 8)).toEqual({ cases: 2000, seed: 8 });
  });

  it('clearing the last field leaves no empty object behind', () => {
    expect(withSimulation({ seed: 7 }, 'seed', undefined)).toBeUndefined();
    expect(withSimulation({ cases: 2000, seed: 7 }, 'seed', undefined)).toEqual({ cases: 2000 });
  });

  it('hints name the documented defaults', () => {
    expect(simulationHint('cases', 'Cases in each run')).toBe('Cases in each run (empty = 10,000)');
    expect(simulationHint('replications', 'Runs')).toBe('Runs (empty = 10)');
    expect(simulationHint('warmup', 'Left out')).toBe('Left out (empty = chosen for the map)');
    expect(simulationHint('seed', 'Seed')).toBe('Seed (empty = 1)');
  });
});
