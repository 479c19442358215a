import { commentId, flowId, roleId, stepId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLECTIONS } from './shape';
import { newDoc, REMOTE, sampleFile, syncDocs, twoPeers } from './test-helpers';

/** A bare Y.Doc holding a copy of `from`'s state, as any other Yjs client would see it. */
function rawCopy(from: Y.Doc): Y.Doc {
  const raw = new Y.Doc();
  Y.applyUpdate(raw, Y.encodeStateAsUpdate(from));
  return raw;
}

const record = (raw: Y.Doc, collection: string, id: string): Y.Map<unknown> => {
  const value = raw.getMap<unknown>(collection).get(id);
  if (!(value instanceof Y.Map)) throw new Error(`${collection}.${id} is not a Y.Map`);
  return value;
};

describe('the Yjs shape other clients read', () => {
  it('has top-level Y.Maps roles, steps, flows, comments and meta, records keyed by id', () => {
    const doc = newDoc();
    const r = doc.addRole({ name: 'Clerk', headcount: 2 });
    const s1 = doc.addStep({ roleId: r, kind: 'start', label: 'In' });
    const { stepId: s2, flowId: f } = doc.addNextStep(s1, { label: 'Do', processTime: 5 });
    const c = doc.addComment({ targetId: s2, kind: 'idea', author: 'A', text: 'Faster?' });
    doc.updateMeta({ title: 'Shape' });

    const raw = rawCopy(doc.ydoc);
    expect([...raw.share.keys()].sort()).toEqual([...COLLECTIONS, 'meta'].sort());
    for (const name of COLLECTIONS) {
      for (const value of raw.getMap<unknown>(name).values()) expect(value).toBeInstanceOf(Y.Map);
    }
    expect([...raw.getMap('roles').keys()]).toEqual([r]);
    expect([...raw.getMap('steps').keys()].sort()).toEqual([s1, s2].sort());
    expect([...raw.getMap('flows').keys()]).toEqual([f]);
    expect([...raw.getMap('comments').keys()]).toEqual([c]);
    expect(raw.getMap('meta').get('title')).toBe('Shape');
  });

  it('stores each record as a Y.Map of fields named as in the file format', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.updateStep(stepId('s2'), { notes: 'checked' });
    doc.addReply(commentId('c2'), { author: 'B', text: 'Missing NHS numbers' });
    const raw = rawCopy(doc.ydoc);

    const role = record(raw, 'roles', 'gp');
    expect(role.toJSON()).toEqual({ id: 'gp', name: 'GP', order: 1, headcount: 2, hourlyCost: 65 });

    const step = record(raw, 'steps', 's2');
    expect([...step.keys()].sort()).toEqual(
      [
        'id',
        'roleId',
        'kind',
        'label',
        'processTime',
        'waitTime',
        'valueClass',
        'dataEntered',
        'systems',
        'position',
        'notes',
      ].sort(),
    );
    // Plain JSON values inside a record: a point, a list of text.
    expect(step.get('position')).toEqual({ x: 120, y: 40 });
    expect(step.get('dataEntered')).toEqual(['NHS number', 'Address']);
    expect(step.get('roleId')).toBe('clerk');

    expect(record(raw, 'flows', 'f3').toJSON()).toEqual({
      id: 'f3',
      from: 's3',
      to: 's4',
      label: 'urgent',
      probability: 0.8,
    });

    const comment = record(raw, 'comments', 'c2');
    expect(comment.get('targetId')).toBe('f4');
    // Replies are a shared list, so two people replying at once both keep theirs.
    expect(comment.get('replies')).toBeInstanceOf(Y.Array);
    expect((comment.get('replies') as Y.Array<unknown>).toJSON()).toEqual([
      { author: 'B', text: 'Missing NHS numbers', createdAt: '2026-11-20T10:00:00.000Z' },
    ]);

    const meta = raw.getMap<unknown>('meta');
    expect(meta.get('title')).toBe('Outpatient referral');
    expect(meta.get('id')).toBe('sample');
    expect(meta.get('settings')).toBeInstanceOf(Y.Map);
    expect((meta.get('settings') as Y.Map<unknown>).toJSON()).toEqual({
      hoursPerDay: 8,
      demand: { count: 40, per: 'day' },
      currency: 'GBP',
    });
  });

  it('records a field cleared by a command as absent, not as null', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.updateStep(stepId('s2'), { processTime: undefined });
    doc.relabelFlow(flowId('f3'), undefined);
    const raw = rawCopy(doc.ydoc);
    expect(record(raw, 'steps', 's2').has('processTime')).toBe(false);
    expect(record(raw, 'flows', 'f3').has('label')).toBe(false);
  });

  it('keeps the lane order as a number field, not a list position', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.moveRole(roleId('nurse'), 0);
    const raw = rawCopy(doc.ydoc);
    expect(record(raw, 'roles', 'nurse').get('order')).toBe(-1);
    expect(record(raw, 'roles', 'clerk').get('order')).toBe(0);
  });
});

describe('records written by a foreign client in raw Yjs', () => {
  it('show up in the snapshot, unknown fields and all', () => {
    const doc = newDoc('alice', { file: sampleFile(), clientID: 1 });
    const foreign = rawCopy(doc.ydoc);
    foreign.clientID = 99;
    foreign.transact(() => {
      const role = new Y.Map<unknown>();
      foreign.getMap<Y.Map<unknown>>('roles').set('porter', role);
      role.set('id', 'porter');
      role.set('name', 'Porter');
      role.set('order', 3);

      const step = new Y.Map<unknown>([
        ['id', 'carry'],
        ['roleId', 'porter'],
        ['kind', 'task'],
        ['label', 'Carry notes'],
        ['processTime', 15],
        ['activity', 'transport'],
        ['position', { x: 10, y: 20 }],
        ['externalRef', 'JIRA-12'],
      ]);
      foreign.getMap<Y.Map<unknown>>('steps').set('carry', step);

      foreign.getMap<Y.Map<unknown>>('flows').set(
        'fx',
        new Y.Map<unknown>([
          ['id', 'fx'],
          ['from', 's4'],
          ['to', 'carry'],
        ]),
      );
      // A client that does not know replies are a Y.Array writes them as plain JSON.
      foreign.getMap<Y.Map<unknown>>('comments').set(
        'cx',
        new Y.Map<unknown>([
          ['id', 'cx'],
          ['targetId', 'carry'],
          ['kind', 'note'],
          ['author', 'Bot'],
          ['text', 'Imported from the ward system'],
          ['createdAt', '2026-11-19T08:00:00.000Z'],
          ['replies', [{ author: 'Porter', text: 'Yes', createdAt: '2026-11-19T09:00:00.000Z' }]],
        ]),
      );
      record(foreign, 'steps', 's1').set('notes', 'written raw');
    });
    Y.applyUpdate(doc.ydoc, Y.encodeStateAsUpdate(foreign, Y.encodeStateVector(doc.ydoc)), REMOTE);

    const snap = doc.getSnapshot();
    expect(snap.roles.find((r) => r.id === 'porter')).toEqual({
      id: 'porter',
      name: 'Porter',
      order: 3,
    });
    expect(snap.steps.find((s) => s.id === 'carry')).toEqual({
      id: 'carry',
      roleId: 'porter',
      kind: 'task',
      label: 'Carry notes',
      processTime: 15,
      activity: 'transport',
      position: { x: 10, y: 20 },
      externalRef: 'JIRA-12',
    });
    expect(snap.steps.find((s) => s.id === 's1')?.notes).toBe('written raw');
    expect(snap.flows.find((f) => f.id === 'fx')).toEqual({ id: 'fx', from: 's4', to: 'carry' });
    expect(snap.comments?.find((c) => c.id === 'cx')?.replies).toEqual([
      { author: 'Porter', text: 'Yes', createdAt: '2026-11-19T09:00:00.000Z' },
    ]);
    expect(doc.canUndo()).toBe(false);

    // The local user can go on editing them with commands.
    doc.addReply(commentId('cx'), { author: 'Alice', text: 'Thanks' });
    expect(doc.getSnapshot().comments?.find((c) => c.id === 'cx')?.replies).toEqual([
      { author: 'Porter', text: 'Yes', createdAt: '2026-11-19T09:00:00.000Z' },
      { author: 'Alice', text: 'Thanks', createdAt: '2026-11-20T10:00:00.000Z' },
    ]);
    doc.undo();
    expect(doc.getSnapshot().comments?.find((c) => c.id === 'cx')?.replies).toHaveLength(1);
    doc.deleteRole(roleId('porter'), { moveTo: roleId('nurse') });
    expect(doc.getSnapshot().steps.find((s) => s.id === 'carry')?.roleId).toBe('nurse');
  });

  it('a value in a collection that is not a Y.Map is left out of the snapshot, not a crash', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const foreign = rawCopy(doc.ydoc);
    foreign.getMap<unknown>('steps').set('junk', 'not a record');
    Y.applyUpdate(doc.ydoc, Y.encodeStateAsUpdate(foreign, Y.encodeStateVector(doc.ydoc)), REMOTE);
    expect(doc.getSnapshot().steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('a record replaced by a foreign client shows its new content', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const foreign = rawCopy(doc.ydoc);
    foreign.getMap<Y.Map<unknown>>('flows').set(
      'f1',
      new Y.Map<unknown>([
        ['id', 'f1'],
        ['from', 's1'],
        ['to', 's3'],
      ]),
    );
    Y.applyUpdate(doc.ydoc, Y.encodeStateAsUpdate(foreign, Y.encodeStateVector(doc.ydoc)), REMOTE);
    expect(doc.getSnapshot().flows.find((f) => f.id === 'f1')).toEqual({
      id: 'f1',
      from: 's1',
      to: 's3',
    });
  });
});

describe('concurrent edits of one record', () => {
  it('two peers editing different fields of the same step both win after sync', () => {
    const { a, b } = twoPeers(sampleFile());
    a.updateStep(stepId('s2'), { label: 'Register letter', processTime: 12 });
    b.updateStep(stepId('s2'), { notes: 'Use the new form', waitTime: 0 });
    b.moveStep(stepId('s2'), { x: 500, y: 60 });
    syncDocs(a, b);
    const expected = {
      ...sampleFile().steps[1],
      label: 'Register letter',
      processTime: 12,
      notes: 'Use the new form',
      waitTime: 0,
      position: { x: 500, y: 60 },
    };
    expect(a.getSnapshot().steps[1]).toEqual(expected);
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('two peers changing different settings both win', () => {
    const { a, b } = twoPeers(sampleFile());
    a.updateSettings({ hoursPerDay: 7 });
    b.updateSettings({ demand: { count: 12, per: 'week' } });
    syncDocs(a, b);
    expect(a.getSnapshot().settings).toEqual({
      hoursPerDay: 7,
      demand: { count: 12, per: 'week' },
      currency: 'GBP',
    });
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('two peers replying to one comment at once both keep their reply', () => {
    const { a, b } = twoPeers(sampleFile());
    a.addReply(commentId('c1'), { author: 'A', text: 'from A' });
    b.addReply(commentId('c1'), { author: 'B', text: 'from B' });
    syncDocs(a, b);
    const texts = a.getSnapshot().comments?.[0]?.replies?.map((r) => r.text);
    expect(texts?.slice(0, 1)).toEqual(['True']);
    expect([...(texts ?? [])].sort()).toEqual(['True', 'from A', 'from B']);
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('two peers setting the same field converge on one of the two values', () => {
    const { a, b } = twoPeers(sampleFile());
    a.updateStep(stepId('s3'), { label: 'A' });
    b.updateStep(stepId('s3'), { label: 'B' });
    syncDocs(a, b);
    expect(['A', 'B']).toContain(a.getSnapshot().steps[2]?.label);
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });

  it('one peer moving a step to another lane while the other renames it keeps both', () => {
    const { a, b } = twoPeers(sampleFile());
    a.moveStepToRole(stepId('s4'), roleId('gp'));
    b.updateStep(stepId('s4'), { label: 'Book clinic' });
    syncDocs(a, b);
    expect(b.getSnapshot().steps[3]).toMatchObject({ roleId: 'gp', label: 'Book clinic' });
    expect(b.getSnapshot()).toEqual(a.getSnapshot());
  });
});
