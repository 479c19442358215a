import { describe, expect, it } from 'vitest';
import type { SettingsPatch } from './meta';
import { docErrorOf, expectTriple, newDoc, sampleFile } from '../test-helpers';

const sample = () => newDoc('alice', { file: sampleFile() });

describe('updateSettings', () => {
  it('given no settings yet, when one is set, then settings appear; undo removes them again', () => {
    const doc = newDoc();
    const { before, after } = expectTriple(doc, () => doc.updateSettings({ hoursPerDay: 8 }));
    expect(before).not.toHaveProperty('settings');
    expect(after.settings).toEqual({ hoursPerDay: 8 });
  });

  it('changes several settings at once, including the nested demand', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.updateSettings({ daysPerWeek: 6, demand: { count: 5, per: 'hour' } }),
    );
    expect(after.settings).toEqual({
      hoursPerDay: 8,
      daysPerWeek: 6,
      demand: { count: 5, per: 'hour' },
      currency: 'GBP',
    });
  });

  it('resets a setting to its default with undefined', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.updateSettings({ hoursPerDay: undefined, currency: undefined }),
    );
    expect(after.settings).toEqual({ demand: { count: 40, per: 'day' } });
  });

  it('writes no settings object once every setting is back to its default', () => {
    const doc = sample();
    doc.updateSettings({ hoursPerDay: undefined, currency: undefined, demand: undefined });
    expect(doc.getSnapshot()).not.toHaveProperty('settings');
  });

  it.each<[string, SettingsPatch]>([
    ['hoursPerDay 25', { hoursPerDay: 25 }],
    ['hoursPerDay 0', { hoursPerDay: 0 }],
    ['daysPerWeek 8', { daysPerWeek: 8 }],
    ['demand per month', { demand: { count: 1, per: 'month' as 'day' } }],
    ['negative demand', { demand: { count: -1, per: 'day' } }],
    ['currency not text', { currency: 3 as unknown as string }],
  ])('refuses %s with invalid-value, changing nothing', (_name, patch) => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.updateSettings(patch)).code).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('updateMeta', () => {
  it('changes the title', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.updateMeta({ title: 'Referral v2' }));
    expect(after.title).toBe('Referral v2');
    expect(after.description).toBe('From GP letter to first appointment');
  });

  it('sets and clears the description; an undefined title is left alone', () => {
    const doc = newDoc();
    const set = expectTriple(doc, () => doc.updateMeta({ title: 'T', description: 'About' }));
    expect(set.after).toMatchObject({ title: 'T', description: 'About' });
    const cleared = expectTriple(doc, () => doc.updateMeta({ description: undefined }));
    expect(cleared.after.title).toBe('T');
    expect(cleared.after).not.toHaveProperty('description');
  });

  it('allows an empty title', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.updateMeta({ title: '' }));
    expect(after.title).toBe('');
  });

  it('refuses a title that is not text', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.updateMeta({ title: 5 as unknown as string })).code).toBe(
      'invalid-value',
    );
    expect(doc.getSnapshot()).toBe(before);
  });

  it('keeps format, version and the map id whatever happens to the title', () => {
    const doc = sample();
    doc.updateMeta({ title: 'X' });
    expect(doc.getSnapshot()).toMatchObject({ format: 'procmap', version: 1, id: 'sample' });
  });
});

describe('updateSettings with nothing to change', () => {
  it('given no settings, when a default is reset, then neither the snapshot nor the undo stack changes', () => {
    const doc = newDoc();
    const before = doc.getSnapshot();
    doc.updateSettings({ hoursPerDay: undefined });
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('given settings, when an unset field is reset, then nothing changes either', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const before = doc.getSnapshot();
    doc.updateSettings({ daysPerWeek: undefined });
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});
