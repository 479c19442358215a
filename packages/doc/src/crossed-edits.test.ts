import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CrossedEdit, CrossedEditWatcher } from './crossed-edits';
import { MapDoc } from './map-doc';

/** Two replicas of one map with a lane and a step, in sync; `sync()` exchanges everything. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const docA = new MapDoc(a, { actor: 'ann' });
  const docB = new MapDoc(b, { actor: 'bob' });
  const lane = docA.addRole({ name: 'Nurse' });
  const step = docA.addStep({ roleId: lane, kind: 'task', label: 'Book clinic' });
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, fromA, 'remote');
    Y.applyUpdate(a, fromB, 'remote');
  };
  sync();
  return { a, b, docA, docB, lane, step, sync };
}

function watch(ydoc: Y.Doc, apart: () => boolean = () => false) {
  const seen: CrossedEdit[] = [];
  const watcher = new CrossedEditWatcher(ydoc, apart);
  watcher.onCrossed((edits) => seen.push(...edits));
  return seen;
}

describe('crossed edits', () => {
  it('tells the replica whose rename the merge dropped which name was kept', () => {
    const { a, b, docA, docB, step, sync } = pair();
    const seenA = watch(a);
    const seenB = watch(b);
    docA.updateStep(step, { label: 'Book clinic by phone' });
    docB.updateStep(step, { label: 'Book clinic online' });
    sync();
    const kept = docA.getSnapshot().steps[0]!.label;
    expect(docB.getSnapshot().steps[0]!.label).toBe(kept);
    const loser = kept === 'Book clinic by phone' ? seenB : seenA;
    const winner = loser === seenA ? seenB : seenA;
    expect(loser).toEqual([
      {
        kind: 'renamed',
        record: 'step',
        id: step,
        mine: loser === seenA ? 'Book clinic by phone' : 'Book clinic online',
        kept,
      },
    ]);
    expect(winner).toEqual([]);
  });

  it('says nothing when the other rename came after seeing this one', () => {
    const { a, docA, docB, step, sync } = pair();
    const seenA = watch(a);
    docA.updateStep(step, { label: 'First' });
    sync();
    docB.updateStep(step, { label: 'Second, knowingly' });
    sync();
    expect(docA.getSnapshot().steps[0]!.label).toBe('Second, knowingly');
    expect(seenA).toEqual([]);
  });

  it('tells a replica that renamed a step while apart that someone deleted it', () => {
    const { a, docA, docB, step, sync } = pair();
    let apart = true;
    const seenA = watch(a, () => apart);
    docA.updateStep(step, { label: 'Renamed offline' });
    docB.deleteSteps([step]);
    apart = false;
    sync();
    expect(docA.getSnapshot().steps).toEqual([]);
    expect(seenA).toEqual([{ kind: 'deleted', record: 'step', id: step, mine: 'Renamed offline' }]);
  });

  it('watches lane names too, and tells exactly one of the two', () => {
    const { a, b, docA, docB, lane, sync } = pair();
    const seenA = watch(a);
    const seenB = watch(b);
    docA.renameRole(lane, 'Ward nurse');
    docB.renameRole(lane, 'Practice nurse');
    sync();
    const kept = docA.getSnapshot().roles[0]!.name;
    const [loser, mine] = kept === 'Ward nurse' ? [seenB, 'Practice nurse'] : [seenA, 'Ward nurse'];
    expect(loser).toEqual([{ kind: 'renamed', record: 'role', id: lane, mine, kept }]);
    expect(seenA.length + seenB.length).toBe(1);
  });

  it('says nothing about a step this replica renamed apart and then deleted itself', () => {
    const { a, docA, docB, step, sync } = pair();
    let apart = true;
    const seenA = watch(a, () => apart);
    docA.updateStep(step, { label: 'Renamed offline' });
    apart = false;
    sync();
    docA.deleteSteps([step]);
    sync();
    // Later, anything from the other replica arrives: no warning about the deleted step.
    docB.addRole({ name: 'Later lane' });
    sync();
    expect(seenA).toEqual([]);
  });
});
