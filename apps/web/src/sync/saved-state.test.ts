import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { covers, isSaved, stateVector } from './saved-state';

describe('saved state', () => {
  it('is saved only when every client clock is covered', () => {
    const doc = new Y.Doc();
    expect(isSaved(doc, undefined)).toBe(false);
    expect(isSaved(doc, new Map())).toBe(true);
    doc.getMap('m').set('a', 1);
    const before = stateVector(doc);
    expect(isSaved(doc, new Map())).toBe(false);
    expect(isSaved(doc, before)).toBe(true);
    doc.getMap('m').set('b', 2);
    expect(isSaved(doc, before)).toBe(false);
    expect(covers(before, stateVector(doc))).toBe(true);
  });

  it('counts a colleague’s changes too: saved means the whole document is on disk', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('a', 1);
    const savedOfA = stateVector(a);
    b.getMap('m').set('b', 1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(isSaved(a, savedOfA)).toBe(false);
  });
});
