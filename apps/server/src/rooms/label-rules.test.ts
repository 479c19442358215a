import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndSeeChange } from './scratch-apply';
import { labelProblems } from './update-rules';

/** A room's document holding one step, and its scratch copy; `edit` runs on a client's copy. */
function room(label: string) {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('title', 'Map');
    const step = new Y.Map<unknown>();
    doc.getMap('steps').set('s1', step);
    step.set('id', 's1');
    step.set('label', label);
    step.set('processTime', 5);
  });
  const problemsOf = (edit: (client: Y.Doc) => void) => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(client);
    edit(client);
    const scratch = new Y.Doc();
    scratch.getMap('meta'); // a room's copy has its top-level maps before any update
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const { touched } = applyAndSeeChange(scratch, Y.encodeStateAsUpdate(client, before));
    return touched ? labelProblems(scratch, doc, touched) : [];
  };
  return problemsOf;
}

const step = (d: Y.Doc) => d.getMap<Y.Map<unknown>>('steps').get('s1')!;

describe('name length on live edits', () => {
  it('refuses an edit that makes a label longer than the cap', () => {
    const problems = room('Book clinic')((d) => step(d).set('label', 'x'.repeat(5000)));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'steps[s1].label', code: 'out-of-range' }),
    ]);
  });

  it('takes an edit of another field of a step whose label was long before the cap', () => {
    const edit = room('y'.repeat(2000));
    expect(edit((d) => step(d).set('processTime', 10))).toEqual([]);
    expect(edit((d) => step(d).set('label', 'Shorter now'))).toEqual([]);
  });

  it('checks the title of the map as well', () => {
    const problems = room('a')((d) => d.getMap('meta').set('title', 't'.repeat(501)));
    expect(problems.map((p) => p.path)).toEqual(['map.title']);
  });
});
