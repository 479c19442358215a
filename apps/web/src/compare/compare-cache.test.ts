import { MapDoc } from '@procmap/doc';
import type { StepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { CompareCache } from './compare-cache';
import { REFERRAL } from './test-fixtures';

/** The referral with a second scenario, copied from the as-is, in a shared document. */
function twoScenarios() {
  const doc = MapDoc.fromFile(REFERRAL);
  doc.createScenario({ id: 'clerk', name: 'Clerk on Mondays' });
  return doc;
}

describe('CompareCache', () => {
  it('gives the as-is first, then the scenarios asked for that the map has', () => {
    const doc = twoScenarios();
    const columns = new CompareCache().columns(doc.getSnapshot(), ['clerk', 'gone', 'portal']);
    expect(columns.map((c) => [c.id, c.name])).toEqual([
      ['as-is', 'As-is'],
      ['clerk', 'Clerk on Mondays'],
      ['portal', 'To-be portal'],
    ]);
    expect(columns[0]?.map.scenarios).toBeUndefined();
    expect(columns[2]?.changes?.steps.removed).toEqual(['key']);
  });

  it('re-analyses only the scenario an edit touched', () => {
    const doc = twoScenarios();
    const cache = new CompareCache();
    const before = cache.columns(doc.getSnapshot(), ['portal', 'clerk']);
    expect(cache.analyses).toBe(3);
    doc.process('clerk').updateStep('key' as StepId, { waitTime: 5 });
    const after = cache.columns(doc.getSnapshot(), ['portal', 'clerk']);
    expect(cache.analyses).toBe(4);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]?.analysis.metrics.leadTime).toBe(50);
    expect(after[2]?.changes?.steps.changed).toEqual([{ id: 'key', fields: ['waitTime'] }]);
  });

  it('re-analyses the as-is alone on an edit of the as-is, and diffs every scenario again', () => {
    const doc = twoScenarios();
    const cache = new CompareCache();
    const before = cache.columns(doc.getSnapshot(), ['portal', 'clerk']);
    doc.updateStep('check' as StepId, { waitTime: 20 });
    const after = cache.columns(doc.getSnapshot(), ['portal', 'clerk']);
    expect(cache.analyses).toBe(4);
    expect(after[0]?.analysis.metrics.leadTime).toBe(95);
    expect(after[1]?.analysis).toBe(before[1]?.analysis);
    expect(after[2]?.changes?.steps.changed).toEqual([{ id: 'check', fields: ['waitTime'] }]);
  });

  it('analyses nothing again when only a comment changes', () => {
    const doc = twoScenarios();
    const cache = new CompareCache();
    const before = cache.columns(doc.getSnapshot(), ['portal']);
    doc.addComment({ kind: 'note', author: 'Bo', text: 'Busy on Mondays' });
    const after = cache.columns(doc.getSnapshot(), ['portal']);
    expect(cache.analyses).toBe(2);
    expect(after).toEqual(before);
  });
});
