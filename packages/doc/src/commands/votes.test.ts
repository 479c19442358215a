import {
  type Comment,
  commentId,
  normalize,
  type ProcessMap,
  validateMap,
  votesOf,
} from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapDoc } from '../map-doc';
import {
  comment,
  docErrorOf,
  expectTriple,
  newDoc,
  sampleFile,
  syncDocs,
  twoPeers,
} from '../test-helpers';

const findComment = (map: ProcessMap, id: string): Comment | undefined =>
  map.comments?.find((c) => c.id === id);
const sample = () => newDoc('alice', { file: sampleFile() });
const c1 = commentId('c1'); // a pain point on s2
const c2 = commentId('c2'); // a question on f4
const c3 = commentId('c3'); // an idea on the map

/** The sample with votes already placed by ana (2 on c1) and bo (1 on c1, 1 on c3). */
function votedFile(): ProcessMap {
  const file = sampleFile();
  return {
    ...file,
    comments: (file.comments ?? []).map((c) =>
      c.id === 'c1'
        ? { ...c, votes: { ana: 2, bo: 1 } }
        : c.id === 'c3'
          ? { ...c, votes: { bo: 1 } }
          : c,
    ),
  };
}

describe('vote', () => {
  it('places a vote on a pain point: do, undo, redo; the voter has one vote fewer', () => {
    const doc = sample();
    expect(doc.votesLeft('ana')).toBe(3);
    const { before, after, result } = expectTriple(doc, () => doc.vote(c1, 'ana', 1));
    expect(result).toBe(1);
    expect(findComment(after, 'c1')).toEqual({ ...findComment(before, 'c1'), votes: { ana: 1 } });
    expect(findComment(after, 'c2')).toBe(findComment(before, 'c2'));
    expect(doc.votesLeft('ana')).toBe(2);
    expect(doc.votesLeft('bo')).toBe(3);
  });

  it('places several votes on one comment and on an idea, up to the default 3', () => {
    const doc = sample();
    doc.vote(c1, 'ana', 1);
    const { result } = expectTriple(doc, () => doc.vote(c1, 'ana', 1));
    expect(result).toBe(2);
    expectTriple(doc, () => doc.vote(c3, 'ana', 1));
    doc.vote(c1, 'bo', 1);
    const snap = doc.getSnapshot();
    expect(findComment(snap, 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
    expect(findComment(snap, 'c3')?.votes).toEqual({ ana: 1 });
    expect(votesOf(findComment(snap, 'c1')!)).toBe(3);
    expect(doc.votesLeft('ana')).toBe(0);
  });

  it('refuses a vote beyond the allowance with no-votes-left and a clear message, changing nothing', () => {
    const doc = sample();
    doc.vote(c1, 'ana', 1);
    doc.vote(c1, 'ana', 1);
    doc.vote(c3, 'ana', 1);
    const before = doc.getSnapshot();
    const depth = doc.undoManager.undoStack.length;
    const error = docErrorOf(() => doc.vote(c3, 'ana', 1));
    expect(error.code).toBe('no-votes-left');
    expect(error.message).toBe(
      'You have used all 3 of your votes: take one back from another comment first',
    );
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.undoManager.undoStack.length).toBe(depth);
    // Someone else still votes.
    expect(doc.vote(c3, 'bo', 1)).toBe(1);
  });

  it('follows settings.votesPerPerson: a larger allowance, and 0 turns voting off', () => {
    const doc = sample();
    doc.updateSettings({ votesPerPerson: 1 });
    doc.vote(c1, 'ana', 1);
    expect(docErrorOf(() => doc.vote(c3, 'ana', 1)).code).toBe('no-votes-left');
    doc.updateSettings({ votesPerPerson: 5 });
    expect(doc.votesLeft('ana')).toBe(4);
    doc.updateSettings({ votesPerPerson: 0 });
    expect(doc.votesLeft('ana')).toBe(0);
    expect(docErrorOf(() => doc.vote(c3, 'bo', 1)).message).toMatch(/Voting is off/);
    doc.updateSettings({ votesPerPerson: undefined });
    expect(doc.votesLeft('bo')).toBe(3);
  });

  it('refuses an allowance that is not a whole number from 0 to 99', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    for (const votesPerPerson of [100, -1, 2.5, Number.NaN]) {
      expect(docErrorOf(() => doc.updateSettings({ votesPerPerson })).code).toBe('invalid-value');
    }
    expect(doc.getSnapshot()).toBe(before);
  });

  it('takes a vote back: do, undo, redo; the last one removes the voter, then the votes field', () => {
    const doc = newDoc('alice', { file: votedFile() });
    const first = expectTriple(doc, () => doc.vote(c1, 'ana', -1));
    expect(first.result).toBe(1);
    expect(findComment(first.after, 'c1')?.votes).toEqual({ ana: 1, bo: 1 });
    doc.vote(c1, 'ana', -1);
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ bo: 1 });
    const last = expectTriple(doc, () => doc.vote(c1, 'bo', -1));
    expect(last.result).toBe(0);
    expect(findComment(last.after, 'c1')).not.toHaveProperty('votes');
    expect(doc.votesLeft('bo')).toBe(2);
  });

  it('refuses to go below 0', () => {
    const doc = newDoc('alice', { file: votedFile() });
    const before = doc.getSnapshot();
    const error = docErrorOf(() => doc.vote(c3, 'ana', -1));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toMatch(/no vote of yours/);
    expect(docErrorOf(() => doc.vote(c2, 'ana', -1)).code).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('refuses notes and questions, unknown comments, a missing voter and a bad delta', () => {
    const doc = sample();
    const note = doc.addComment({ kind: 'note', author: 'A', text: 'FYI' });
    const before = doc.getSnapshot();
    const depth = doc.undoManager.undoStack.length;
    const question = docErrorOf(() => doc.vote(c2, 'ana', 1));
    expect(question.code).toBe('invalid-value');
    expect(question.message).toBe(
      'Only pain points and ideas take votes; this comment is a question',
    );
    expect(docErrorOf(() => doc.vote(note, 'ana', 1)).code).toBe('invalid-value');
    expect(docErrorOf(() => doc.vote(commentId('zz'), 'ana', 1)).code).toBe('unknown-comment');
    expect(docErrorOf(() => doc.vote(c1, '', 1)).code).toBe('invalid-value');
    expect(docErrorOf(() => doc.vote(c1, 'ana', 2 as 1)).code).toBe('invalid-value');
    expect(docErrorOf(() => doc.vote(c1, 'ana', 0 as 1)).code).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.undoManager.undoStack.length).toBe(depth);
  });

  it('keeps the votes of a pain point turned into a note; they count and can be taken back', () => {
    const doc = newDoc('alice', { file: votedFile() });
    doc.updateComment(c1, { kind: 'note' });
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
    expect(doc.votesLeft('ana')).toBe(1);
    expect(docErrorOf(() => doc.vote(c1, 'ana', 1)).code).toBe('invalid-value');
    expect(doc.vote(c1, 'ana', -1)).toBe(1);
  });

  it('counts votes on a comment whose step was deleted (it is kept, orphaned)', () => {
    const doc = newDoc('alice', { file: votedFile() });
    doc.deleteSteps([sampleFile().steps[1]!.id]);
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
    expect(doc.votesLeft('ana')).toBe(1);
    doc.undo();
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
  });

  it('is not replaced by a comment patch or an add input that carries votes', () => {
    const doc = newDoc('alice', { file: votedFile() });
    doc.updateComment(c1, { text: 'Edited', votes: { zed: 9 } } as never);
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
    const id = doc.addComment({ kind: 'idea', author: 'A', text: 'x', votes: { zed: 9 } } as never);
    expect(findComment(doc.getSnapshot(), id)).not.toHaveProperty('votes');
    expect(doc.vote(id, 'zed', 1)).toBe(1);
  });
});

describe('resetVotes', () => {
  it('clears every comment votes as one edit: do, undo, redo', () => {
    const doc = newDoc('alice', { file: votedFile() });
    doc.vote(c3, 'cy', 1);
    const { before, after, result } = expectTriple(doc, () => doc.resetVotes());
    expect(result).toBe(5);
    expect(after.comments?.every((c) => c.votes === undefined)).toBe(true);
    expect(findComment(before, 'c3')?.votes).toEqual({ bo: 1, cy: 1 });
    expect(doc.votesLeft('ana')).toBe(3);
    doc.undo();
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
    expect(doc.votesLeft('ana')).toBe(1);
  });

  it('with no votes anywhere, clears nothing and adds no undo step', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    expect(doc.resetVotes()).toBe(0);
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('after a reset, new votes land in the same shared map', () => {
    const { a, b } = twoPeers(votedFile());
    a.resetVotes();
    syncDocs(a, b);
    a.vote(c1, 'ana', 1);
    b.vote(c1, 'bo', 1);
    syncDocs(a, b);
    expect(findComment(a.getSnapshot(), 'c1')?.votes).toEqual({ ana: 1, bo: 1 });
    expect(a.getSnapshot()).toEqual(b.getSnapshot());
  });
});

describe('votes in the shared document', () => {
  it('two people voting at once on a new comment both count', () => {
    const { a, b } = twoPeers(sampleFile());
    const id = a.addComment({ targetId: 's3', kind: 'idea', author: 'A', text: 'Daily triage' });
    syncDocs(a, b);
    a.vote(id, 'ana', 1);
    a.vote(id, 'ana', 1);
    b.vote(id, 'bo', 1);
    syncDocs(a, b);
    expect(findComment(a.getSnapshot(), id)?.votes).toEqual({ ana: 2, bo: 1 });
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('every replica writes the votes in the same order, whatever order they arrived in', () => {
    const { a, b } = twoPeers(sampleFile());
    a.vote(c1, 'zoe', 1);
    b.vote(c1, 'ana', 1);
    syncDocs(a, b);
    expect(Object.keys(findComment(a.getSnapshot(), 'c1')?.votes ?? {})).toEqual(['ana', 'zoe']);
    expect(JSON.stringify(a.exportFile())).toBe(JSON.stringify(b.exportFile()));
  });

  it('two people voting at once on an imported comment without votes both count', () => {
    const { a, b } = twoPeers(sampleFile());
    a.vote(c3, 'ana', 1);
    b.vote(c3, 'bo', 1);
    syncDocs(a, b);
    expect(findComment(b.getSnapshot(), 'c3')?.votes).toEqual({ ana: 1, bo: 1 });
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('a vote and a concurrent reset: the reset clears what it saw, the new vote stays', () => {
    const { a, b } = twoPeers(votedFile());
    a.resetVotes();
    b.vote(c3, 'cy', 1);
    syncDocs(a, b);
    expect(findComment(a.getSnapshot(), 'c1')).not.toHaveProperty('votes');
    expect(findComment(a.getSnapshot(), 'c3')?.votes).toEqual({ cy: 1 });
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('undo of a vote takes back only this person vote, not a colleague one on the same comment', () => {
    const { a, b } = twoPeers(sampleFile());
    a.vote(c1, 'ana', 1);
    b.vote(c1, 'bo', 1);
    syncDocs(a, b);
    a.undo();
    syncDocs(a, b);
    expect(findComment(b.getSnapshot(), 'c1')?.votes).toEqual({ bo: 1 });
  });

  it('imports a file with votes as a nested Y.Map per comment and exports them as plain objects', () => {
    const file = votedFile();
    const doc = MapDoc.fromFile(file);
    const record = doc.maps.comments.get('c1')!;
    expect(record.get('votes')).toBeInstanceOf(Y.Map);
    expect((record.get('votes') as Y.Map<number>).toJSON()).toEqual({ ana: 2, bo: 1 });
    // A comment without votes gets its (empty) map too, so first votes cast at once both count.
    expect(doc.maps.comments.get('c2')!.get('votes')).toBeInstanceOf(Y.Map);
    const out = doc.exportFile();
    expect(out).toEqual(file);
    expect(findComment(out, 'c2')).not.toHaveProperty('votes');
    expect(Object.getPrototypeOf(findComment(out, 'c1')?.votes)).toBe(Object.prototype);
    expect(Object.isFrozen(findComment(out, 'c1')?.votes)).toBe(true);
    expect(JSON.parse(JSON.stringify(out))).toEqual(file);
  });

  it('keeps a zero entry and unknown fields next to votes through import and export', () => {
    const file = sampleFile();
    const odd = {
      ...file,
      comments: [comment('cz', 's1', 'Slow', { kind: 'pain-point', votes: { ana: 0, bo: 2 } })],
    };
    expect(MapDoc.fromFile(odd).exportFile()).toEqual(odd);
  });

  it('deleting a voted comment takes its votes with it; undo brings both back', () => {
    const doc = newDoc('alice', { file: votedFile() });
    const { after } = expectTriple(doc, () => doc.deleteComment(c1), { sameOrder: false });
    expect(findComment(after, 'c1')).toBeUndefined();
    expect(doc.votesLeft('ana')).toBe(3);
    doc.undo();
    expect(findComment(doc.getSnapshot(), 'c1')?.votes).toEqual({ ana: 2, bo: 1 });
    expect(doc.vote(c1, 'ana', 1)).toBe(3);
  });

  it('a voted comment keeps its object identity until it is voted on again', () => {
    const doc = newDoc('alice', { file: votedFile() });
    const before = doc.getSnapshot();
    doc.vote(c3, 'ana', 1);
    const after = doc.getSnapshot();
    expect(findComment(after, 'c1')).toBe(findComment(before, 'c1'));
    expect(findComment(after, 'c3')).not.toBe(findComment(before, 'c3'));
  });
});

describe('a deleted comment restored by undo while someone edited it', () => {
  it('comes back without the edited fields; normalize shows it as a note, never drops it', () => {
    const { a, b } = twoPeers(votedFile());
    a.deleteComment(c1);
    b.updateComment(c1, { kind: 'idea', text: 'Edited' });
    b.vote(c1, 'cy', 1);
    syncDocs(a, b);
    a.undo();
    syncDocs(a, b);
    const restored = findComment(a.getSnapshot(), 'c1');
    expect(restored).toBeDefined();
    // Yjs restores only what the undone delete removed; the edit replaced kind and text first.
    expect(restored).not.toHaveProperty('kind');
    expect(restored).not.toHaveProperty('text');
    expect(a.getSnapshot()).toEqual(b.getSnapshot());
    const view = normalize(a.getSnapshot());
    expect(findComment(view.map, 'c1')).toMatchObject({ kind: 'note', text: '' });
    expect(validateMap(view.map).ok).toBe(true);
    // The votes it had when it was deleted come back with it.
    expect(restored?.votes).toMatchObject({ ana: 2, bo: 1 });
  });
});
