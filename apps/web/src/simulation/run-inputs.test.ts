import { SIMULATION_DEFAULTS } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';
import { inputsSentence, inputTexts, mapInputs, parseInput, readInputs } from './run-inputs';
import { referralMap } from './test-fixtures';

describe('the inputs of a run', () => {
  it('start from the defaults when the map has no simulation settings', () => {
    expect(mapInputs(referralMap())).toEqual(SIMULATION_DEFAULTS);
    expect(mapInputs(referralMap())).toEqual({
      cases: 10_000,
      replications: 10,
      warmup: 500,
      seed: 1,
    });
  });

  it("take the map's own settings, each missing one from the defaults", () => {
    const map = referralMap();
    const own = { ...map, settings: { ...map.settings, simulation: { cases: 2000, seed: 42 } } };
    expect(mapInputs(own)).toEqual({ cases: 2000, replications: 10, warmup: 500, seed: 42 });
  });

  it('read whole numbers, with thousands separators', () => {
    expect(parseInput('cases', '10,000')).toEqual({ value: 10_000 });
    expect(parseInput('cases', ' 2 500 ')).toEqual({ value: 2500 });
    expect(parseInput('warmup', '0')).toEqual({ value: 0 });
    expect(parseInput('seed', '-7')).toEqual({ value: -7 });
  });

  it('refuse what is not a whole number in range, saying what to type', () => {
    expect(parseInput('cases', '0')).toEqual({
      error: 'Type a whole number from 1 to 10,000,000.',
    });
    expect(parseInput('cases', '2.5')).toHaveProperty('error');
    expect(parseInput('cases', '')).toHaveProperty('error');
    expect(parseInput('replications', '1001')).toEqual({
      error: 'Type a whole number from 1 to 1,000.',
    });
    expect(parseInput('warmup', '-1')).toHaveProperty('error');
    expect(parseInput('seed', 'abc')).toEqual({ error: 'Type a whole number.' });
    expect(parseInput('seed', '99999999999999999999')).toHaveProperty('error');
  });

  it('are read together: every field that does not read has its error', () => {
    const typed = { ...inputTexts(SIMULATION_DEFAULTS), cases: 'lots', warmup: '-3' };
    const read = readInputs(typed);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.errors).sort()).toEqual(['cases', 'warmup']);
    expect(readInputs(inputTexts(SIMULATION_DEFAULTS))).toEqual({
      ok: true,
      inputs: SIMULATION_DEFAULTS,
    });
  });

  it('are said in words with the results', () => {
    expect(inputsSentence(SIMULATION_DEFAULTS)).toBe(
      '10,000 cases × 10 replications, 500 warm-up cases each, seed 1',
    );
    expect(inputsSentence({ cases: 1, replications: 1, warmup: 1, seed: 3 })).toBe(
      '1 case × 1 replication, 1 warm-up case each, seed 3',
    );
  });
});
