import { describe, expect, it } from 'vitest';
import { parseTime, type TimeUnit } from './times';
import { activityOf, kindOf, listOf, shareOf, valueClassOf, variationOf } from './values';

const settings = { hoursPerDay: 7.5, daysPerWeek: 5, decimalComma: false };

describe('parseTime', () => {
  it.each<[string, number, TimeUnit?]>([
    ['10', 10],
    ['10 min', 10],
    ['10mins', 10],
    ['10 Minutes', 10],
    ['2 h', 120],
    ['2h', 120],
    ['1.5 hours', 90],
    ['1.5 hrs', 90],
    ['3 d', 3 * 7.5 * 60],
    ['1 day', 450],
    ['1 wk', 5 * 450],
    ['45 s', 0.75],
    ['1h 30m', 90],
    ['1 h 30 min', 90],
    ['00:30', 30],
    ['1:30', 90],
    ['1:30:30', 90.5],
    ['.5 h', 30],
    ['0', 0],
    ['1e1', 10],
    ['2', 120, 'h'],
    ['2', 900, 'd'],
    ['2 min', 2, 'h'],
  ])('%j (bare numbers in %s) → %d minutes', (cell, minutes, unit) => {
    expect(parseTime(cell, unit, settings)).toEqual({ ok: true, minutes });
  });

  it('takes a day as the working day it is given', () => {
    expect(parseTime('1 d', undefined, { ...settings, hoursPerDay: 8 })).toEqual({
      ok: true,
      minutes: 480,
    });
  });

  it('reads "1,5 h" as one and a half hours only where commas do not split cells', () => {
    expect(parseTime('1,5 h', undefined, { ...settings, decimalComma: true })).toEqual({
      ok: true,
      minutes: 90,
    });
    expect(parseTime('1,5 h', undefined, settings).ok).toBe(false);
  });

  it.each(['-5', 'soon', '10 parsecs', '1 h 30', '=A1*60', '1:75', 'h', '10 min min'])(
    'refuses %j',
    (cell) => {
      expect(parseTime(cell, undefined, settings).ok).toBe(false);
    },
  );
});

describe('cell words', () => {
  it.each([
    ['Start', 'start'],
    ['BEGIN', 'start'],
    ['task', 'task'],
    ['Activity', 'task'],
    ['Decision', 'decision'],
    ['gateway', 'decision'],
    ['?', 'decision'],
    ['Delay', 'delay'],
    ['queue', 'delay'],
    ['End', 'end'],
    ['finish', 'end'],
    ['sub-process-thing', undefined],
  ])('kind %j → %s', (cell, kind) => {
    expect(kindOf(cell)).toBe(kind);
  });

  it.each([
    ['VA', 'value-adding'],
    ['value adding', 'value-adding'],
    ['Value-Added', 'value-adding'],
    ['NNVA', 'necessary'],
    ['BVA', 'necessary'],
    ['necessary', 'necessary'],
    ['NVA', 'waste'],
    ['Non value adding', 'waste'],
    ['waste', 'waste'],
    ['maybe', undefined],
  ])('value class %j → %s', (cell, value) => {
    expect(valueClassOf(cell)).toBe(value);
  });

  it.each([
    ['Approval', 'approval'],
    ['sign-off', 'approval'],
    ['Inspection', 'inspection'],
    ['check', 'inspection'],
    ['transport', 'transport'],
    ['work', 'work'],
    ['lunch', undefined],
  ])('kind of work %j → %s', (cell, value) => {
    expect(activityOf(cell)).toBe(value);
  });

  it.each([
    ['90%', 0.9],
    ['90', 0.9],
    ['0.9', 0.9],
    ['1', 1],
    ['100 %', 1],
    ['0', 0],
    ['150', undefined],
    ['lots', undefined],
  ])('share %j → %s', (cell, share) => {
    expect(shareOf(cell, false)).toBe(share);
  });

  it('splits lists on semicolons or line breaks when there are any, else on commas', () => {
    expect(listOf('NHS number; Address')).toEqual(['NHS number', 'Address']);
    expect(listOf('EMIS, ICE')).toEqual(['EMIS', 'ICE']);
    expect(listOf('Name, address; Phone')).toEqual(['Name, address', 'Phone']);
    expect(listOf('A\nB\n\n')).toEqual(['A', 'B']);
    expect(listOf('  ')).toEqual([]);
  });

  it('reads the time variations the export writes, and nothing broken', () => {
    expect(variationOf('triangular min=5 max=30')).toEqual({
      distribution: 'triangular',
      min: 5,
      max: 30,
    });
    expect(variationOf('lognormal cv=0.5')).toEqual({ distribution: 'lognormal', cv: 0.5 });
    expect(variationOf('exponential')).toEqual({ distribution: 'exponential' });
    expect(variationOf('triangular min=30 max=5')).toBeUndefined();
    expect(variationOf('triangular')).toBeUndefined();
    expect(variationOf('normal sd=3')).toBeUndefined();
    expect(variationOf('uniform min=1 max=x')).toBeUndefined();
  });
});
