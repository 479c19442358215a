import { flowId, normalize, type ProcessMap, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { docErrorOf, expectTriple, newDoc, sampleFile } from '../test-helpers';

const findFlow = (map: ProcessMap, id: string) => map.flows.find((f) => f.id === id);
const sample = () => newDoc('alice', { file: sampleFile() });

describe('connect', () => {
  it('given two unconnected steps, when connected, then a flow appears; undo removes it; redo restores it', () => {
    const doc = sample();
    const { after, before, result } = expectTriple(doc, () =>
      doc.connect(stepId('s1'), stepId('s5')),
    );
    expect(result).toMatch(/^f_/);
    expect(after.flows).toEqual([...before.flows, { id: result, from: 's1', to: 's5' }]);
  });

  it('keeps an explicit id, label and probability', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.connect(stepId('s3'), stepId('s5'), { id: 'reject', label: 'routine', probability: 0 }),
    );
    expect(findFlow(after, 'reject')).toEqual({
      id: 'reject',
      from: 's3',
      to: 's5',
      label: 'routine',
      probability: 0,
    });
  });

  it('allows the reverse direction and a loop back to the same step', () => {
    const doc = sample();
    doc.connect(stepId('s2'), stepId('s1'));
    doc.connect(stepId('s4'), stepId('s4'));
    expect(doc.getSnapshot().flows).toHaveLength(7);
  });

  it('refuses a second flow between the same two steps with flow-exists, changing nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    const error = docErrorOf(() => doc.connect(stepId('s1'), stepId('s2')));
    expect(error.code).toBe('flow-exists');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('refuses an unknown step at either end, a bad probability and a taken id', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.connect(stepId('zz'), stepId('s1'))).code).toBe('unknown-step');
    expect(docErrorOf(() => doc.connect(stepId('s1'), stepId('zz'))).code).toBe('unknown-step');
    expect(
      docErrorOf(() => doc.connect(stepId('s1'), stepId('s5'), { probability: 1.2 })).code,
    ).toBe('invalid-value');
    expect(docErrorOf(() => doc.connect(stepId('s1'), stepId('s5'), { id: 'f1' })).code).toBe(
      'invalid-value',
    );
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('disconnect', () => {
  it('removes the flow, keeping the comments on it; undo brings the flow back', () => {
    const doc = sample();
    const { after, before } = expectTriple(doc, () => doc.disconnect(flowId('f4')), {
      sameOrder: false,
    });
    expect(findFlow(after, 'f4')).toBeUndefined();
    expect(after.comments).toBe(before.comments);
    expect(after.comments?.find((c) => c.id === 'c2')?.targetId).toBe('f4');
    expect(after.steps).toBe(before.steps);
    const view = normalize(after);
    expect(view.repairs.find((r) => r.code === 'orphan-comment')?.ids).toEqual(['c2']);
  });

  it('refuses an unknown flow', () => {
    const doc = sample();
    expect(docErrorOf(() => doc.disconnect(flowId('zz'))).code).toBe('unknown-flow');
  });
});

describe('relabelFlow', () => {
  it('sets a label', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.relabelFlow(flowId('f2'), 'checked'));
    expect(findFlow(after, 'f2')).toEqual({ id: 'f2', from: 's2', to: 's3', label: 'checked' });
  });

  it('clears a label with undefined', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.relabelFlow(flowId('f3'), undefined));
    expect(findFlow(after, 'f3')).toEqual({ id: 'f3', from: 's3', to: 's4', probability: 0.8 });
  });
});

describe('updateFlow', () => {
  it('sets a probability, keeping the label', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.updateFlow(flowId('f3'), { probability: 0.65 }));
    expect(findFlow(after, 'f3')).toEqual({
      id: 'f3',
      from: 's3',
      to: 's4',
      label: 'urgent',
      probability: 0.65,
    });
  });

  it('clears a probability with undefined', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.updateFlow(flowId('f4'), { probability: undefined }),
    );
    expect(findFlow(after, 'f4')).toEqual({ id: 'f4', from: 's3', to: 's2', label: 'incomplete' });
  });

  it('ignores fields other than label and probability', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    doc.updateFlow(flowId('f1'), { from: 's5' } as never);
    expect(doc.getSnapshot()).toBe(before);
  });

  it('refuses probabilities outside 0..1 and unknown flows, changing nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.updateFlow(flowId('f3'), { probability: -0.1 })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.updateFlow(flowId('f3'), { probability: 1.01 })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.updateFlow(flowId('zz'), { probability: 0.5 })).code).toBe(
      'unknown-flow',
    );
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});
