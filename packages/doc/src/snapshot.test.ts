import { commentId, flowId, lanesInOrder, type ProcessMap, roleId, stepId } from '@procmap/model';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { MapDoc } from './map-doc';
import { newDoc, role, sampleFile, step, syncDocs, twoPeers } from './test-helpers';

const sample = () => newDoc('alice', { file: sampleFile() });

describe('getSnapshot identity', () => {
  it('returns the same object while nothing changes', () => {
    const doc = sample();
    const first = doc.getSnapshot();
    expect(doc.getSnapshot()).toBe(first);
    expect(doc.exportFile()).toBe(first);
  });

  it('returns the same object after a no-op edit and after a refused command', () => {
    const doc = sample();
    const first = doc.getSnapshot();
    doc.updateStep(stepId('s1'), { label: 'Letter arrives' });
    expect(() => doc.updateStep(stepId('s1'), { processTime: -1 })).toThrow();
    expect(doc.getSnapshot()).toBe(first);
  });

  it('given an update to one step, then only that step is a new object', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    doc.updateStep(stepId('s3'), { label: 'Clinical triage' });
    const after = doc.getSnapshot();
    expect(after).not.toBe(before);
    expect(after.steps[2]).not.toBe(before.steps[2]);
    expect(after.steps[2]?.label).toBe('Clinical triage');
    after.steps.forEach((s, i) => {
      if (s.id !== 's3') expect(s).toBe(before.steps[i]);
    });
    after.roles.forEach((r, i) => {
      expect(r).toBe(before.roles[i]);
    });
    after.flows.forEach((f, i) => {
      expect(f).toBe(before.flows[i]);
    });
    after.comments?.forEach((c, i) => {
      expect(c).toBe(before.comments?.[i]);
    });
    // Lists nobody touched are shared too, so a selector of `roles` sees no change.
    expect(after.roles).toBe(before.roles);
    expect(after.flows).toBe(before.flows);
    expect(after.comments).toBe(before.comments);
    expect(after.steps).not.toBe(before.steps);
  });

  it('given a change to one nested value (a reply), then only the comment holding it is new', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    doc.addReply(commentId('c1'), { author: 'B', text: 'ok' });
    const after = doc.getSnapshot();
    expect(after.comments?.[0]).not.toBe(before.comments?.[0]);
    expect(after.comments?.[1]).toBe(before.comments?.[1]);
    expect(after.steps).toBe(before.steps);
  });

  it('given a title change, then every record list keeps its identity', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    doc.updateMeta({ title: 'New' });
    const after = doc.getSnapshot();
    expect(after.title).toBe('New');
    expect(after.roles).toBe(before.roles);
    expect(after.steps).toBe(before.steps);
    expect(after.flows).toBe(before.flows);
  });

  it('given a step added, then existing steps keep their objects', () => {
    const doc = sample();
    const before = doc.getSnapshot();
    doc.addStep({ roleId: roleId('gp'), label: 'New' });
    const after = doc.getSnapshot();
    expect(after.steps.slice(0, 5)).toEqual(before.steps);
    after.steps.slice(0, 5).forEach((s, i) => {
      expect(s).toBe(before.steps[i]);
    });
  });
});

describe('immutability', () => {
  it('freezes the snapshot, its lists, its records and nested values', () => {
    const doc = sample();
    const snap = doc.getSnapshot();
    const c1 = snap.comments?.[0];
    for (const value of [
      snap,
      snap.roles,
      snap.steps,
      snap.flows,
      snap.comments,
      snap.roles[0],
      snap.steps[1],
      snap.steps[1]?.position,
      snap.steps[1]?.dataEntered,
      snap.flows[0],
      c1,
      c1?.replies,
      c1?.replies?.[0],
      snap.settings,
      snap.settings?.demand,
    ]) {
      expect(value).toBeDefined();
      expect(Object.isFrozen(value)).toBe(true);
    }
  });

  it('throws on mutation attempts (strict mode) and the doc stays as it was', () => {
    const doc = sample();
    const snap = doc.getSnapshot() as unknown as Record<string, unknown> & ProcessMap;
    const copy = structuredClone(snap);
    const mutable = (v: unknown) => v as Record<string, unknown> & unknown[];
    expect(() => {
      mutable(snap).title = 'hacked';
    }).toThrow(TypeError);
    expect(() => {
      mutable(snap.steps).push(step('x', 'gp', 'X'));
    }).toThrow(TypeError);
    expect(() => {
      mutable(snap.steps[0]).label = 'hacked';
    }).toThrow(TypeError);
    expect(() => {
      mutable(snap.steps[1]?.position).x = 0;
    }).toThrow(TypeError);
    expect(() => {
      mutable(snap.steps[1]?.dataEntered).push('More');
    }).toThrow(TypeError);
    expect(() => {
      mutable(snap.settings?.demand).count = 0;
    }).toThrow(TypeError);
    expect(() => {
      delete mutable(snap.roles[0]).color;
    }).toThrow(TypeError);
    expect(doc.getSnapshot()).toBe(snap);
    expect(doc.getSnapshot()).toEqual(copy);
  });

  it('is not changed by mutating values after they were passed into commands', () => {
    const doc = sample();
    const position = { x: 1, y: 2 };
    const dataEntered = ['Name'];
    const input = { roleId: roleId('gp'), label: 'Check', position, dataEntered };
    const id = doc.addStep(input);
    const systems = ['EMIS'];
    doc.updateStep(stepId('s1'), { systems });
    const moves = [{ id: stepId('s4'), position: { x: 5, y: 5 } }];
    doc.moveSteps(moves);
    const demand = { count: 3, per: 'week' as const };
    doc.updateSettings({ demand });
    const reply = { author: 'A', text: 'hi' };
    doc.addReply(commentId('c2'), reply);
    const options = { label: 'go', probability: 0.5 };
    const fid = doc.connect(stepId('s1'), stepId('s3'), options);
    const expected = structuredClone(doc.getSnapshot());

    position.x = 999;
    dataEntered.push('Injected');
    (input as { label: string }).label = 'changed';
    systems.length = 0;
    (moves[0] as { position: { x: number } }).position.x = -1;
    (demand as { count: number }).count = 1000;
    reply.text = 'changed';
    options.probability = 1;

    // Nothing reaches the document, even after a rebuild from the Y.Doc.
    expect(doc.getSnapshot()).toEqual(expected);
    const fresh = newDoc('reader');
    Y.applyUpdate(fresh.ydoc, Y.encodeStateAsUpdate(doc.ydoc));
    expect(fresh.getSnapshot()).toEqual(expected);
    expect(fresh.getSnapshot().steps.find((s) => s.id === id)?.position).toEqual({ x: 1, y: 2 });
    expect(fresh.getSnapshot().flows.find((f) => f.id === fid)?.probability).toBe(0.5);
  });

  it('is not changed by mutating an imported file afterwards', () => {
    const file = sampleFile() as unknown as { steps: { label: string }[]; title: string };
    const doc = newDoc('alice', { file: file as unknown as ProcessMap });
    const expected = structuredClone(doc.getSnapshot());
    (file.steps[0] as { label: string }).label = 'changed';
    file.title = 'changed';
    expect(doc.getSnapshot()).toEqual(expected);
    expect(doc.getSnapshot()).toEqual(sampleFile());
  });
});

describe('subscribe', () => {
  it('calls the listener after each change, with the new snapshot already readable', () => {
    const doc = sample();
    const seen: string[] = [];
    const listener = vi.fn(() => {
      seen.push(doc.getSnapshot().steps[0]?.label ?? '');
    });
    doc.subscribe(listener);
    doc.updateStep(stepId('s1'), { label: 'one' });
    const afterFirst = listener.mock.calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    doc.updateStep(stepId('s1'), { label: 'two' });
    const afterSecond = listener.mock.calls.length;
    expect(afterSecond).toBeGreaterThan(afterFirst);
    expect(seen.at(-1)).toBe('two');
    expect(seen).toContain('one');
  });

  it('notifies once per command, undo and redo, with the undo state already current', () => {
    // Given a subscriber that records canUndo/canRedo when told of a change
    const doc = sample();
    const seen: [boolean, boolean][] = [];
    doc.subscribe(() => seen.push([doc.canUndo(), doc.canRedo()]));
    // When the user edits, undoes and redoes
    doc.updateStep(stepId('s1'), { label: 'one' });
    doc.undo();
    doc.redo();
    // Then each action notified exactly once, and the undo state read at that moment is right
    expect(seen).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
  });

  it('calls the listener after undo and redo', () => {
    const doc = sample();
    doc.relabelFlow(flowId('f1'), 'x');
    const listener = vi.fn();
    doc.subscribe(listener);
    doc.undo();
    expect(listener).toHaveBeenCalled();
    listener.mockClear();
    doc.redo();
    expect(listener).toHaveBeenCalled();
  });

  it('does not call the listener for a refused command', () => {
    const doc = sample();
    const listener = vi.fn();
    doc.subscribe(listener);
    expect(() => doc.deleteRole(roleId('gp'))).toThrow();
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops calling after unsubscribe, while other listeners still hear', () => {
    const doc = sample();
    const gone = vi.fn();
    const stays = vi.fn();
    const unsubscribe = doc.subscribe(gone);
    doc.subscribe(stays);
    unsubscribe();
    doc.renameRole(roleId('gp'), 'Doctor');
    doc.undo();
    expect(gone).not.toHaveBeenCalled();
    expect(stays).toHaveBeenCalled();
  });

  it('stops calling after destroy', () => {
    const doc = sample();
    const listener = vi.fn();
    doc.subscribe(listener);
    doc.destroy();
    doc.ydoc.getMap('meta').set('title', 'changed behind its back');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('order of records', () => {
  it('lists records in creation order, not id order', () => {
    const doc = newDoc();
    const r = doc.addRole({ name: 'R' });
    for (const id of ['zeta', 'alpha', 'mid']) doc.addStep({ id, roleId: r });
    expect(doc.getSnapshot().steps.map((s) => s.id)).toEqual(['zeta', 'alpha', 'mid']);
  });

  it('keeps a file order on import', () => {
    const doc = newDoc('alice', {
      file: {
        format: 'procmap',
        version: 1,
        title: '',
        roles: [role('z', 'Z'), role('a', 'A')],
        steps: [step('s9', 'a', '9'), step('s1', 'z', '1'), step('s5', 'a', '5')],
        flows: [],
      },
    });
    expect(doc.getSnapshot().roles.map((r) => r.id)).toEqual(['z', 'a']);
    expect(doc.getSnapshot().steps.map((s) => s.id)).toEqual(['s9', 's1', 's5']);
  });

  it('lists records from two peers in the same order on both', () => {
    const { a, b } = twoPeers(sampleFile());
    a.addStep({ id: 'fromA1', roleId: roleId('gp') });
    b.addStep({ id: 'fromB1', roleId: roleId('gp') });
    b.addStep({ id: 'fromB2', roleId: roleId('gp') });
    a.addStep({ id: 'fromA2', roleId: roleId('gp') });
    syncDocs(a, b);
    const ids: string[] = a.getSnapshot().steps.map((s) => s.id);
    expect(b.getSnapshot().steps.map((s) => s.id)).toEqual(ids);
    // Each peer's own records keep their creation order. (Across peers the order is by Yjs
    // item clock, then client: the same everywhere, but not wall-clock creation order.)
    expect(ids.filter((id) => /^s\d$/.test(id))).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(ids.indexOf('fromA1')).toBeLessThan(ids.indexOf('fromA2'));
    expect(ids.indexOf('fromB1')).toBeLessThan(ids.indexOf('fromB2'));
    expect(a.getSnapshot()).toEqual(b.getSnapshot());
  });
});

describe('remote changes', () => {
  it('given an update from another doc, then the snapshot shows it and listeners are told', () => {
    const { a, b } = twoPeers(sampleFile());
    const listener = vi.fn();
    a.subscribe(listener);
    const before = a.getSnapshot();
    b.updateStep(stepId('s2'), { processTime: 12 });
    b.addRole({ id: 'porter', name: 'Porter' });
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc)));
    expect(listener).toHaveBeenCalled();
    const after = a.getSnapshot();
    expect(after.steps[1]?.processTime).toBe(12);
    expect(lanesInOrder(after.roles).map((r) => r.id)).toEqual(['clerk', 'gp', 'nurse', 'porter']);
    // Structural sharing holds for remote edits too.
    expect(after.steps[0]).toBe(before.steps[0]);
    expect(after.flows).toBe(before.flows);
    // A remote edit is not on the local undo stack.
    expect(a.canUndo()).toBe(false);
  });

  it('given a remote delete, then the record leaves the snapshot', () => {
    const { a, b } = twoPeers(sampleFile());
    b.deleteSteps([stepId('s5')]);
    syncDocs(a, b);
    expect(a.getSnapshot().steps.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(a.getSnapshot().flows.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4']);
  });

  it('a MapDoc created over a Y.Doc that already holds content shows it', () => {
    const source = newDoc('alice', { file: sampleFile() });
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(source.ydoc));
    const late = new MapDoc(ydoc, { actor: 'late' });
    expect(late.getSnapshot()).toEqual(sampleFile());
    expect(late.canUndo()).toBe(false);
  });
});
