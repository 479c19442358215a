import { flowId, normalize, type ProcessMap, roleId, type Step, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import type { MapDoc } from '../map-doc';
import type { StepPatch } from './steps';
import { docErrorOf, expectTriple, newDoc, sampleFile } from '../test-helpers';

const findStep = (map: ProcessMap, id: string): Step | undefined =>
  map.steps.find((s) => s.id === id);

const sample = () => newDoc('alice', { file: sampleFile() });

describe('addStep', () => {
  it('given a lane, when a step is added with no kind or label, then it is a task with an empty label', () => {
    const doc = sample();
    const { after, result } = expectTriple(doc, () => doc.addStep({ roleId: roleId('gp') }));
    expect(result).toMatch(/^s_/);
    expect(after.steps.at(-1)).toEqual({ id: result, roleId: 'gp', kind: 'task', label: '' });
  });

  it('given explicit undefined kind and label, then the defaults still apply', () => {
    const doc = sample();
    const id = doc.addStep({ roleId: roleId('gp'), kind: undefined, label: undefined });
    expect(findStep(doc.getSnapshot(), id)).toEqual({
      id,
      roleId: 'gp',
      kind: 'task',
      label: '',
    });
  });

  it('given every optional field, then the step holds them all', () => {
    const doc = sample();
    const fields = {
      kind: 'delay',
      label: 'Wait for post',
      processTime: 0,
      waitTime: 1440,
      valueClass: 'waste',
      activity: 'transport',
      completeAccurate: 1,
      dataEntered: ['Name'],
      systems: ['Post'],
      batchSize: 20,
      position: { x: -10, y: 5.5 },
      notes: 'second class',
    } as const;
    const { after, result } = expectTriple(doc, () =>
      doc.addStep({ roleId: roleId('clerk'), id: 'post', ...fields }),
    );
    expect(result).toBe('post');
    expect(findStep(after, 'post')).toEqual({ id: 'post', roleId: 'clerk', ...fields });
  });

  it('refuses an unknown lane, an unknown kind, bad values and a taken id, changing nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.addStep({ roleId: roleId('zz') })).code).toBe('unknown-role');
    expect(
      docErrorOf(() => doc.addStep({ roleId: roleId('gp'), kind: 'loop' as Step['kind'] })).code,
    ).toBe('invalid-value');
    expect(docErrorOf(() => doc.addStep({ roleId: roleId('gp'), batchSize: 0 })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.addStep({ roleId: roleId('gp'), id: 's1' })).code).toBe(
      'invalid-value',
    );
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('addNextStep', () => {
  it('given a step, when adding the next one, then a step in the same lane and a flow to it appear as ONE undo step', () => {
    const doc = sample();
    const { before, after, result } = expectTriple(doc, () =>
      doc.addNextStep(stepId('s4'), { label: 'Send letter' }),
    );
    expect(findStep(after, result.stepId)).toEqual({
      id: result.stepId,
      roleId: 'nurse',
      kind: 'task',
      label: 'Send letter',
    });
    expect(after.flows.at(-1)).toEqual({ id: result.flowId, from: 's4', to: result.stepId });
    expect(after.steps).toHaveLength(before.steps.length + 1);
    expect(after.flows).toHaveLength(before.flows.length + 1);
    // A single undo removes both the step and its flow.
    doc.undo();
    expect(doc.getSnapshot()).toEqual(before);
  });

  it('given another lane, then the new step goes there', () => {
    const doc = sample();
    const { stepId: id } = doc.addNextStep(stepId('s1'), { roleId: roleId('gp'), kind: 'end' });
    expect(findStep(doc.getSnapshot(), id)).toMatchObject({ roleId: 'gp', kind: 'end' });
  });

  it('refuses an unknown source step and a bad input without adding anything', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.addNextStep(stepId('zz'))).code).toBe('unknown-step');
    expect(docErrorOf(() => doc.addNextStep(stepId('s1'), { processTime: -3 })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.addNextStep(stepId('s1'), { roleId: roleId('zz') })).code).toBe(
      'unknown-role',
    );
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('insertStep', () => {
  it('given a flow, when a step is inserted on it, then the flow ends at the new step and a new flow leads on, as ONE undo step', () => {
    const doc = sample();
    const { before, after, result } = expectTriple(doc, () =>
      doc.insertStep(flowId('f5'), { label: 'Print letter' }),
    );
    expect(findStep(after, result.stepId)).toEqual({
      id: result.stepId,
      roleId: 'nurse',
      kind: 'task',
      label: 'Print letter',
    });
    expect(after.flows.find((f) => f.id === 'f5')).toEqual({
      id: 'f5',
      from: 's4',
      to: result.stepId,
    });
    expect(after.flows.find((f) => f.id === result.flowId)).toEqual({
      id: result.flowId,
      from: result.stepId,
      to: 's5',
    });
    expect(after.flows).toHaveLength(before.flows.length + 1);
  });

  it('given a decision branch, then its label and share stay on the flow leaving the decision, and the lane is the decision’s', () => {
    const doc = sample();
    const { stepId: id, flowId: onward } = doc.insertStep(flowId('f3'));
    const after = doc.getSnapshot();
    expect(after.flows.find((f) => f.id === 'f3')).toMatchObject({
      from: 's3',
      to: id,
      label: 'urgent',
      probability: 0.8,
    });
    const next = after.flows.find((f) => f.id === onward);
    expect(next).toEqual({ id: onward, from: id, to: 's4' });
    expect(findStep(after, id)?.roleId).toBe('gp');
  });

  it('given another lane, then the inserted step goes there', () => {
    const doc = sample();
    const { stepId: id } = doc.insertStep(flowId('f1'), { roleId: roleId('gp') });
    expect(findStep(doc.getSnapshot(), id)?.roleId).toBe('gp');
  });

  it('refuses an unknown flow and a bad input without changing anything', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.insertStep(flowId('zz'))).code).toBe('unknown-flow');
    expect(docErrorOf(() => doc.insertStep(flowId('f1'), { processTime: -1 })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.insertStep(flowId('f1'), { roleId: roleId('zz') })).code).toBe(
      'unknown-role',
    );
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('updateStep', () => {
  it('sets several fields as one undo step', () => {
    const doc = sample();
    const { after, before } = expectTriple(doc, () =>
      doc.updateStep(stepId('s3'), {
        label: 'Clinical triage',
        kind: 'task',
        processTime: 7.5,
        waitTime: 60,
        valueClass: 'value-adding',
        activity: 'approval',
        completeAccurate: 0.75,
        dataEntered: ['Priority'],
        systems: ['ERS', 'EMIS'],
        batchSize: 5,
        position: { x: 1, y: 2 },
        notes: 'Consultant reads each letter',
      }),
    );
    expect(findStep(after, 's3')).toEqual({
      id: 's3',
      roleId: 'gp',
      kind: 'task',
      label: 'Clinical triage',
      processTime: 7.5,
      waitTime: 60,
      valueClass: 'value-adding',
      activity: 'approval',
      completeAccurate: 0.75,
      dataEntered: ['Priority'],
      systems: ['ERS', 'EMIS'],
      batchSize: 5,
      position: { x: 1, y: 2 },
      notes: 'Consultant reads each letter',
    });
    expect(findStep(before, 's3')).toEqual(sampleFile().steps[2]);
  });

  it('clears optional fields given as undefined; kind and label cannot be cleared', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.updateStep(stepId('s2'), {
        processTime: undefined,
        waitTime: undefined,
        valueClass: undefined,
        dataEntered: undefined,
        systems: undefined,
        position: undefined,
        kind: undefined,
        label: undefined,
      }),
    );
    expect(findStep(after, 's2')).toEqual({
      id: 's2',
      roleId: 'clerk',
      kind: 'task',
      label: 'Register referral',
    });
  });

  it('leaves fields not named in the patch alone', () => {
    const doc = sample();
    const before = findStep(doc.getSnapshot(), 's2');
    doc.updateStep(stepId('s2'), { notes: 'n' });
    expect(findStep(doc.getSnapshot(), 's2')).toEqual({ ...before, notes: 'n' });
  });

  it.each<[string, StepPatch]>([
    ['completeAccurate 1.5', { completeAccurate: 1.5 }],
    ['completeAccurate -0.1', { completeAccurate: -0.1 }],
    ['processTime -1', { processTime: -1 }],
    ['waitTime NaN', { waitTime: Number.NaN }],
    ['batchSize 0', { batchSize: 0 }],
    ['unknown kind', { kind: 'milestone' as Step['kind'] }],
    ['a comment kind as step kind', { kind: 'idea' as Step['kind'] }],
    ['unknown valueClass', { valueClass: 'nice' as Step['valueClass'] }],
    ['unknown activity', { activity: 'lunch' as Step['activity'] }],
    ['label not text', { label: 42 as unknown as string }],
    ['systems not text', { systems: [1] as unknown as string[] }],
    ['position without y', { position: { x: 1 } as unknown as Step['position'] }],
    ['valid label with invalid processTime', { label: 'fine', processTime: -1 }],
  ])('refuses %s with invalid-value and leaves the doc unchanged', (_name, patch) => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.updateStep(stepId('s2'), patch)).code).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('refuses an unknown step', () => {
    const doc = sample();
    expect(docErrorOf(() => doc.updateStep(stepId('zz'), { label: 'x' })).code).toBe(
      'unknown-step',
    );
  });

  it('ignores roleId and id smuggled into a patch: the lane changes only through moveStepToRole', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    doc.updateStep(stepId('s2'), { roleId: 'gp', id: 'other' } as unknown as StepPatch);
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('moveStepToRole', () => {
  it('reassigns the lane, and the position when given, as one undo step', () => {
    const doc = sample();
    const { after, before } = expectTriple(doc, () =>
      doc.moveStepToRole(stepId('s2'), roleId('gp'), { x: 300, y: 210 }),
    );
    expect(findStep(after, 's2')).toEqual({
      ...findStep(before, 's2'),
      roleId: 'gp',
      position: { x: 300, y: 210 },
    });
  });

  it('without a position keeps the old one', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.moveStepToRole(stepId('s2'), roleId('nurse')));
    expect(findStep(after, 's2')).toMatchObject({ roleId: 'nurse', position: { x: 120, y: 40 } });
  });

  it('refuses an unknown role or step, or a bad position, changing nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.moveStepToRole(stepId('s2'), roleId('zz'))).code).toBe(
      'unknown-role',
    );
    expect(docErrorOf(() => doc.moveStepToRole(stepId('zz'), roleId('gp'))).code).toBe(
      'unknown-step',
    );
    expect(
      docErrorOf(() => doc.moveStepToRole(stepId('s2'), roleId('gp'), { x: Number.NaN, y: 0 }))
        .code,
    ).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('moveStep / moveSteps', () => {
  it('moveStep sets one position', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.moveStep(stepId('s1'), { x: 5, y: 6 }));
    expect(findStep(after, 's1')?.position).toEqual({ x: 5, y: 6 });
  });

  it('moveSteps sets several positions as one undo step', () => {
    const doc = sample();
    const { after, before } = expectTriple(doc, () =>
      doc.moveSteps([
        { id: stepId('s1'), position: { x: 0, y: 0 } },
        { id: stepId('s2'), position: { x: 200, y: 0 } },
        { id: stepId('s3'), position: { x: 400, y: 100 } },
      ]),
    );
    expect(after.steps.map((s) => s.position)).toEqual([
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 400, y: 100 },
      undefined,
      undefined,
    ]);
    // Steps that did not move keep their objects.
    expect(after.steps[3]).toBe(before.steps[3]);
  });

  it('moveSteps moves steps into other lanes with their positions, as one undo step', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.moveSteps([
        { id: stepId('s1'), position: { x: 10, y: 0 }, roleId: roleId('nurse') },
        { id: stepId('s2'), position: { x: 300, y: 0 } },
      ]),
    );
    expect(findStep(after, 's1')).toMatchObject({ roleId: 'nurse', position: { x: 10, y: 0 } });
    expect(findStep(after, 's2')).toMatchObject({ roleId: 'clerk', position: { x: 300, y: 0 } });
  });

  it('moveSteps into an unknown lane changes nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    const error = docErrorOf(() =>
      doc.moveSteps([
        { id: stepId('s1'), position: { x: 10, y: 0 } },
        { id: stepId('s2'), position: { x: 20, y: 0 }, roleId: roleId('ghost') },
      ]),
    );
    expect(error.code).toBe('unknown-role');
    expect(doc.getSnapshot()).toBe(before);
  });

  it('refuses the whole move when one step is unknown or one position invalid', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(
      docErrorOf(() =>
        doc.moveSteps([
          { id: stepId('s1'), position: { x: 1, y: 1 } },
          { id: stepId('zz'), position: { x: 2, y: 2 } },
        ]),
      ).code,
    ).toBe('unknown-step');
    expect(
      docErrorOf(() =>
        doc.moveSteps([
          { id: stepId('s1'), position: { x: 1, y: 1 } },
          { id: stepId('s2'), position: { x: Infinity, y: 2 } },
        ]),
      ).code,
    ).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('deleteSteps', () => {
  it('deletes the steps and the flows touching them, keeping the comments on both; undo restores all', () => {
    const doc = sample();
    const { after, before, result } = expectTriple(
      doc,
      () => doc.deleteSteps([stepId('s2'), stepId('s5')]),
      { sameOrder: false },
    );
    expect(result).toEqual({ steps: ['s2', 's5'], flows: ['f1', 'f2', 'f4', 'f5'], bridged: [] });
    expect(after.steps.map((s) => s.id)).toEqual(['s1', 's3', 's4']);
    expect(after.flows.map((f) => f.id)).toEqual(['f3']);
    // The comments on s2 and f4 stay, unchanged and pointing at nothing: never lost.
    expect(after.comments).toBe(before.comments);
    expect(after.comments?.map((c) => [c.id, c.targetId])).toEqual([
      ['c1', 's2'],
      ['c2', 'f4'],
      ['c3', undefined],
    ]);
  });

  it('leaves comments on deleted steps orphaned: shown on the map by normalize, back on undo', () => {
    const doc = sample();
    doc.deleteSteps([stepId('s2')]);
    const view = normalize(doc.getSnapshot());
    expect(view.repairs.find((r) => r.code === 'orphan-comment')?.ids).toEqual(['c1', 'c2']);
    expect(view.map.comments?.map((c) => c.targetId)).toEqual([undefined, undefined, undefined]);
    expect(view.map.comments?.[0]).toMatchObject({ text: 'Letters wait for the weekly batch' });
    doc.undo();
    expect(normalize(doc.getSnapshot()).repairs).toEqual([]);
    expect(doc.getSnapshot().comments?.map((c) => c.targetId)).toEqual(['s2', 'f4', undefined]);
  });

  it('lists a step named twice once', () => {
    const doc = sample();
    const result = doc.deleteSteps([stepId('s5'), stepId('s5')]);
    expect(result.steps).toEqual(['s5']);
    expect(doc.getSnapshot().steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('refuses an empty list or an unknown step, deleting nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.deleteSteps([])).code).toBe('invalid-value');
    expect(docErrorOf(() => doc.deleteSteps([stepId('s1'), stepId('zz')])).code).toBe(
      'unknown-step',
    );
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('deleteSteps with bridge', () => {
  type Id = ReturnType<MapDoc['addStep']>;
  const chain = (...labels: string[]) => {
    const doc = newDoc('alice', { file: sampleFile() });
    const ids = labels.map((label) => doc.addStep({ roleId: roleId('gp'), label }));
    for (let i = 1; i < ids.length; i++) doc.connect(ids[i - 1]!, ids[i]!);
    return { doc, ids };
  };
  const links = (map: ProcessMap, ids: readonly string[]) =>
    map.flows
      .filter((f) => ids.includes(f.from) || ids.includes(f.to))
      .map((f) => `${f.from}>${f.to}`)
      .sort();

  it('rejoins the chain around a deleted middle step, keeping the flow in (its label and share); one undo step', () => {
    const doc = sample();
    const { after, result } = expectTriple(
      doc,
      () => doc.deleteSteps([stepId('s4')], { bridge: true }),
      { sameOrder: false },
    );
    expect(result.flows).toEqual(['f3', 'f5']);
    expect(result.bridged).toHaveLength(1);
    const bridge = after.flows.find((f) => f.id === result.bridged[0]);
    expect(bridge).toEqual({
      id: result.bridged[0],
      from: 's3',
      to: 's5',
      label: 'urgent',
      probability: 0.8,
    });
    expect(normalize(after).repairs).toEqual([]);
  });

  it('rejoins around a run of deleted steps, and not twice when the ends are already joined', () => {
    const { doc, ids } = chain('a', 'b', 'c', 'd');
    const [a, b, c, d] = ids as [Id, Id, Id, Id];
    const result = doc.deleteSteps([c, b], { bridge: true });
    expect(result.bridged).toHaveLength(1);
    expect(links(doc.getSnapshot(), ids)).toEqual([`${a}>${d}`]);
    doc.undo();
    expect(links(doc.getSnapshot(), ids)).toEqual([`${a}>${b}`, `${b}>${c}`, `${c}>${d}`].sort());

    doc.connect(a, c);
    const again = doc.deleteSteps([b], { bridge: true });
    expect(again.bridged).toEqual([]);
    expect(links(doc.getSnapshot(), ids)).toEqual([`${a}>${c}`, `${c}>${d}`].sort());
  });

  it('leaves alone what has no one way in and one way out: loops back, starts, ends, branches', () => {
    for (const id of ['s2', 's1', 's5']) {
      const doc = sample();
      // s2 is entered from s1 and from s3 (a rework loop); s1 has no way in; s5 no way out.
      expect(doc.deleteSteps([stepId(id)], { bridge: true }).bridged).toEqual([]);
    }
    const doc = sample();
    // s3 branches to s4 and back to s2: no single way out.
    expect(doc.deleteSteps([stepId('s3')], { bridge: true }).bridged).toEqual([]);
  });

  it('rejoins each separate run on its own', () => {
    const { doc, ids } = chain('a', 'b', 'c', 'd', 'e');
    const [a, b, c, d, e] = ids as [Id, Id, Id, Id, Id];
    const result = doc.deleteSteps([b, d], { bridge: true });
    expect(result.bridged).toHaveLength(2);
    expect(links(doc.getSnapshot(), ids)).toEqual([`${a}>${c}`, `${c}>${e}`].sort());
  });

  it('does not rejoin without being asked', () => {
    const doc = sample();
    expect(doc.deleteSteps([stepId('s4')]).bridged).toEqual([]);
    expect(doc.getSnapshot().flows.map((f) => f.id)).toEqual(['f1', 'f2', 'f4']);
  });
});

describe('applyLayout', () => {
  it('moves many steps as one undo step', () => {
    const doc = sample();
    const positions = sampleFile().steps.map((s, i) => ({
      id: s.id,
      position: { x: i * 100, y: 0 },
    }));
    const { after } = expectTriple(doc, () => doc.applyLayout(positions));
    expect(after.steps.map((s) => s.position)).toEqual(positions.map((p) => p.position));
  });

  it('is undone in turn with the user own edits, newest first', () => {
    const doc = sample();
    doc.updateStep(stepId('s1'), { label: 'Edited' });
    doc.applyLayout([{ id: stepId('s1'), position: { x: 9, y: 9 } }]);
    doc.undo();
    expect(findStep(doc.getSnapshot(), 's1')).toMatchObject({ label: 'Edited' });
    expect(findStep(doc.getSnapshot(), 's1')?.position).toBeUndefined();
    doc.undo();
    expect(findStep(doc.getSnapshot(), 's1')?.label).toBe('Letter arrives');
  });

  it('refuses an unknown step, changing nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(
      docErrorOf(() => doc.applyLayout([{ id: stepId('zz'), position: { x: 0, y: 0 } }])).code,
    ).toBe('unknown-step');
    expect(doc.getSnapshot()).toBe(before);
  });
});
