import { mapGeometry } from '@procmap/layout';
import { indexMap, type ProcessMap, roleId, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { connectTargets } from './connect-targets';

const step = (id: string, role: string, label: string) => ({
  id: stepId(id),
  roleId: roleId(role),
  kind: 'task' as const,
  label,
});

/** A parking permit: apply, check, a résumé of the case, decide; a loop is still missing. */
const permit: ProcessMap = {
  format: 'procmap',
  version: 1,
  title: 'Permit',
  roles: [
    { id: roleId('res'), name: 'Resident', order: 0 },
    { id: roleId('off'), name: 'Officer', order: 1 },
  ],
  steps: [
    step('apply', 'res', 'Apply online'),
    step('check', 'off', 'Check application'),
    step('sum', 'off', 'Write case résumé'),
    step('decide', 'off', 'Decide application'),
  ],
  flows: [
    { id: 'f1' as never, from: stepId('apply'), to: stepId('check') },
    { id: 'f2' as never, from: stepId('check'), to: stepId('sum') },
    { id: 'f3' as never, from: stepId('sum'), to: stepId('decide') },
  ],
};

const targets = (from: string, query: string) => {
  const index = indexMap(permit);
  return connectTargets(index, mapGeometry(permit), stepId(from), query);
};

describe('connectTargets', () => {
  it('given part of a name in any case, then the steps containing it, names starting with it first', () => {
    expect(targets('decide', 'APPL').map((t) => t.id)).toEqual(['apply', 'check']);
  });

  it('given no text, then every other step along the flow, the earlier ones marked as loops back', () => {
    const all = targets('decide', '');
    expect(all.map((t) => t.id)).toEqual(['apply', 'check', 'sum']);
    expect(all.every((t) => t.earlier)).toBe(true);
    expect(all.find((t) => t.id === 'sum')).toMatchObject({ connected: false, lane: 'Officer' });
    // A step it already leads to is listed, marked: a second flow would be refused.
    expect(targets('check', '').find((t) => t.id === 'sum')).toMatchObject({ connected: true });
  });

  it('ignores accents, and never offers the step itself', () => {
    expect(targets('apply', 'resume').map((t) => t.id)).toEqual(['sum']);
    expect(targets('apply', 'apply')).toEqual([]);
    expect(targets('apply', 'decide')[0]).toMatchObject({ earlier: false, connected: false });
  });
});
