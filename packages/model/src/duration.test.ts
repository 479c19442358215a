import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, roundedDuration } from './duration';

const standard = { hoursPerDay: 7.5 };

describe('parseDuration', () => {
  it.each([
    ['10', 10],
    ['10m', 10],
    ['10 min', 10],
    ['10 minutes', 10],
    ['2h', 120],
    ['1.5h', 90],
    ['1.5d', 675],
    ['1d', 450],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['1 h 30 min', 90],
    ['  45  ', 45],
    ['0', 0],
    ['.5h', 30],
    ['2H', 120],
    ['0.1h', 6],
  ])('given "%s", when parsed, then it is %d minutes', (text, minutes) => {
    expect(parseDuration(text, standard)).toEqual({ ok: true, minutes });
  });

  it('given a day, when the map works 8 hours a day, then a day is 480 minutes', () => {
    expect(parseDuration('1d', { hoursPerDay: 8 })).toEqual({ ok: true, minutes: 480 });
  });

  it.each([
    ['-5', /negative/],
    ['-1h', /negative/],
    ['1h -30m', /negative/],
    ['', /Enter a duration/],
    ['   ', /Enter a duration/],
    ['abc', /not a duration/],
    ['1.2.3', /not a duration/],
    ['10 parsecs', /Unknown unit "parsecs"/],
    ['1h 30', /Give every part a unit/],
    ['h', /not a duration/],
  ])('given "%s", when parsed, then it is refused with a clear message', (text, message) => {
    const result = parseDuration(text, standard);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each([
    ['0:45', 45],
    ['00:30', 30],
    ['1:30', 90],
    ['1:30:00', 90],
    ['0:00:30', 0.5],
    ['45 s', 0.75],
    ['90 sec', 1.5],
    ['30 seconds', 0.5],
    ['1 wk', 2250],
    ['1w', 2250],
    ['2 weeks', 4500],
    ['1 week 2d', 3150],
    ['1,5', 1.5],
    ['0,5', 0.5],
    ['1,5 h', 90],
    ['0,125 d', 56.25],
    ['1h 0,5m', 60.5],
  ])('given "%s" as a sheet writes it, when parsed, then it is %d minutes', (text, minutes) => {
    expect(parseDuration(text, standard)).toEqual({ ok: true, minutes });
  });

  it('given a week, when the map works 4 days of 8 hours, then a week is 32 hours', () => {
    expect(parseDuration('1 wk', { hoursPerDay: 8, daysPerWeek: 4 })).toEqual({
      ok: true,
      minutes: 1920,
    });
  });

  it.each([
    ['soon', /not a duration/],
    ['-0:45', /negative/],
    ['-1,5', /negative/],
    ['0:75', /not a duration/],
    ['1:2', /not a duration/],
    ['1,5,5', /decimal with a dot/],
    ['1,500', /decimal with a dot/],
    ['1, 5', /decimal with a dot/],
    ['2 fortnights', /Unknown unit "fortnights": use s, min, h, d or wk/],
    ['1 constructor', /Unknown unit/],
  ])('given "%s", when parsed, then it is still refused', (text, message) => {
    const result = parseDuration(text, standard);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('given days, when the map has no working hours, then days are refused', () => {
    const result = parseDuration('1d', { hoursPerDay: 0 });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/hours per day/) });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [7.5, '7.5 min'],
    [60, '1 h'],
    [120, '2 h'],
    [90, '1 h 30 min'],
    [450, '1 d'],
    [675, '1.5 d'],
    [500, '8 h 20 min'],
    [900, '2 d'],
  ])('given %d minutes, when formatted, then "%s"', (minutes, text) => {
    expect(formatDuration(minutes, standard)).toBe(text);
  });

  it('given a day of 8 hours, when 480 minutes are formatted, then "1 d"', () => {
    expect(formatDuration(480, { hoursPerDay: 8 })).toBe('1 d');
    expect(formatDuration(450, { hoursPerDay: 8 })).toBe('7 h 30 min');
  });

  it.each([0, 1, 10, 45, 59, 60, 61, 90, 120, 449, 450, 451, 675, 1000, 2250, 12.5])(
    'given %d minutes, when formatted and parsed back, then the same minutes',
    (minutes) => {
      const text = formatDuration(minutes, standard);
      expect(parseDuration(text, standard)).toEqual({ ok: true, minutes });
    },
  );

  it.each(['10', '2h', '1.5d', '1h 30m', '8h 20m'])(
    'given "%s", when parsed, formatted and parsed again, then the minutes are unchanged',
    (text) => {
      const first = parseDuration(text, standard);
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const again = parseDuration(formatDuration(first.minutes, standard), standard);
      expect(again).toEqual(first);
    },
  );
});

describe('roundedDuration', () => {
  it.each([
    [0, '0 min'],
    [0.4, '< 1 min'],
    [12.34, '12.3 min'],
    [90, '1.5 h'],
    [449, '7.5 h'],
    [450, '1 d'],
    [1410.5, '3.1 d'],
    [Number.NaN, 'n/a'],
  ])('%s minutes (7.5 h days) → %s', (minutes, text) => {
    expect(roundedDuration(minutes, 7.5)).toBe(text);
  });
});
