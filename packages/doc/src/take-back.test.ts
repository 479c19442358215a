import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapDoc } from './map-doc';

describe('taking back a step whose naming was cancelled', () => {
  it('removes the step just added and leaves nothing to redo', () => {
    const doc = new MapDoc(new Y.Doc(), { actor: 'ann' });
    const lane = doc.addRole({ name: 'Clerk' });
    const first = doc.addStep({ roleId: lane, kind: 'task', label: 'Receive form' });
    const { stepId } = doc.addNextStep(first, { label: '' });
    const mark = doc.editMark();
    expect(doc.getSnapshot().steps.map((s) => s.id)).toContain(stepId);
    expect(doc.takeBack(mark)).toBe(true);
    expect(doc.getSnapshot().steps.map((s) => s.id)).toEqual([first]);
    expect(doc.getSnapshot().flows).toEqual([]);
    expect(doc.canRedo()).toBe(false);
  });

  it('does nothing once another edit of this user came after it', () => {
    const doc = new MapDoc(new Y.Doc(), { actor: 'ann' });
    const lane = doc.addRole({ name: 'Clerk' });
    const step = doc.addStep({ roleId: lane, kind: 'task', label: '' });
    const mark = doc.editMark();
    doc.renameRole(lane, 'Ward clerk');
    expect(doc.takeBack(mark)).toBe(false);
    expect(doc.getSnapshot().steps.map((s) => s.id)).toEqual([step]);
    expect(doc.takeBack(null)).toBe(false);
  });
});
