import { flowId, type ProcessMap, type Step, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { docErrorOf, expectTriple, flow, newDoc, role, step } from '../test-helpers';

/*
 * Enter on a step that leads to one next step inserts a new step between them. On a map whose
 * steps have saved positions (after Tidy up), the new step must take its successor's place and
 * everything from there on move right one column, or it lands in a second row under the
 * successor, hiding its arrows.
 */

const COLUMN = 248;
const col = (c: number) => ({ x: 36 + c * COLUMN, y: 0 });

/** A Blue Badge check, tidied: a decision with a rework loop back into it. */
function tidiedBadgeMap(): ProcessMap {
  return {
    format: 'procmap',
    version: 1,
    title: 'Blue Badge',
    roles: [role('applicant', 'Applicant', { order: 0 }), role('officer', 'Officer', { order: 1 })],
    steps: [
      step('apply', 'applicant', 'Apply online', { kind: 'start', position: col(0) }),
      step('check', 'officer', 'Check eligibility criteria', { position: col(1) }),
      step('decide', 'officer', 'Evidence complete?', { kind: 'decision', position: col(2) }),
      step('send', 'applicant', 'Send missing evidence', { position: col(3) }),
      step('approve', 'officer', 'Approve badge', { position: col(3) }),
      step('done', 'applicant', 'Badge received', { kind: 'end', position: col(4) }),
    ],
    flows: [
      flow('f1', 'apply', 'check'),
      flow('f2', 'check', 'decide'),
      flow('f3', 'decide', 'send', { label: 'No' }),
      flow('f4', 'send', 'decide'),
      flow('f5', 'decide', 'approve', { label: 'Yes' }),
      flow('f6', 'approve', 'done'),
    ],
  };
}

const withoutPositions = (map: ProcessMap): ProcessMap => ({
  ...map,
  steps: map.steps.map(({ position: _p, ...rest }) => rest as Step),
});

const xs = (map: ProcessMap) =>
  Object.fromEntries(map.steps.map((s) => [s.id, s.position?.x])) as Record<string, number>;

const room = { columnStep: COLUMN };

describe('insertStep making room', () => {
  it('given a tidied map, the new step takes its successor’s place and the steps from there on move one column right, as ONE undo step', () => {
    const doc = newDoc('alice', { file: tidiedBadgeMap() });
    const { before, after, result } = expectTriple(doc, () =>
      doc.insertStep(flowId('f2'), { label: 'Check proof of address' }, room),
    );
    const was = xs(before);
    const now = xs(after);
    // The new step: in the lane of the step it follows, where its successor was.
    expect(after.steps.find((s) => s.id === result.stepId)).toMatchObject({
      roleId: 'officer',
      label: 'Check proof of address',
      position: { x: was.decide },
    });
    // Upstream untouched; downstream, in every lane, one column right.
    expect(now.apply).toBe(was.apply);
    expect(now.check).toBe(was.check);
    for (const id of ['decide', 'send', 'approve', 'done']) expect(now[id]).toBe(was[id]! + COLUMN);
    expect([...result.moved].sort()).toEqual(['approve', 'decide', 'done', 'send']);
    // Nothing shares a place in one lane, so no step is pushed into a second row.
    const places = after.steps.map((s) => `${s.roleId}@${s.position?.x}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it('is one transaction: a collaborator receives the step, the flows and the moves in one update', () => {
    const doc = newDoc('alice', { file: tidiedBadgeMap() });
    let updates = 0;
    doc.ydoc.on('update', () => updates++);
    doc.insertStep(flowId('f2'), { label: '' }, room);
    expect(updates).toBe(1);
  });

  it('given a map with no saved positions, leaves positions alone (the automatic layout makes room)', () => {
    const doc = newDoc('alice', { file: withoutPositions(tidiedBadgeMap()) });
    const { after, result } = expectTriple(doc, () => doc.insertStep(flowId('f2'), {}, room));
    expect(after.steps.every((s) => s.position === undefined)).toBe(true);
    expect(result.moved).toEqual([]);
  });

  it('given some steps without saved positions, moves those drawn in the way too, and leaves the others unpositioned', () => {
    const file = tidiedBadgeMap();
    const mixed: ProcessMap = {
      ...file,
      steps: file.steps.map((s) =>
        s.id === 'apply' || s.id === 'approve'
          ? (withoutPositions({ ...file, steps: [s] }).steps[0] as Step)
          : s,
      ),
    };
    const drawn: Record<string, number> = { apply: col(0).x, approve: col(3).x };
    const doc = newDoc('alice', { file: mixed });
    const { after } = expectTriple(doc, () =>
      doc.insertStep(flowId('f2'), {}, { ...room, drawnX: (id) => drawn[id] }),
    );
    const now = xs(after);
    expect(now.apply).toBeUndefined();
    expect(now.approve).toBe(col(4).x);
    expect(now.decide).toBe(col(3).x);
  });

  it('on a flow back (a rework loop), the new step goes right after the step it follows and only what is right of it moves', () => {
    const doc = newDoc('alice', { file: tidiedBadgeMap() });
    const { after, result } = expectTriple(doc, () => doc.insertStep(flowId('f4'), {}, room));
    const now = xs(after);
    expect(after.steps.find((s) => s.id === result.stepId)).toMatchObject({
      roleId: 'applicant',
      position: { x: col(4).x },
    });
    expect(now.decide).toBe(col(2).x);
    expect(now.send).toBe(col(3).x);
    expect(now.approve).toBe(col(3).x);
    expect(now.done).toBe(col(5).x);
  });

  it('without room asked for, or with a position given, moves nothing', () => {
    const doc = newDoc('alice', { file: tidiedBadgeMap() });
    const before = xs(doc.getSnapshot());
    doc.insertStep(flowId('f2'));
    const { stepId: id } = doc.insertStep(flowId('f6'), { position: { x: 5, y: 0 } }, room);
    const now = xs(doc.getSnapshot());
    for (const [k, x] of Object.entries(before)) expect(now[k]).toBe(x);
    expect(now[id]).toBe(5);
  });

  it('refuses a column step that is not a positive number, changing nothing', () => {
    const doc = newDoc('alice', { file: tidiedBadgeMap() });
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.insertStep(flowId('f2'), {}, { columnStep: 0 })).code).toBe(
      'invalid-value',
    );
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.getSnapshot().steps.find((s) => s.id === stepId('decide'))?.position).toEqual(
      col(2),
    );
  });
});
