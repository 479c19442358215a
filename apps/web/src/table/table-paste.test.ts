import { MapDoc } from '@procmap/doc';
import { mapGeometry } from '@procmap/layout';
import { indexMap, normalize, type Step, validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { applyPaste } from './apply-paste';
import { flowOrder } from './table-order';
import { pasteSummary, planPaste } from './table-paste';
import { contextOf, referral } from './test-map';
import { parseTsv } from './tsv';

const map = referral();
const ctx = contextOf(map);
const rows = flowOrder(map.steps, mapGeometry(indexMap(normalize(map).map).map));
// Columns: role 0, label 1, kind 2, process 3, wait 4, value 5, %C&A 6, data 7, systems 8.

describe('planning a paste', () => {
  it('fills the cells right of and below the focused cell, counting only changed ones', () => {
    const cells = parseTsv('12 min\t1 h\r\n10\t2 d\r\n');
    const plan = planPaste(cells, { row: 1, column: 3 }, rows, ctx);
    // Triage's process time was 10 already: three cells change.
    expect(plan.cellsUpdated).toBe(3);
    expect(plan.updates).toEqual([
      { id: 'register', patch: { processTime: 12, waitTime: 60 } },
      { id: 'triage', patch: { waitTime: 900 } },
    ]);
    expect(plan.creates).toEqual([]);
    expect(pasteSummary(plan)).toBe('Updated 3 cells.');
  });

  it('adds rows past the last step as new steps, in the lane named, else the lane above', () => {
    const cells = parseTsv('Clerk\tFile letter\t\t3\r\n\tPhone patient\t\t5\r\n');
    const plan = planPaste(cells, { row: 4, column: 0 }, rows, ctx);
    expect(plan.cellsUpdated).toBe(0);
    expect(plan.creates).toEqual([
      { roleId: 'clerk', patch: { label: 'File letter', processTime: 3 } },
      { roleId: 'clerk', patch: { label: 'Phone patient', processTime: 5 } },
    ]);
    const rowsFromRole = planPaste(parseTsv('Triage'), { row: 4, column: 1 }, rows, ctx);
    // No role pasted: the lane of the row above (Book clinic, the nurse's).
    expect(rowsFromRole.creates).toEqual([{ roleId: 'nurse', patch: { label: 'Triage' } }]);
  });

  it('says which values it could not read, keeps the others and leaves those cells alone', () => {
    const cells = parseTsv('5\tsoon\r\n-3\t1 h\r\n');
    const plan = planPaste(cells, { row: 2, column: 3 }, rows, ctx);
    expect(plan.problems.map((p) => [p.row, p.column, p.text, p.columnIndex, p.step])).toEqual([
      [3, 'Wait before', 'soon', 4, 'triage'],
      [4, 'Process time', '-3', 3, 'book'],
    ]);
    expect(plan.updates).toEqual([
      { id: 'triage', patch: { processTime: 5 } },
      { id: 'book', patch: { waitTime: 60 } },
    ]);
    expect(pasteSummary(plan)).toBe(
      'Updated 2 cells; 2 values not understood: row 3 Wait before “soon”, row 4 Process time “-3”.',
    );
  });

  it('moves a step to the lane its pasted role names, and leaves a blank role alone', () => {
    const plan = planPaste(parseTsv('Clerk\r\n\r\n'), { row: 2, column: 0 }, rows, ctx);
    expect(plan.updates).toEqual([{ id: 'triage', patch: {}, role: 'clerk' }]);
    expect(plan.cellsUpdated).toBe(1);
  });

  it('leaves out columns past the last and blank rows past the last step', () => {
    const plan = planPaste(parseTsv('EPR\tx\ty\r\n\t\t\r\n'), { row: 3, column: 8 }, rows, ctx);
    expect(plan.columnsLeftOut).toBe(2);
    expect(plan.creates).toEqual([]);
    expect(pasteSummary(plan)).toBe('Updated 1 cell; 2 columns past the last left out.');
  });

  it('cannot add steps to a process without lanes, and says so', () => {
    const plan = planPaste(parseTsv('\tA step'), { row: 0, column: 0 }, [], {
      roles: [],
      settings: ctx.settings,
    });
    expect(plan.creates).toEqual([]);
    expect(pasteSummary(plan)).toBe('Nothing changed; 1 row not added: add a lane first.');
  });
});

describe('writing a paste', () => {
  it('writes updates and new steps as one undo step, the new steps following the flow', () => {
    const doc = MapDoc.fromFile(map);
    const view = doc.view('as-is');
    const cells = parseTsv('Triage nurse\tCall back\t\t4\tsoon\r\n\tWrite letter\r\n');
    const plan = planPaste(cells, { row: 3, column: 0 }, rows, ctx);
    expect(pasteSummary(plan)).toBe(
      'Updated 2 cells, added 1 step; 1 value not understood: row 4 Wait before “soon”.',
    );
    const written = applyPaste(view, plan, { after: 'book' as Step['id'], firstIsStart: false });
    expect(written.refused).toBeNull();
    expect(written.wrote).toBe(true);
    const after = doc.getSnapshot();
    expect(validateMap(after).ok).toBe(true);
    const added = after.steps.filter((s) => !map.steps.some((m) => m.id === s.id));
    expect(added.map((s) => [s.label, s.roleId, s.kind])).toEqual([
      ['Write letter', 'nurse', 'task'],
    ]);
    expect(written.created).toEqual([added[0]!.id]);
    const book = after.steps.find((s) => s.id === 'book')!;
    expect([book.label, book.processTime]).toEqual(['Call back', 4]);
    expect(after.flows.some((f) => f.from === 'book' && f.to === added[0]!.id)).toBe(true);
    expect(doc.undo()).toBe(true);
    expect(doc.getSnapshot().steps).toEqual(map.steps);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('where pasted steps go', () => {
  it('draws steps added after an end a column further each, so they come last in flow order', () => {
    const ended = {
      ...map,
      steps: map.steps.map((s) => (s.id === 'book' ? { ...s, kind: 'end' as const } : s)),
    };
    const doc = MapDoc.fromFile(ended);
    const plan = planPaste(
      parseTsv('\tFile letter\r\n\tPhone patient'),
      { row: 4, column: 0 },
      rows,
      ctx,
    );
    const written = applyPaste(doc.view('as-is'), plan, {
      after: undefined,
      firstIsStart: false,
      place: { x: 1000, column: 248 },
    });
    expect(written.refused).toBeNull();
    const after = doc.getSnapshot();
    const order = flowOrder(after.steps, mapGeometry(indexMap(normalize(after).map).map));
    expect(order.map((s) => s.label).slice(-2)).toEqual(['File letter', 'Phone patient']);
    const added = after.steps.filter(
      (s) => s.label === 'File letter' || s.label === 'Phone patient',
    );
    expect(added.map((s) => [s.roleId, s.position])).toEqual([
      ['nurse', { x: 1000, y: 0 }],
      ['nurse', { x: 1248, y: 0 }],
    ]);
    // The second follows the first along the flow.
    expect(after.flows.some((f) => f.from === added[0]!.id && f.to === added[1]!.id)).toBe(true);
  });
});

describe('pasting into a process with no steps yet', () => {
  it('adds every row as a step, the first a start, in the lanes named or the first lane', () => {
    const empty = { ...map, steps: [], flows: [] };
    const doc = MapDoc.fromFile(empty);
    const plan = planPaste(
      parseTsv('\tReceive letter\r\nTriage nurse\tTriage\r\n\tBook\r\n'),
      { row: 0, column: 0 },
      [],
      ctx,
    );
    expect(plan.creates.map((c) => c.roleId)).toEqual(['clerk', 'nurse', 'nurse']);
    expect(
      applyPaste(doc.view('as-is'), plan, { after: undefined, firstIsStart: true }).refused,
    ).toBeNull();
    const after = doc.getSnapshot();
    expect(validateMap(after).ok).toBe(true);
    const order = flowOrder(after.steps, mapGeometry(indexMap(normalize(after).map).map));
    expect(order.map((s) => [s.label, s.kind])).toEqual([
      ['Receive letter', 'start'],
      ['Triage', 'task'],
      ['Book', 'task'],
    ]);
    expect(after.flows).toHaveLength(2);
    expect(doc.undo()).toBe(true);
    expect(doc.getSnapshot().steps).toEqual([]);
  });
});
