import { MapDoc } from '@procmap/doc';
import { mapGeometry } from '@procmap/layout';
import { indexMap, normalize, type StepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { pasteBlock } from './apply-paste';
import { problemId, problemsLeft, refusedCells } from './refused-cells';
import { flowOrder } from './table-order';
import { planPaste } from './table-paste';
import { contextOf, referral } from './test-map';
import { parseTsv } from './tsv';

const map = referral();
const ctx = contextOf(map);
const rows = flowOrder(map.steps, mapGeometry(indexMap(normalize(map).map).map));
// Rows: receive, register, triage, book. Columns: process 3, wait 4.

describe('the cells a paste refused', () => {
  it('names the step and column of each refused value, and of a step the paste adds by its place', () => {
    const plan = planPaste(
      parseTsv('5\tsoon\r\nlater\t1 h\r\n2\tnever\r\n'),
      { row: 3, column: 3 },
      rows,
      ctx,
    );
    expect(plan.problems.map((p) => [p.step, p.create, p.columnIndex])).toEqual([
      ['book', undefined, 4],
      [undefined, 0, 3],
      [undefined, 1, 4],
    ]);
  });

  it('marks each refused cell of a written paste, added steps included, by its problem line', () => {
    const doc = MapDoc.fromFile(map);
    const view = doc.view('as-is');
    const index = indexMap(normalize(map).map);
    const done = pasteBlock(view, '5\tsoon\r\nlater\t1 h\r\n', {
      start: { row: 3, column: 3 },
      rows,
      flow: rows,
      index,
      geometry: mapGeometry(index.map),
      cells: ctx,
    });
    expect(done.wrote).toBe(true);
    const added = doc.getSnapshot().steps.find((s) => !map.steps.some((m) => m.id === s.id));
    expect(added?.waitTime).toBe(60);
    const cells = refusedCells(done.problems);
    expect([...cells.keys()]).toEqual(['book', added!.id]);
    expect(cells.get('book' as StepId)).toEqual(new Map([[4, problemId(done.problems[0]!)]]));
    expect(cells.get(added!.id)).toEqual(new Map([[3, 'table-problem-5-3']]));
  });

  it('a paste that writes nothing is not an undo step', () => {
    const doc = MapDoc.fromFile(map);
    const index = indexMap(normalize(map).map);
    const done = pasteBlock(doc.view('as-is'), 'soon', {
      start: { row: 0, column: 3 },
      rows,
      flow: rows,
      index,
      geometry: mapGeometry(index.map),
      cells: ctx,
    });
    expect(done.wrote).toBe(false);
    expect(done.problems).toHaveLength(1);
    expect(doc.canUndo()).toBe(false);
  });

  it('a saved cell leaves the list, the others stay; a cell without a problem changes nothing', () => {
    const plan = planPaste(parseTsv('soon\tnever\r\n'), { row: 1, column: 3 }, rows, ctx);
    expect(plan.problems).toHaveLength(2);
    const left = problemsLeft(plan.problems, 'register' as StepId, 3);
    expect(left.map((p) => p.text)).toEqual(['never']);
    expect(refusedCells(left).get('register' as StepId)).toEqual(
      new Map([[4, 'table-problem-2-4']]),
    );
    expect(problemsLeft(left, 'triage' as StepId, 3)).toBe(left);
    expect(refusedCells(problemsLeft(left, 'register' as StepId, 4)).size).toBe(0);
  });
});
