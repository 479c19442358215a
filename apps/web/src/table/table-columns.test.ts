import type { Step } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { cellText, changes, parseCell, splitList } from './table-columns';
import { contextOf, referral } from './test-map';

const map = referral();
const ctx = contextOf(map);
const triage = map.steps.find((s) => s.id === 'triage') as Step;

describe('what a cell shows', () => {
  it('shows times in the panel’s units, the share as a percentage, lists with commas', () => {
    expect(cellText('role', triage, ctx)).toBe('Triage nurse');
    expect(cellText('processTime', triage, ctx)).toBe('10 min');
    expect(cellText('waitTime', triage, ctx)).toBe('30 min');
    expect(cellText('valueClass', triage, ctx)).toBe('Value-adding');
    expect(cellText('completeAccurate', triage, ctx)).toBe('80%');
    expect(cellText('systems', triage, ctx)).toBe('EPR');
    expect(cellText('dataEntered', triage, ctx)).toBe('');
    const book = map.steps.find((s) => s.id === 'book') as Step;
    expect(cellText('waitTime', book, ctx)).toBe('6.4 d');
  });
});

describe('what typed text writes', () => {
  it('reads times in friendly units, as minutes', () => {
    expect(parseCell('processTime', '2 h', triage, ctx)).toEqual({
      ok: true,
      patch: { processTime: 120 },
    });
    expect(parseCell('waitTime', '1.5d', triage, ctx)).toEqual({
      ok: true,
      patch: { waitTime: 675 },
    });
  });

  it.each([
    ['0:45', 45],
    ['00:30', 30],
    ['1:30:00', 90],
    ['1 wk', 2250],
    ['45 s', 0.75],
    ['1,5', 1.5],
    ['0,5 h', 30],
  ])('reads "%s", as a sheet writes a time, as %d minutes', (text, minutes) => {
    expect(parseCell('waitTime', text, triage, ctx)).toEqual({
      ok: true,
      patch: { waitTime: minutes },
    });
  });

  it('refuses a negative time and words that are not a time, saying why', () => {
    const negative = parseCell('processTime', '-5', triage, ctx);
    expect(negative).toEqual({ ok: false, message: 'A duration cannot be negative.' });
    const words = parseCell('waitTime', 'soon', triage, ctx);
    expect(words.ok).toBe(false);
    expect(!words.ok && words.message).toMatch(/not a duration/);
  });

  it('clears a time (and how it varies) when emptied', () => {
    expect(parseCell('waitTime', ' ', triage, ctx)).toEqual({
      ok: true,
      patch: { waitTime: undefined, waitVariation: undefined },
    });
  });

  it('reads a percentage with or without its sign, within 0–100', () => {
    expect(parseCell('completeAccurate', '60%', triage, ctx)).toEqual({
      ok: true,
      patch: { completeAccurate: 0.6 },
    });
    expect(parseCell('completeAccurate', '95', triage, ctx)).toEqual({
      ok: true,
      patch: { completeAccurate: 0.95 },
    });
    expect(parseCell('completeAccurate', '120', triage, ctx).ok).toBe(false);
    expect(parseCell('completeAccurate', 'abc', triage, ctx)).toEqual({
      ok: false,
      message: '% complete and accurate must be a number.',
    });
  });

  it('finds a lane by its name in any case, and refuses one the map does not have', () => {
    expect(parseCell('role', 'clerk', triage, ctx)).toEqual({ ok: true, role: 'clerk' });
    expect(parseCell('role', 'TRIAGE NURSE', triage, ctx)).toEqual({ ok: true, role: 'nurse' });
    expect(parseCell('role', 'Surgeon', triage, ctx)).toEqual({
      ok: false,
      message: 'There is no lane named “Surgeon”.',
    });
    expect(parseCell('role', '', triage, ctx).ok).toBe(false);
  });

  it('reads kinds and value classes by their words, and common spreadsheet words for value', () => {
    expect(parseCell('kind', 'decision', triage, ctx)).toEqual({
      ok: true,
      patch: { kind: 'decision' },
    });
    expect(parseCell('kind', 'Gateway', triage, ctx).ok).toBe(false);
    expect(parseCell('valueClass', 'Waste', triage, ctx)).toEqual({
      ok: true,
      patch: { valueClass: 'waste' },
    });
    expect(parseCell('valueClass', 'NVA', triage, ctx)).toEqual({
      ok: true,
      patch: { valueClass: 'waste' },
    });
    expect(parseCell('valueClass', 'Not classified', triage, ctx)).toEqual({
      ok: true,
      patch: { valueClass: undefined },
    });
    expect(parseCell('valueClass', 'maybe', triage, ctx).ok).toBe(false);
  });

  it('splits lists at commas, dropping blanks and repeats', () => {
    expect(splitList(' EPR, ,Email,EPR ')).toEqual(['EPR', 'Email']);
    expect(parseCell('systems', 'EPR, Email', triage, ctx)).toEqual({
      ok: true,
      patch: { systems: ['EPR', 'Email'] },
    });
    expect(parseCell('dataEntered', '', triage, ctx)).toEqual({
      ok: true,
      patch: { dataEntered: undefined },
    });
  });

  it('refuses a name longer than a step’s name may be', () => {
    expect(parseCell('label', 'x'.repeat(5000), triage, ctx).ok).toBe(false);
    expect(parseCell('label', '  Triage by phone ', triage, ctx)).toEqual({
      ok: true,
      patch: { label: 'Triage by phone' },
    });
  });

  it('knows when a value typed again changes nothing', () => {
    expect(changes(parseCell('processTime', '10 min', triage, ctx), triage)).toBe(false);
    expect(changes(parseCell('processTime', '11', triage, ctx), triage)).toBe(true);
    expect(changes(parseCell('systems', 'EPR', triage, ctx), triage)).toBe(false);
    expect(changes(parseCell('role', 'Triage nurse', triage, ctx), triage)).toBe(false);
    expect(changes(parseCell('role', 'Clerk', triage, ctx), triage)).toBe(true);
  });
});
