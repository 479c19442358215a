import { type Comment, commentId, type ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  docErrorOf,
  expectTriple,
  FIXED_NOW,
  newDoc,
  sampleFile,
  steppingClock,
} from '../test-helpers';

const findComment = (map: ProcessMap, id: string): Comment | undefined =>
  map.comments?.find((c) => c.id === id);
const sample = () => newDoc('alice', { file: sampleFile() });

describe('addComment', () => {
  it('adds a comment on a step with createdAt from the injected clock, unresolved, no replies', () => {
    const doc = sample();
    const { after, result } = expectTriple(doc, () =>
      doc.addComment({
        targetId: 's3',
        kind: 'pain-point',
        waste: 'defects',
        author: 'Analyst',
        text: 'Half the letters bounce',
      }),
    );
    expect(result).toMatch(/^c_/);
    expect(findComment(after, result)).toEqual({
      id: result,
      targetId: 's3',
      kind: 'pain-point',
      waste: 'defects',
      author: 'Analyst',
      text: 'Half the letters bounce',
      createdAt: FIXED_NOW.toISOString(),
      resolved: false,
      replies: [],
    });
  });

  it('adds comments on a flow and on the whole map', () => {
    const doc = newDoc('alice', { file: sampleFile(), now: steppingClock() });
    const onFlow = doc.addComment({ targetId: 'f1', kind: 'idea', author: 'A', text: 'x' });
    const onMap = doc.addComment({ kind: 'note', author: 'A', text: 'y' });
    const snap = doc.getSnapshot();
    expect(findComment(snap, onFlow)?.targetId).toBe('f1');
    expect(findComment(snap, onMap)).not.toHaveProperty('targetId');
    expect(findComment(snap, onFlow)?.createdAt).toBe('2026-11-20T10:00:00.000Z');
    expect(findComment(snap, onMap)?.createdAt).toBe('2026-11-20T10:01:00.000Z');
  });

  it('on an empty map, the first comment makes the comments list appear', () => {
    const doc = newDoc();
    const { before, after } = expectTriple(doc, () =>
      doc.addComment({ kind: 'question', author: 'A', text: 'Who owns this?' }),
    );
    expect(before).not.toHaveProperty('comments');
    expect(after.comments).toHaveLength(1);
  });

  it('refuses an unknown target, an unknown kind or waste, and a taken id', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    const base = { kind: 'note', author: 'A', text: 't' } as const;
    expect(docErrorOf(() => doc.addComment({ ...base, targetId: 'zz' })).code).toBe('unknown-step');
    expect(docErrorOf(() => doc.addComment({ ...base, kind: 'task' as 'note' })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.addComment({ ...base, waste: 'boredom' as 'motion' })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.addComment({ ...base, id: 'c1' })).code).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('updateComment', () => {
  it('resolves a comment and edits its text', () => {
    const doc = sample();
    const { after, before } = expectTriple(doc, () =>
      doc.updateComment(commentId('c1'), { resolved: true, text: 'Fixed by daily post run' }),
    );
    expect(findComment(after, 'c1')).toEqual({
      ...findComment(before, 'c1'),
      resolved: true,
      text: 'Fixed by daily post run',
    });
  });

  it('clears the waste with undefined; kind and text cannot be cleared', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () =>
      doc.updateComment(commentId('c1'), { waste: undefined, kind: undefined, text: undefined }),
    );
    const c1 = findComment(after, 'c1');
    expect(c1).not.toHaveProperty('waste');
    expect(c1).toMatchObject({ kind: 'pain-point', text: 'Letters wait for the weekly batch' });
  });

  it('changes the kind', () => {
    const doc = sample();
    const { after } = expectTriple(doc, () => doc.updateComment(commentId('c2'), { kind: 'idea' }));
    expect(findComment(after, 'c2')?.kind).toBe('idea');
  });

  it('refuses bad values and unknown comments, changing nothing', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(
      docErrorOf(() => doc.updateComment(commentId('c1'), { kind: 'start' as 'note' })).code,
    ).toBe('invalid-value');
    expect(
      docErrorOf(() =>
        doc.updateComment(commentId('c1'), { resolved: 'yes' as unknown as boolean }),
      ).code,
    ).toBe('invalid-value');
    expect(docErrorOf(() => doc.updateComment(commentId('zz'), { text: 'x' })).code).toBe(
      'unknown-comment',
    );
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('addReply', () => {
  it('appends a reply stamped by the injected clock; undo removes only that reply', () => {
    const doc = newDoc('alice', { file: sampleFile(), now: steppingClock() });
    const { after, before } = expectTriple(doc, () =>
      doc.addReply(commentId('c1'), { author: 'GP', text: 'We could scan them' }),
    );
    expect(findComment(after, 'c1')?.replies).toEqual([
      ...(findComment(before, 'c1')?.replies ?? []),
      { author: 'GP', text: 'We could scan them', createdAt: '2026-11-20T10:00:00.000Z' },
    ]);
    // Other comments keep their objects.
    expect(findComment(after, 'c2')).toBe(findComment(before, 'c2'));
  });

  it('adds the first reply to a new comment, then a second in order', () => {
    const doc = newDoc('alice', { now: steppingClock() });
    const id = doc.addComment({ kind: 'question', author: 'A', text: 'Why?' });
    doc.addReply(id, { author: 'B', text: 'Because' });
    doc.addReply(id, { author: 'A', text: 'Thanks' });
    expect(findComment(doc.getSnapshot(), id)?.replies).toEqual([
      { author: 'B', text: 'Because', createdAt: '2026-11-20T10:01:00.000Z' },
      { author: 'A', text: 'Thanks', createdAt: '2026-11-20T10:02:00.000Z' },
    ]);
    doc.undo();
    expect(findComment(doc.getSnapshot(), id)?.replies).toHaveLength(1);
  });

  it('refuses an unknown comment and a reply without text', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.addReply(commentId('zz'), { author: 'A', text: 't' })).code).toBe(
      'unknown-comment',
    );
    expect(
      docErrorOf(() => doc.addReply(commentId('c1'), { author: 'A', text: 7 as unknown as string }))
        .code,
    ).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
  });
});

describe('deleteComment', () => {
  it('deletes a comment with its replies; undo brings it back', () => {
    const doc = sample();
    const { after, before } = expectTriple(doc, () => doc.deleteComment(commentId('c1')), {
      sameOrder: false,
    });
    expect(after.comments?.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(after.steps).toBe(before.steps);
    doc.undo();
    expect(findComment(doc.getSnapshot(), 'c1')).toEqual(findComment(before, 'c1'));
  });

  it('deleting the last comment removes the comments list from the snapshot', () => {
    const doc = newDoc();
    const id = doc.addComment({ kind: 'note', author: 'A', text: 't' });
    doc.deleteComment(id);
    expect(doc.getSnapshot()).not.toHaveProperty('comments');
  });

  it('refuses an unknown comment', () => {
    const doc = sample();
    expect(docErrorOf(() => doc.deleteComment(commentId('zz'))).code).toBe('unknown-comment');
  });
});
