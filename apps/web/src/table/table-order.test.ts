import { mapGeometry } from '@procmap/layout';
import { indexMap, normalize, type Step, type StepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { flowOrder, keepOrder, nextSort, sortRows } from './table-order';
import { contextOf, referral } from './test-map';

const map = referral();
const ctx = contextOf(map);
const geometry = mapGeometry(indexMap(normalize(map).map).map);
const ids = (steps: readonly Step[]) => steps.map((s) => s.id);

describe('the order of the rows', () => {
  it('lists the steps along the flow by default, whatever their order in the file', () => {
    expect(ids(flowOrder(map.steps, geometry))).toEqual(['receive', 'register', 'triage', 'book']);
  });

  it('sorts times as numbers, empty cells last in either direction', () => {
    const rows = flowOrder(map.steps, geometry);
    expect(ids(sortRows(rows, { column: 'waitTime', direction: 'ascending' }, ctx))).toEqual([
      'triage',
      'book',
      'receive',
      'register',
    ]);
    expect(ids(sortRows(rows, { column: 'waitTime', direction: 'descending' }, ctx))).toEqual([
      'book',
      'triage',
      'receive',
      'register',
    ]);
  });

  it('sorts words alphabetically, keeping flow order among equal values', () => {
    const rows = flowOrder(map.steps, geometry);
    expect(ids(sortRows(rows, { column: 'role', direction: 'ascending' }, ctx))).toEqual([
      'receive',
      'register',
      'triage',
      'book',
    ]);
    expect(ids(sortRows(rows, { column: 'role', direction: 'descending' }, ctx))).toEqual([
      'triage',
      'book',
      'receive',
      'register',
    ]);
    expect(ids(sortRows(rows, { column: 'label', direction: 'ascending' }, ctx))).toEqual([
      'book',
      'receive',
      'register',
      'triage',
    ]);
  });

  it('does not reorder, nor change, the rows it is given', () => {
    const rows = flowOrder(map.steps, geometry);
    const before = ids(rows);
    sortRows(rows, { column: 'label', direction: 'descending' }, ctx);
    expect(ids(rows)).toEqual(before);
    expect(ids(sortRows(rows, null, ctx))).toEqual(before);
  });

  it('cycles a header’s sort: ascending, descending, back to flow order', () => {
    const first = nextSort(null, 'label');
    expect(first).toEqual({ column: 'label', direction: 'ascending' });
    const second = nextSort(first, 'label');
    expect(second).toEqual({ column: 'label', direction: 'descending' });
    expect(nextSort(second, 'label')).toBeNull();
    expect(nextSort(second, 'role')).toEqual({ column: 'role', direction: 'ascending' });
  });

  it('keeps rows in place during an edit: new ones at the end, gone ones left out', () => {
    const rows = flowOrder(map.steps, geometry);
    const moved = [rows[3]!, rows[0]!, rows[2]!];
    expect(ids(keepOrder(['register', 'triage', 'gone', 'receive'] as StepId[], moved))).toEqual([
      'triage',
      'receive',
      'book',
    ]);
  });
});
