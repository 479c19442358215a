import { MAX_LABEL_LENGTH } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocError } from './errors';
import { MapDoc } from './map-doc';

describe('names are capped as the file format caps them', () => {
  const doc = () => new MapDoc(new Y.Doc(), { actor: 'ann' });

  it('takes a step label of exactly the cap and refuses a longer one, saying how long', () => {
    const d = doc();
    const lane = d.addRole({ name: 'Clerk' });
    const step = d.addStep({ roleId: lane, kind: 'task', label: 'x'.repeat(MAX_LABEL_LENGTH) });
    expect(d.getSnapshot().steps[0]?.label.length).toBe(MAX_LABEL_LENGTH);
    const tooLong = 'y'.repeat(5000);
    expect(() => d.updateStep(step, { label: tooLong })).toThrow(DocError);
    expect(() => d.updateStep(step, { label: tooLong })).toThrow(
      'label must be text of at most 500 characters, got 5,000 characters',
    );
    expect(() => d.addStep({ roleId: lane, kind: 'task', label: tooLong })).toThrow(DocError);
    expect(d.getSnapshot().steps).toHaveLength(1);
  });

  it('caps lane names, flow labels and the title too', () => {
    const d = doc();
    const long = 'z'.repeat(MAX_LABEL_LENGTH + 1);
    const lane = d.addRole({ name: 'Clerk' });
    expect(() => d.renameRole(lane, long)).toThrow(DocError);
    const a = d.addStep({ roleId: lane, kind: 'task', label: 'a' });
    const b = d.addStep({ roleId: lane, kind: 'task', label: 'b' });
    const flow = d.connect(a, b);
    expect(() => d.updateFlow(flow, { label: long })).toThrow(DocError);
    expect(() => d.updateMeta({ title: long })).toThrow(DocError);
    expect(d.getSnapshot().roles[0]?.name).toBe('Clerk');
  });
});
