import { lanesInOrder, type ProcessMap, roleId } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import type { MapDoc } from '../map-doc';
import {
  comment,
  docErrorOf,
  expectTriple,
  flow,
  newDoc,
  role,
  sampleFile,
  step,
} from '../test-helpers';

const laneIds = (doc: MapDoc) => lanesInOrder(doc.getSnapshot().roles).map((r) => r.id);
const findRole = (map: ProcessMap, id: string) => map.roles.find((r) => r.id === id);

/** A doc with lanes a, b, c, d (orders 0..3) and nothing else, not on the undo stack. */
function fourLanes(): MapDoc {
  return newDoc('alice', {
    file: {
      format: 'procmap',
      version: 1,
      title: 'Lanes',
      roles: [
        role('a', 'A', { order: 0 }),
        role('b', 'B', { order: 1 }),
        role('c', 'C', { order: 2 }),
        role('d', 'D', { order: 3 }),
      ],
      steps: [],
      flows: [],
    },
  });
}

describe('addRole', () => {
  it('given an empty map, when a role is added, then it is the only lane; undo removes it; redo brings it back', () => {
    const doc = newDoc();
    const { before, after, result } = expectTriple(doc, () =>
      doc.addRole({ name: 'Clerk', color: '#123456', headcount: 3, hourlyCost: 20 }),
    );
    expect(before.roles).toEqual([]);
    expect(after.roles).toEqual([
      { id: result, name: 'Clerk', order: 0, headcount: 3, hourlyCost: 20, color: '#123456' },
    ]);
    expect(result).toMatch(/^r_/);
  });

  it('given lanes, when roles are added without an index, then each goes to the bottom', () => {
    const doc = fourLanes();
    const e = doc.addRole({ name: 'E' });
    const f = doc.addRole({ name: 'F' });
    expect(laneIds(doc)).toEqual(['a', 'b', 'c', 'd', e, f]);
  });

  it('given lanes, when a role is added at index 0 or in the middle, then it lands there', () => {
    const doc = fourLanes();
    const top = doc.addRole({ name: 'Top', index: 0 });
    expect(laneIds(doc)).toEqual([top, 'a', 'b', 'c', 'd']);
    const mid = doc.addRole({ name: 'Mid', index: 3 });
    expect(laneIds(doc)).toEqual([top, 'a', 'b', mid, 'c', 'd']);
    doc.undo();
    expect(laneIds(doc)).toEqual([top, 'a', 'b', 'c', 'd']);
  });

  it('given an explicit id, when it is free, then the role gets it; when taken, then invalid-value and no change', () => {
    const doc = fourLanes();
    expect(doc.addRole({ id: 'nurse', name: 'Nurse' })).toBe('nurse');
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.addRole({ id: 'nurse', name: 'Other' })).code).toBe(
      'invalid-value',
    );
    expect(docErrorOf(() => doc.addRole({ id: '', name: 'Empty' })).code).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
  });

  it('given an invalid headcount or cost, when adding, then invalid-value and the doc is unchanged', () => {
    const doc = fourLanes();
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.addRole({ name: 'X', headcount: -1 })).code).toBe('invalid-value');
    expect(docErrorOf(() => doc.addRole({ name: 'X', hourlyCost: Number.NaN })).code).toBe(
      'invalid-value',
    );
    expect(doc.getSnapshot()).toEqual(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('renameRole / recolourRole / updateRole', () => {
  it('renameRole changes the name as one undo step', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const { after } = expectTriple(doc, () => doc.renameRole(roleId('gp'), 'Consultant'));
    expect(findRole(after, 'gp')?.name).toBe('Consultant');
  });

  it('recolourRole sets a colour, and undefined clears it', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const set = expectTriple(doc, () => doc.recolourRole(roleId('gp'), '#ff0000'));
    expect(findRole(set.after, 'gp')?.color).toBe('#ff0000');
    const cleared = expectTriple(doc, () => doc.recolourRole(roleId('clerk'), undefined));
    expect(findRole(cleared.before, 'clerk')?.color).toBe('#4f7cff');
    expect(findRole(cleared.after, 'clerk')).not.toHaveProperty('color');
  });

  it('updateRole sets headcount and hourly cost together as one undo step', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const { after } = expectTriple(doc, () =>
      doc.updateRole(roleId('nurse'), { headcount: 4, hourlyCost: 38.5 }),
    );
    expect(findRole(after, 'nurse')).toEqual({
      id: 'nurse',
      name: 'Nurse',
      order: 2,
      headcount: 4,
      hourlyCost: 38.5,
    });
  });

  it('updateRole with undefined clears headcount and hourly cost; the name cannot be cleared', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const { after } = expectTriple(doc, () =>
      doc.updateRole(roleId('gp'), {
        headcount: undefined,
        hourlyCost: undefined,
        name: undefined,
      }),
    );
    expect(findRole(after, 'gp')).toEqual({ id: 'gp', name: 'GP', order: 1 });
  });

  it('updateRole refuses bad values and unknown roles without changing anything', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.updateRole(roleId('gp'), { headcount: -2 })).code).toBe(
      'invalid-value',
    );
    expect(
      docErrorOf(() => doc.updateRole(roleId('gp'), { name: 'ok', hourlyCost: Infinity })).code,
    ).toBe('invalid-value');
    expect(docErrorOf(() => doc.renameRole(roleId('nobody'), 'X')).code).toBe('unknown-role');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('an update that changes nothing leaves the snapshot and the undo stack alone', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const before = doc.getSnapshot();
    doc.renameRole(roleId('gp'), 'GP');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });
});

describe('moveRole', () => {
  it.each([
    ['top', 'c', 0, ['c', 'a', 'b', 'd']],
    ['middle', 'a', 2, ['b', 'c', 'a', 'd']],
    ['bottom', 'b', 3, ['a', 'c', 'd', 'b']],
    ['past the bottom', 'a', 99, ['b', 'c', 'd', 'a']],
    ['above the top', 'd', -5, ['d', 'a', 'b', 'c']],
  ])(
    'given lanes a b c d, when moving a lane to the %s, then the lane order follows and undo/redo restore it',
    (_where, id, index, expected) => {
      const doc = fourLanes();
      const { after, before } = expectTriple(doc, () => doc.moveRole(roleId(id), index));
      expect(lanesInOrder(before.roles).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
      expect(lanesInOrder(after.roles).map((r) => r.id)).toEqual(expected);
      // Only the moved lane's key changed.
      for (const r of after.roles) {
        if (r.id !== id) expect(r).toBe(before.roles.find((b) => b.id === r.id));
      }
    },
  );

  it('given a lane at its own place, when moved there again, then nothing changes', () => {
    const doc = fourLanes();
    const before = doc.getSnapshot();
    doc.moveRole(roleId('b'), 1);
    expect(laneIds(doc)).toEqual(['a', 'b', 'c', 'd']);
    expect(doc.getSnapshot().roles.find((r) => r.id === 'b')?.order).toBe(1);
    expect(before.roles).toEqual(doc.getSnapshot().roles);
  });

  it('given an unknown lane, when moved, then unknown-role', () => {
    const doc = fourLanes();
    expect(docErrorOf(() => doc.moveRole(roleId('zz'), 0)).code).toBe('unknown-role');
  });

  it('given many moves into the same gap, then the keys eventually renumber and the order stays correct', () => {
    const doc = fourLanes();
    const model = ['a', 'b', 'c', 'd'];
    let renumbered = false;
    for (let i = 0; i < 200 && !renumbered; i++) {
      // Move the bottom lane up between the second and the third: the gap above the second
      // lane's key halves every time until no double fits in it.
      const moving = model[3] as string;
      const before = doc.getSnapshot();
      doc.moveRole(roleId(moving), 2);
      model.splice(3, 1);
      model.splice(2, 0, moving);
      expect(laneIds(doc)).toEqual(model);
      const after = doc.getSnapshot();
      const changed = after.roles.filter(
        (r) => r.order !== before.roles.find((b) => b.id === r.id)?.order,
      );
      if (changed.length > 1) {
        renumbered = true;
        // Renumbering spreads the keys out evenly, in lane order.
        expect(lanesInOrder(after.roles).map((r) => r.order)).toEqual([0, 1, 2, 3]);
        // The whole renumbering is one undo step.
        doc.undo();
        expect(doc.getSnapshot()).toEqual(before);
        doc.redo();
        expect(doc.getSnapshot()).toEqual(after);
      }
    }
    expect(renumbered).toBe(true);
    // Keys stay distinct, so the order does not depend on the id tie-break.
    const orders = doc.getSnapshot().roles.map((r) => r.order);
    expect(new Set(orders).size).toBe(4);
  });
});

describe('deleteRole', () => {
  it('given an empty lane, when deleted, then it is gone; undo brings it back', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const empty = doc.addRole({ name: 'Porter' });
    const { after, result } = expectTriple(doc, () => doc.deleteRole(empty));
    expect(findRole(after, empty)).toBeUndefined();
    expect(result).toEqual({ moved: [], deleted: [] });
  });

  it('given a lane with steps and no option, then role-not-empty and the doc is unchanged', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const before = doc.getSnapshot();
    const error = docErrorOf(() => doc.deleteRole(roleId('nurse')));
    expect(error.code).toBe('role-not-empty');
    expect(error.message).toContain('Nurse');
    expect(error.message).toContain('2 step');
    expect(doc.getSnapshot()).toBe(before);
    expect(doc.canUndo()).toBe(false);
  });

  it('given { moveTo }, then the steps move to that lane and are listed; undo moves them back', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const { after, before, result } = expectTriple(
      doc,
      () => doc.deleteRole(roleId('nurse'), { moveTo: roleId('gp') }),
      { sameOrder: false },
    );
    expect(result).toEqual({ moved: ['s4', 's5'], deleted: [] });
    expect(findRole(after, 'nurse')).toBeUndefined();
    expect(after.steps.filter((s) => s.roleId === 'gp').map((s) => s.id)).toEqual([
      's3',
      's4',
      's5',
    ]);
    // Everything else about the moved steps, and their flows, is kept.
    expect(after.steps.find((s) => s.id === 's4')).toEqual({
      ...before.steps.find((s) => s.id === 's4'),
      roleId: 'gp',
    });
    expect(after.flows).toEqual(before.flows);
  });

  it('given { moveTo } an unknown lane or itself, then refused and unchanged', () => {
    const doc = newDoc('alice', { file: sampleFile() });
    const before = doc.getSnapshot();
    expect(docErrorOf(() => doc.deleteRole(roleId('nurse'), { moveTo: roleId('zz') })).code).toBe(
      'unknown-role',
    );
    expect(
      docErrorOf(() => doc.deleteRole(roleId('nurse'), { moveTo: roleId('nurse') })).code,
    ).toBe('invalid-value');
    expect(doc.getSnapshot()).toBe(before);
  });

  it("given 'delete', then its steps and their flows go, the comments on them stay; undo brings all back", () => {
    const file = sampleFile();
    const doc = newDoc('alice', {
      file: {
        ...file,
        comments: [
          ...(file.comments ?? []),
          comment('c4', 's4', 'Booking is slow'),
          comment('c5', 'f5', 'Always taken'),
        ],
      },
    });
    const { after, before, result } = expectTriple(
      doc,
      () => doc.deleteRole(roleId('nurse'), 'delete'),
      { sameOrder: false },
    );
    expect(result).toEqual({ moved: [], deleted: ['s4', 's5'] });
    expect(after.roles.map((r) => r.id)).toEqual(['clerk', 'gp']);
    expect(after.steps.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(after.flows.map((f) => f.id)).toEqual(['f1', 'f2', 'f4']);
    expect(after.comments).toBe(before.comments);
    expect(after.comments?.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    doc.undo();
    expect(
      doc
        .getSnapshot()
        .steps.map((s) => s.id)
        .sort(),
    ).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('given an unknown lane, then unknown-role', () => {
    const doc = newDoc();
    expect(docErrorOf(() => doc.deleteRole(roleId('nope'))).code).toBe('unknown-role');
  });

  it('steps of other lanes are untouched by a lane delete (same objects)', () => {
    const doc = newDoc('alice', {
      file: {
        format: 'procmap',
        version: 1,
        title: '',
        roles: [role('x', 'X'), role('y', 'Y')],
        steps: [step('a', 'x', 'A'), step('b', 'y', 'B')],
        flows: [flow('f', 'a', 'b')],
      },
    });
    const before = doc.getSnapshot();
    doc.deleteRole(roleId('y'), 'delete');
    const after = doc.getSnapshot();
    expect(after.steps).toEqual([before.steps[0]]);
    expect(after.steps[0]).toBe(before.steps[0]);
    expect(after.flows).toEqual([]);
  });
});
