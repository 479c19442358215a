import { roleId, type Step, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  cvVariation,
  describeVariation,
  fitProblem,
  pickedVariation,
  rangeVariation,
  timePatch,
} from './time-variation';

const settings = { hoursPerDay: 7.5 };

/** Triage: ten minutes of a nurse's time, waiting half an hour before it. */
function triage(fields: Partial<Step> = {}): Step {
  return {
    id: stepId('triage'),
    roleId: roleId('nurse'),
    kind: 'task',
    label: 'Triage',
    processTime: 10,
    waitTime: 30,
    ...fields,
  } as Step;
}

/** A range typed for triage's process time (10 min unless `time` says otherwise). */
const range = (
  min: string,
  max: string,
  given: { time?: number | undefined; distribution?: string } = {},
) =>
  rangeVariation({
    field: 'processTime',
    min,
    max,
    time: 'time' in given ? given.time : 10,
    distribution: (given.distribution ?? 'fixed') as 'fixed',
    settings,
  });

describe('a range typed as "varies between … and …"', () => {
  it('sets a triangular range around the step time, in minutes as durations are typed', () => {
    expect(range('5', '30')).toEqual({
      ok: true,
      variation: { distribution: 'triangular', min: 5, max: 30 },
    });
    expect(range('0.1h', '1d', { time: 60 })).toEqual({
      ok: true,
      variation: { distribution: 'triangular', min: 6, max: 450 },
    });
  });

  it('keeps uniform when an analyst chose it, and replaces exponential with triangular', () => {
    expect(range('5', '30', { distribution: 'uniform' })).toMatchObject({
      variation: { distribution: 'uniform' },
    });
    expect(range('5', '30', { distribution: 'exponential' })).toMatchObject({
      variation: { distribution: 'triangular' },
    });
  });

  it('both ends cleared: the time no longer varies', () => {
    expect(range(' ', '')).toEqual({ ok: true, variation: undefined });
  });

  it('refuses one end without the other, naming the empty one', () => {
    expect(range('5', '')).toMatchObject({ ok: false, at: 'max', message: /both ends/ });
    expect(range('', '30')).toMatchObject({ ok: false, at: 'min' });
  });

  it('refuses a range whose shorter end is above its longer one', () => {
    expect(range('30', '5')).toEqual({
      ok: false,
      at: 'range',
      message: 'The range goes from the shorter time to the longer: 30 min is above 5 min.',
    });
  });

  it('refuses what is not a duration and a negative time, at the end typed', () => {
    expect(range('abc', '30')).toMatchObject({ ok: false, at: 'min', message: /not a duration/ });
    expect(range('5', '-30')).toMatchObject({ ok: false, at: 'max', message: /negative/ });
  });

  it('refuses a triangular range that leaves out the most likely value', () => {
    expect(range('15', '1h')).toEqual({
      ok: false,
      at: 'range',
      message:
        'The process time, 10 min, is the most likely value, so the range (15 min to 1 h) must include it.',
    });
    expect(range('15', '30', { time: undefined })).toMatchObject({
      ok: false,
      message: 'Give the process time first: it is the most likely value of the range.',
    });
    // A uniform range has no most likely value: it may lie anywhere.
    expect(range('15', '30', { distribution: 'uniform' })).toMatchObject({ ok: true });
  });

  it('takes the ends themselves as the most likely value', () => {
    expect(range('10', '10')).toMatchObject({ ok: true });
    expect(range('0', '10')).toMatchObject({ ok: true });
  });
});

describe('a distribution picked from the list', () => {
  const pick = (distribution: string, current?: Step['processVariation'], time = 10) =>
    pickedVariation({
      field: 'processTime',
      distribution: distribution as 'fixed',
      current,
      time,
      settings,
    });
  const tri = { distribution: 'triangular', min: 5, max: 30 } as const;

  it('fixed removes the variation; exponential needs nothing more', () => {
    expect(pick('fixed', tri)).toEqual({ ok: true, variation: undefined });
    expect(pick('exponential', tri)).toEqual({
      ok: true,
      variation: { distribution: 'exponential' },
    });
  });

  it('moves a range between triangular and uniform, keeping its ends', () => {
    expect(pick('uniform', tri)).toEqual({
      ok: true,
      variation: { distribution: 'uniform', min: 5, max: 30 },
    });
    // Back to triangular, the time must lie in the range again.
    const wide = { distribution: 'uniform', min: 15, max: 30 } as const;
    expect(pick('triangular', wide)).toMatchObject({ ok: false, at: 'distribution' });
  });

  it('waits for a range or a cv it does not have yet', () => {
    expect(pick('triangular', { distribution: 'exponential' })).toEqual({
      ok: 'pending',
      needs: 'range',
    });
    expect(pick('lognormal', tri)).toEqual({ ok: 'pending', needs: 'cv' });
    expect(pick('lognormal', { distribution: 'lognormal', cv: 0.5 })).toEqual({
      ok: true,
      variation: { distribution: 'lognormal', cv: 0.5 },
    });
  });

  it('refuses lognormal for a time of 0, before asking for its cv', () => {
    expect(pick('lognormal', undefined, 0)).toEqual({
      ok: false,
      at: 'distribution',
      message: 'A lognormal process time needs a process time above 0.',
    });
  });
});

describe('a coefficient of variation', () => {
  const cv = (text: string, time: number | undefined) =>
    cvVariation({ field: 'waitTime', text, time, settings });

  it('sets a lognormal variation; cleared, none', () => {
    expect(cv('0.5', 10)).toEqual({ ok: true, variation: { distribution: 'lognormal', cv: 0.5 } });
    expect(cv('', 10)).toEqual({ ok: true, variation: undefined });
  });

  it('must be a number above 0, with a wait above 0', () => {
    expect(cv('0', 10)).toMatchObject({ ok: false, at: 'cv', message: /more than 0/ });
    expect(cv('lots', 10)).toMatchObject({ ok: false, at: 'cv', message: /must be a number/ });
    expect(cv('0.5', undefined)).toMatchObject({
      ok: false,
      message: 'A lognormal wait needs a wait above 0.',
    });
  });
});

describe('a time typed for a step that varies', () => {
  const tri = { distribution: 'triangular', min: 5, max: 30 } as const;
  const type = (text: string, step: Step, field: 'processTime' | 'waitTime' = 'processTime') =>
    timePatch({ field, text, step, settings });

  it('writes a time inside its range', () => {
    expect(type('20', triage({ processVariation: tri }))).toEqual({
      ok: true,
      patch: { processTime: 20 },
    });
  });

  it('refuses a time outside its own triangular range, saying what to change', () => {
    expect(type('1h', triage({ processVariation: tri }))).toEqual({
      ok: false,
      message:
        '1 h is outside the range it varies between (5 min to 30 min): change the range first.',
    });
    // The wait's range is its own business.
    expect(type('1h', triage({ waitVariation: tri }))).toMatchObject({ ok: true });
  });

  it('refuses 0 for a lognormal time', () => {
    const step = triage({ waitVariation: { distribution: 'lognormal', cv: 1 } });
    expect(type('0', step, 'waitTime')).toMatchObject({ ok: false, message: /above 0/ });
  });

  it('cleared, takes its variation with it in the same patch', () => {
    expect(type('', triage({ processVariation: tri }))).toEqual({
      ok: true,
      patch: { processTime: undefined, processVariation: undefined },
    });
  });

  it('that is not a duration is refused as before', () => {
    expect(type('abc', triage())).toMatchObject({ ok: false, message: /not a duration/ });
  });
});

describe('how a variation reads under the range', () => {
  it('says what the numbers mean for each distribution', () => {
    const say = (v: Step['processVariation'], time: number | undefined) =>
      describeVariation('processTime', time, v, settings);
    expect(say(undefined, 90)).toBe('Empty: the same every time.');
    expect(say({ distribution: 'triangular', min: 60, max: 120 }, 90)).toBe(
      'Most likely 1 h 30 min.',
    );
    expect(say({ distribution: 'uniform', min: 60, max: 120 }, 90)).toMatch(/equally likely/);
    expect(say({ distribution: 'exponential' }, 90)).toBe(
      'Exponential: no range, mean 1 h 30 min.',
    );
    expect(say({ distribution: 'lognormal', cv: 0.5 }, undefined)).toBe(
      'Lognormal: no range, mean the process time, cv 0.5.',
    );
  });

  it('a stored time that left its range (a colleague edited one, you the other) is named', () => {
    expect(
      fitProblem('waitTime', 45, { distribution: 'triangular', min: 5, max: 30 }, settings),
    ).toBe(
      'The wait, 45 min, is the most likely value, so the range (5 min to 30 min) must include it.',
    );
  });
});
