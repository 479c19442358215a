import { lanesInOrder, type ProcessMap, roleId, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MapDoc } from './map-doc';
import { isOrigin, originKind } from './origins';
import { byId, newDoc, REMOTE, sampleFile, syncDocs, twoPeers } from './test-helpers';

const findStep = (map: ProcessMap, id: string) => map.steps.find((s) => s.id === id);

describe('canUndo / canRedo', () => {
  it('follow the stacks: nothing, then undo, then redo, and a new edit drops the redo', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    expect([doc.canUndo(), doc.canRedo()]).toEqual([false, false]);
    expect(doc.undo()).toBe(false);
    expect(doc.redo()).toBe(false);
    doc.renameRole(roleId('gp'), 'Doctor');
    expect([doc.canUndo(), doc.canRedo()]).toEqual([true, false]);
    expect(doc.undo()).toBe(true);
    expect([doc.canUndo(), doc.canRedo()]).toEqual([false, true]);
    expect(doc.redo()).toBe(true);
    expect([doc.canUndo(), doc.canRedo()]).toEqual([true, false]);
    doc.undo();
    doc.renameRole(roleId('gp'), 'Physician');
    expect([doc.canUndo(), doc.canRedo()]).toEqual([true, false]);
    expect(doc.redo()).toBe(false);
    expect(doc.getSnapshot().roles[1]?.name).toBe('Physician');
  });

  it('each command is its own undo step, undone newest first', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const snaps = [doc.getSnapshot()];
    doc.updateStep(stepId('s1'), { label: 'one' });
    snaps.push(doc.getSnapshot());
    doc.updateStep(stepId('s1'), { label: 'two' });
    snaps.push(doc.getSnapshot());
    doc.updateStep(stepId('s1'), { notes: 'three' });
    snaps.push(doc.getSnapshot());
    for (let i = snaps.length - 2; i >= 0; i--) {
      expect(doc.undo()).toBe(true);
      expect(doc.getSnapshot()).toEqual(snaps[i]);
    }
    expect(doc.canUndo()).toBe(false);
    for (let i = 1; i < snaps.length; i++) {
      expect(doc.redo()).toBe(true);
      expect(doc.getSnapshot()).toEqual(snaps[i]);
    }
  });
});

describe('origins that are not undoable', () => {
  it('an import is not undoable', () => {
    const doc = newDoc();
    doc.importFile(sampleFile());
    expect(doc.canUndo()).toBe(false);
    expect(doc.undo()).toBe(false);
    expect(doc.getSnapshot()).toEqual(sampleFile());
  });

  it('an import clears earlier history, so undo cannot bring old records into the new map', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.deleteSteps([stepId('s5')]);
    doc.addRole({ name: 'Porter' });
    const other: ProcessMap = {
      format: 'procmap',
      version: 1,
      title: 'Other',
      roles: [{ id: roleId('x'), name: 'X' }],
      steps: [],
      flows: [],
    };
    doc.importFile(other);
    expect(doc.canUndo()).toBe(false);
    expect(doc.undo()).toBe(false);
    expect(doc.getSnapshot()).toEqual(other);
  });

  it('given a user edit and then an import, the import is not what undo takes back', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.renameRole(roleId('gp'), 'Doctor');
    doc.importFile(sampleFile());
    doc.undo();
    expect(doc.getSnapshot()).toEqual(sampleFile());
  });

  it('migration and server origins are not undoable; user and layout origins are', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    for (const origin of [doc.origins.migration, doc.origins.server, doc.origins.import]) {
      doc.transact(origin, ({ maps }) => maps.meta.set('title', `by ${origin.kind}`));
      expect(doc.canUndo()).toBe(false);
    }
    doc.transact(doc.origins.layout, ({ maps }) => maps.meta.set('title', 'by layout'));
    expect(doc.canUndo()).toBe(true);
    doc.undo();
    expect(doc.getSnapshot().title).toBe('by import');
  });

  it('a remote update is not undoable', () => {
    const { a, b } = twoPeers(sampleFile());
    b.addRole({ name: 'Porter' });
    syncDocs(a, b);
    expect(a.canUndo()).toBe(false);
    expect(a.getSnapshot().roles).toHaveLength(4);
  });

  it('a remote import is not undoable either', () => {
    const { a, b } = twoPeers(sampleFile());
    b.importFile({ ...sampleFile(), title: 'Reimported' });
    syncDocs(a, b);
    expect(a.getSnapshot().title).toBe('Reimported');
    expect(a.canUndo()).toBe(false);
  });
});

describe('per-user undo, two MapDocs on two Y.Docs in sync', () => {
  it("A adds a step, B renames it, A undoes: A's own later edit goes, B's rename stays", () => {
    const { a, b } = twoPeers(sampleFile());
    const x = a.addStep({ roleId: roleId('gp'), label: 'Check letter' });
    a.updateStep(x, { notes: 'by A' });
    syncDocs(a, b);
    b.updateStep(x, { label: 'Check referral letter' });
    syncDocs(a, b);

    expect(a.undo()).toBe(true);
    syncDocs(a, b);
    for (const doc of [a, b]) {
      expect(findStep(doc.getSnapshot(), x)).toEqual({
        id: x,
        roleId: 'gp',
        kind: 'task',
        label: 'Check referral letter',
      });
    }

    // A's next undo takes back A's own creation of the step...
    expect(a.undo()).toBe(true);
    syncDocs(a, b);
    expect(findStep(a.getSnapshot(), x)).toBeUndefined();
    expect(findStep(b.getSnapshot(), x)).toBeUndefined();
    // ...and redo brings it back with B's name, not A's original one.
    expect(a.redo()).toBe(true);
    syncDocs(a, b);
    expect(findStep(b.getSnapshot(), x)?.label).toBe('Check referral letter');
    expect(a.getSnapshot()).toEqual(b.getSnapshot());
  });

  it("B's edits made after A's are never undone by A", () => {
    const { a, b } = twoPeers(sampleFile());
    a.renameRole(roleId('gp'), 'Doctor');
    syncDocs(a, b);
    b.updateStep(stepId('s2'), { processTime: 15 });
    const porter = b.addRole({ name: 'Porter' });
    b.deleteSteps([stepId('s5')]);
    syncDocs(a, b);

    expect(a.undo()).toBe(true);
    syncDocs(a, b);
    expect(a.canUndo()).toBe(false);
    expect(a.undo()).toBe(false);
    for (const doc of [a, b]) {
      const snap = doc.getSnapshot();
      expect(snap.roles.find((r) => r.id === 'gp')?.name).toBe('GP');
      expect(findStep(snap, 's2')?.processTime).toBe(15);
      expect(lanesInOrder(snap.roles).map((r) => r.id)).toEqual(['clerk', 'gp', 'nurse', porter]);
      expect(findStep(snap, 's5')).toBeUndefined();
    }
    // B still undoes its own edits, newest first.
    expect(b.undo()).toBe(true);
    syncDocs(a, b);
    expect(findStep(a.getSnapshot(), 's5')).toBeDefined();
    expect(a.getSnapshot().roles.find((r) => r.id === 'gp')?.name).toBe('GP');
  });

  it("undo after a colleague's newer edit to the same field does not clobber it", () => {
    const { a, b } = twoPeers(sampleFile());
    a.updateStep(stepId('s1'), { label: 'A label' });
    syncDocs(a, b);
    b.updateStep(stepId('s1'), { label: 'B label' });
    syncDocs(a, b);

    a.undo();
    syncDocs(a, b);
    expect(findStep(a.getSnapshot(), 's1')?.label).toBe('B label');
    expect(findStep(b.getSnapshot(), 's1')?.label).toBe('B label');
    expect(a.canRedo()).toBe(false);
  });

  it('undo of one field after a colleague changed another field of the same step keeps theirs', () => {
    const { a, b } = twoPeers(sampleFile());
    a.updateStep(stepId('s2'), { processTime: 20 });
    syncDocs(a, b);
    b.updateStep(stepId('s2'), { waitTime: 5 });
    syncDocs(a, b);
    a.undo();
    syncDocs(a, b);
    for (const doc of [a, b]) {
      expect(findStep(doc.getSnapshot(), 's2')).toMatchObject({ processTime: 10, waitTime: 5 });
    }
  });

  it("A's undo of a delete brings the records back on both peers, without B's edits being lost", () => {
    const { a, b } = twoPeers(sampleFile());
    const before = a.getSnapshot();
    a.deleteSteps([stepId('s4')]);
    syncDocs(a, b);
    b.updateStep(stepId('s1'), { label: 'Letter in' });
    syncDocs(a, b);
    a.undo();
    syncDocs(a, b);
    const expected = byId({
      ...before,
      steps: before.steps.map((s) => (s.id === 's1' ? { ...s, label: 'Letter in' } : s)),
    });
    expect(byId(a.getSnapshot())).toEqual(expected);
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('undoing a lane move after the colleague deleted that lane does not resurrect it', () => {
    const { a, b } = twoPeers(sampleFile());
    a.moveRole(roleId('gp'), 0);
    syncDocs(a, b);
    b.deleteRole(roleId('gp'), { moveTo: roleId('clerk') });
    syncDocs(a, b);
    a.undo();
    syncDocs(a, b);
    expect(a.getSnapshot().roles.map((r) => r.id)).toEqual(['clerk', 'nurse']);
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });
});

describe('two MapDocs over one Y.Doc (two editors in one process)', () => {
  it('each undoes only its own edits: origins are compared by identity, not by kind', () => {
    const ydoc = new Y.Doc();
    const a = new MapDoc(ydoc, { actor: 'alice' });
    const b = new MapDoc(ydoc, { actor: 'bob' });
    a.importFile(sampleFile());
    a.renameRole(roleId('gp'), 'By A');
    b.renameRole(roleId('nurse'), 'By B');
    expect(a.undo()).toBe(true);
    const snap = b.getSnapshot();
    expect(snap.roles.map((r) => r.name)).toEqual(['Clerk', 'GP', 'By B']);
    expect(a.canUndo()).toBe(false);
    expect(b.canUndo()).toBe(true);
  });

  it('an update applied with a foreign origin is not undoable by anyone', () => {
    const a = newDoc('alice', { file: sampleFile() });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(a.ydoc));
    other.getMap('meta').set('title', 'From elsewhere');
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(other), REMOTE);
    expect(a.getSnapshot().title).toBe('From elsewhere');
    expect(a.canUndo()).toBe(false);
  });
});

describe('typed origins', () => {
  it('every transaction carries the origin of what made it', () => {
    const { a, b } = twoPeers(sampleFile());
    const kinds: string[] = [];
    a.ydoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size > 0) kinds.push(originKind(tr.origin));
    });
    a.importFile(sampleFile());
    a.renameRole(roleId('gp'), 'Doctor');
    a.applyLayout([{ id: stepId('s1'), position: { x: 0, y: 0 } }]);
    a.undo();
    b.addRole({ name: 'Porter' });
    syncDocs(a, b);
    // Undo and redo run with the undo manager as origin: not one of ours, so "remote" to
    // observers, but never on anyone's stack as a new edit.
    expect(kinds).toEqual(['import', 'user', 'layout', 'remote', 'remote']);
    expect(isOrigin(a.origins.user)).toBe(true);
    expect(a.origins.user).not.toBe(b.origins.user);
    expect(a.origins.user).toEqual({ kind: 'user', actor: 'alice' });
    expect(Object.isFrozen(a.origins.user)).toBe(true);
  });
});

describe('amend: an edit joined to the undo step before it', () => {
  it('given a step just added, when its label is typed as an amendment, then one undo takes both back and one redo brings both', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const before = doc.getSnapshot();
    const { stepId: id } = doc.addNextStep(stepId('s4'));
    const mark = doc.editMark();
    doc.amend(mark, (d) => d.updateStep(id, { label: 'Send letter' }));
    const after = doc.getSnapshot();
    expect(findStep(after, id)?.label).toBe('Send letter');
    expect(doc.undoManager.undoStack).toHaveLength(1);
    expect(doc.undo()).toBe(true);
    expect(doc.getSnapshot()).toEqual(before);
    expect(doc.canUndo()).toBe(false);
    expect(doc.redo()).toBe(true);
    expect(doc.getSnapshot()).toEqual(after);
  });

  it('given another edit of the same user in between, then the amendment is an undo step of its own', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const { stepId: id } = doc.addNextStep(stepId('s4'));
    const mark = doc.editMark();
    doc.renameRole(roleId('gp'), 'Doctor');
    doc.amend(mark, (d) => d.updateStep(id, { label: 'Send letter' }));
    expect(doc.undoManager.undoStack).toHaveLength(3);
    doc.undo();
    expect(findStep(doc.getSnapshot(), id)?.label).toBe('');
  });

  it('given the step was undone before the label came, then the amendment does not join the redo', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.renameRole(roleId('gp'), 'Doctor');
    doc.addNextStep(stepId('s4'));
    const mark = doc.editMark();
    doc.undo();
    doc.amend(mark, (d) => d.renameRole(roleId('nurse'), 'Sister'));
    expect(doc.undoManager.undoStack).toHaveLength(2);
    doc.undo();
    expect(doc.getSnapshot().roles.find((r) => r.id === 'nurse')?.name).toBe('Nurse');
    expect(doc.getSnapshot().roles.find((r) => r.id === 'gp')?.name).toBe('Doctor');
  });

  it('given a colleague’s edit in between, then the amendment still joins (their edit is not ours to undo)', () => {
    const { a, b } = twoPeers(sampleFile());
    const { stepId: id } = a.addNextStep(stepId('s4'));
    const mark = a.editMark();
    syncDocs(a, b);
    b.renameRole(roleId('gp'), 'Doctor');
    syncDocs(b, a);
    a.amend(mark, (d) => d.updateStep(id, { label: 'Send letter' }));
    expect(a.undo()).toBe(true);
    expect(findStep(a.getSnapshot(), id)).toBeUndefined();
    expect(a.getSnapshot().roles.find((r) => r.id === 'gp')?.name).toBe('Doctor');
    expect(a.canUndo()).toBe(false);
  });

  it('after an amendment, the next edit is an undo step of its own again', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const { stepId: id } = doc.addNextStep(stepId('s4'));
    doc.amend(doc.editMark(), (d) => d.updateStep(id, { label: 'Send letter' }));
    doc.updateStep(id, { notes: 'second class' });
    expect(doc.undoManager.undoStack).toHaveLength(2);
    doc.undo();
    expect(findStep(doc.getSnapshot(), id)).toMatchObject({ label: 'Send letter' });
  });
});
