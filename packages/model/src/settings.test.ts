import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, workingMinutesPer } from './settings';
import type { Settings } from './types';

describe('resolveSettings', () => {
  it('given no settings, then the documented defaults (7.5 h/day, 5 days/week)', () => {
    expect(DEFAULT_SETTINGS).toEqual({ hoursPerDay: 7.5, daysPerWeek: 5 });
    expect(resolveSettings({})).toEqual({ hoursPerDay: 7.5, daysPerWeek: 5 });
    expect(resolveSettings({ settings: undefined })).toEqual({ hoursPerDay: 7.5, daysPerWeek: 5 });
  });

  it('given empty settings, then the defaults', () => {
    expect(resolveSettings({ settings: {} })).toEqual({ hoursPerDay: 7.5, daysPerWeek: 5 });
  });

  it('given some settings, then those win and the rest are defaulted', () => {
    expect(resolveSettings({ settings: { hoursPerDay: 8 } })).toEqual({
      hoursPerDay: 8,
      daysPerWeek: 5,
    });
    expect(resolveSettings({ settings: { daysPerWeek: 7 } })).toEqual({
      hoursPerDay: 7.5,
      daysPerWeek: 7,
    });
  });

  it('given demand, currency and unknown fields, then they are kept as they are', () => {
    const demand = { count: 40, per: 'day' } as const;
    const settings = { demand, currency: 'GBP', shift: 'earlies' } as Settings;
    const resolved = resolveSettings({ settings });
    expect(resolved).toEqual({
      hoursPerDay: 7.5,
      daysPerWeek: 5,
      demand,
      currency: 'GBP',
      shift: 'earlies',
    });
    expect(resolved.demand).toBe(demand);
  });

  it('given explicit undefined fields, then the defaults fill them', () => {
    const resolved = resolveSettings({
      settings: { hoursPerDay: undefined, daysPerWeek: undefined },
    });
    expect(resolved.hoursPerDay).toBe(7.5);
    expect(resolved.daysPerWeek).toBe(5);
  });

  it('does not mutate the map settings', () => {
    const settings = Object.freeze({ hoursPerDay: 6 });
    const resolved = resolveSettings({ settings });
    expect(resolved).not.toBe(settings);
    expect(settings).toEqual({ hoursPerDay: 6 });
  });
});

describe('workingMinutesPer', () => {
  const defaults = resolveSettings({});

  it('given an hour, then 60 minutes whatever the settings', () => {
    expect(workingMinutesPer('hour', defaults)).toBe(60);
    expect(workingMinutesPer('hour', resolveSettings({ settings: { hoursPerDay: 4 } }))).toBe(60);
  });

  it('given a day, then hoursPerDay x 60', () => {
    expect(workingMinutesPer('day', defaults)).toBe(450);
    expect(workingMinutesPer('day', resolveSettings({ settings: { hoursPerDay: 8 } }))).toBe(480);
    expect(workingMinutesPer('day', resolveSettings({ settings: { hoursPerDay: 24 } }))).toBe(1440);
  });

  it('given a week, then hoursPerDay x 60 x daysPerWeek', () => {
    expect(workingMinutesPer('week', defaults)).toBe(2250);
    expect(
      workingMinutesPer('week', resolveSettings({ settings: { hoursPerDay: 8, daysPerWeek: 4 } })),
    ).toBe(1920);
    expect(
      workingMinutesPer('week', resolveSettings({ settings: { hoursPerDay: 24, daysPerWeek: 7 } })),
    ).toBe(10080);
  });

  it('given fractional settings, then the product without rounding', () => {
    const s = resolveSettings({ settings: { hoursPerDay: 7.4, daysPerWeek: 4.5 } });
    expect(workingMinutesPer('day', s)).toBeCloseTo(444, 10);
    expect(workingMinutesPer('week', s)).toBeCloseTo(1998, 10);
  });
});
