import { SIMULATION_DEFAULTS } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';
import {
  inputsSentence,
  inputTexts,
  mapInputs,
  parseInput,
  readInputs,
  runOptions,
  sameInputs,
} from './run-inputs';
import { referralMap } from './test-fixtures';

const DEFAULTS = { cases: 10_000, replications: 10, warmup: null, seed: 1 };

describe('the inputs of a run', () => {
  it('start from the defaults, the warm-up left to the run, when the map sets none', () => {
    expect(mapInputs(referralMap())).toEqual(DEFAULTS);
    expect(mapInputs(referralMap()).cases).toBe(SIMULATION_DEFAULTS.cases);
  });

  it("take the map's own settings, each missing one from the defaults", () => {
    const map = referralMap();
    const own = {
      ...map,
      settings: { ...map.settings, simulation: { cases: 2000, seed: 42, warmup: 300 } },
    };
    expect(mapInputs(own)).toEqual({ cases: 2000, replications: 10, warmup: 300, seed: 42 });
  });

  it('read whole numbers, with thousands separators; an empty warm-up is for the run to choose', () => {
    expect(parseInput('cases', '10,000')).toEqual({ value: 10_000 });
    expect(parseInput('cases', ' 2 500 ')).toEqual({ value: 2500 });
    expect(parseInput('warmup', '0')).toEqual({ value: 0 });
    expect(parseInput('warmup', ' ')).toEqual({ value: null });
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
    expect(parseInput('warmup', '-1')).toEqual({
      error: 'Type a whole number from 0 to 10,000,000, or leave it empty.',
    });
    expect(parseInput('seed', 'abc')).toEqual({ error: 'Type a whole number.' });
    expect(parseInput('seed', '99999999999999999999')).toHaveProperty('error');
  });

  it('are read together: every field that does not read has its error', () => {
    const read = readInputs({ ...inputTexts(DEFAULTS), cases: 'lots', warmup: '-3' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(Object.keys(read.errors).sort()).toEqual(['cases', 'warmup']);
    expect(readInputs(inputTexts(DEFAULTS))).toEqual({ ok: true, inputs: DEFAULTS });
  });

  it('ask the engine for a warm-up only when one is given', () => {
    expect(runOptions(DEFAULTS)).toEqual({ cases: 10_000, replications: 10, seed: 1 });
    expect('warmup' in runOptions(DEFAULTS)).toBe(false);
    expect(runOptions({ ...DEFAULTS, warmup: 0 })).toEqual({
      cases: 10_000,
      replications: 10,
      warmup: 0,
      seed: 1,
    });
  });

  it('tell two runs asked for alike from two that differ', () => {
    expect(sameInputs(DEFAULTS, { ...DEFAULTS })).toBe(true);
    expect(sameInputs(DEFAULTS, { ...DEFAULTS, warmup: 500 })).toBe(false);
    expect(sameInputs(DEFAULTS, { ...DEFAULTS, seed: 2 })).toBe(false);
  });

  it('are said in words, a chosen warm-up as chosen', () => {
    expect(inputsSentence({ ...DEFAULTS, warmup: 500 })).toBe(
      '10,000 cases × 10 replications, 500 warm-up cases each, seed 1',
    );
    expect(inputsSentence(DEFAULTS)).toBe(
      '10,000 cases × 10 replications, a warm-up chosen for the map, seed 1',
    );
    expect(inputsSentence(DEFAULTS, 2300)).toBe(
      '10,000 cases × 10 replications, 2,300 warm-up cases each (chosen for the map), seed 1',
    );
    expect(inputsSentence({ cases: 1, replications: 1, warmup: 1, seed: 3 })).toBe(
      '1 case × 1 replication, 1 warm-up case each, seed 3',
    );
  });
});
