import { describe, expect, it } from 'vitest';
import { roleId, stepId } from './ids';
import { normalize, UNASSIGNED_ROLE_ID, UNASSIGNED_ROLE_NAME } from './normalize';
import { clean, codes, comment, deepFreeze, flow, map, repairOf, role, step } from './test-helpers';
import type { ProcessMap, Step } from './types';
import type { StepKind } from './vocabulary';

describe('normalize: a clean map', () => {
  it('given a consistent map, then the same object comes back with no repairs', () => {
    const input = deepFreeze(clean());
    const result = normalize(input);
    expect(result.map).toBe(input);
    expect(result.repairs).toEqual([]);
  });

  it('given an empty map without comments, then the same object comes back', () => {
    const input = map({});
    const result = normalize(input);
    expect(result.map).toBe(input);
    expect(result.repairs).toEqual([]);
  });
});

describe('normalize: steps whose role is gone', () => {
  it('given a step in a deleted role, then it moves to a new "Unassigned" lane after the last one', () => {
    const input = deepFreeze(
      map({
        roles: [role('a', { order: 5 }), role('b', { order: 2 })],
        steps: [step('s1', 'a'), step('s2', 'nurse'), step('s3', 'b')],
      }),
    );
    const result = normalize(input);
    expect(result.map.steps.map((s) => s.roleId)).toEqual(['a', UNASSIGNED_ROLE_ID, 'b']);
    expect(result.map.roles).toHaveLength(3);
    expect(result.map.roles[2]).toEqual({
      id: UNASSIGNED_ROLE_ID,
      name: UNASSIGNED_ROLE_NAME,
      order: 6,
    });
    expect(UNASSIGNED_ROLE_NAME).toBe('Unassigned');
    const repair = repairOf(result.repairs, 'orphan-step');
    expect(repair.ids).toEqual(['s2']);
    expect(repair.message).toContain('Unassigned');
  });

  it('given several orphan steps, then the lane is added once and all are reported together', () => {
    const result = normalize(
      map({
        roles: [role('a')],
        steps: [step('s1', 'x'), step('s2', 'a'), step('s3', 'y'), step('s4', 'x')],
      }),
    );
    expect(result.map.roles.filter((r) => r.id === UNASSIGNED_ROLE_ID)).toHaveLength(1);
    expect(result.map.roles.map((r) => r.id)).toEqual(['a', UNASSIGNED_ROLE_ID]);
    expect(repairOf(result.repairs, 'orphan-step').ids).toEqual(['s1', 's3', 's4']);
    expect(result.map.steps.map((s) => s.roleId)).toEqual([
      UNASSIGNED_ROLE_ID,
      'a',
      UNASSIGNED_ROLE_ID,
      UNASSIGNED_ROLE_ID,
    ]);
  });

  it('given roles without order keys, then the lane goes after the last list position', () => {
    const result = normalize(
      map({ roles: [role('a'), role('b'), role('c')], steps: [step('s', 'gone')] }),
    );
    expect(result.map.roles[3]).toMatchObject({ id: UNASSIGNED_ROLE_ID, order: 3 });
  });

  it('given fractional and negative order keys, then the lane still sorts last', () => {
    const result = normalize(
      map({
        roles: [role('a', { order: -3 }), role('b', { order: 0.5 }), role('c', { order: -1 })],
        steps: [step('s', 'gone')],
      }),
    );
    const unassigned = result.map.roles.find((r) => r.id === UNASSIGNED_ROLE_ID);
    const others = result.map.roles.filter((r) => r.id !== UNASSIGNED_ROLE_ID);
    for (const r of others) expect(unassigned?.order).toBeGreaterThan(r.order ?? 0);
  });

  it('given no roles at all, then the Unassigned lane is the only lane', () => {
    const result = normalize(map({ steps: [step('s1', 'gp'), step('s2', 'gp')] }));
    expect(result.map.roles).toEqual([
      { id: UNASSIGNED_ROLE_ID, name: UNASSIGNED_ROLE_NAME, order: 0 },
    ]);
    expect(result.map.steps).toHaveLength(2);
  });

  it('given an existing role with id "unassigned", then it is reused, not added again', () => {
    const existing = role('unassigned', { name: 'Nobody yet', order: 1 });
    const input = map({
      roles: [role('a', { order: 0 }), existing],
      steps: [step('s1', 'a'), step('s2', 'gone')],
    });
    const result = normalize(input);
    expect(result.map.roles).toBe(input.roles);
    expect(result.map.roles[1]).toBe(existing);
    expect(result.map.steps[1]?.roleId).toBe(UNASSIGNED_ROLE_ID);
    expect(codes(result.repairs)).toEqual(['orphan-step']);
  });

  it('given a step with no role id at all, then it goes to Unassigned too', () => {
    const broken = { id: stepId('s1'), kind: 'task', label: 'x' } as unknown as Step;
    const result = normalize(map({ roles: [role('a')], steps: [broken] }));
    expect(result.map.steps[0]?.roleId).toBe(UNASSIGNED_ROLE_ID);
    expect(repairOf(result.repairs, 'orphan-step').ids).toEqual(['s1']);
  });

  it('given a repaired step, then its other fields (known and unknown) are kept', () => {
    const rich = {
      ...step('s1', 'gone', { processTime: 5, notes: 'n', position: { x: 1, y: 2 } }),
      custom: { deep: true },
    } as Step;
    const result = normalize(map({ roles: [role('a')], steps: [rich] }));
    expect(result.map.steps[0]).toEqual({ ...rich, roleId: UNASSIGNED_ROLE_ID });
  });
});

describe('normalize: dangling flows', () => {
  it('given flows to or from missing steps, then they leave the view and are reported by id', () => {
    const input = deepFreeze(
      map({
        roles: [role('a')],
        steps: [step('s1', 'a'), step('s2', 'a')],
        flows: [
          flow('f1', 's1', 's2'),
          flow('f2', 's1', 'ghost'),
          flow('f3', 'phantom', 's2'),
          flow('f4', 'x', 'y'),
        ],
      }),
    );
    const result = normalize(input);
    expect(result.map.flows.map((f) => f.id)).toEqual(['f1']);
    expect(result.map.flows[0]).toBe(input.flows[0]);
    const repair = repairOf(result.repairs, 'dangling-flow');
    expect(repair.ids).toEqual(['f2', 'f3', 'f4']);
    expect(repair.message).toMatch(/^3 flow/);
    // the input still has them all: normalize works on a copy
    expect(input.flows).toHaveLength(4);
  });

  it('given a comment on a dangling flow, then the comment moves to the map', () => {
    const result = normalize(
      map({
        roles: [role('a')],
        steps: [step('s1', 'a')],
        flows: [flow('f1', 's1', 'ghost')],
        comments: [comment('c1', 'f1')],
      }),
    );
    expect(result.map.comments?.[0]?.targetId).toBeUndefined();
    expect(codes(result.repairs)).toEqual(['dangling-flow', 'orphan-comment']);
  });
});

describe('normalize: duplicate ids', () => {
  it('given a step id used twice, then the second is renamed "id~2" and reported', () => {
    const input = map({
      roles: [role('a')],
      steps: [step('s1', 'a', { label: 'first' }), step('s1', 'a', { label: 'second' })],
    });
    const result = normalize(input);
    expect(result.map.steps.map((s) => [s.id, s.label])).toEqual([
      ['s1', 'first'],
      ['s1~2', 'second'],
    ]);
    expect(result.map.steps[0]).toBe(input.steps[0]);
    expect(result.repairs).toEqual([
      {
        code: 'duplicate-id',
        message: 'step id "s1" was used twice; the second is shown as "s1~2"',
        ids: ['s1~2'],
      },
    ]);
  });

  it('given "x~2" already taken, then a new duplicate of "x" becomes "x~3"', () => {
    const result = normalize(
      map({ roles: [role('a')], steps: [step('x', 'a'), step('x~2', 'a'), step('x', 'a')] }),
    );
    expect(result.map.steps.map((s) => s.id)).toEqual(['x', 'x~2', 'x~3']);
  });

  it('given an id used three times, then the copies become "~2" and "~3"', () => {
    const result = normalize(
      map({ roles: [role('a')], steps: [step('x', 'a'), step('x', 'a'), step('x', 'a')] }),
    );
    expect(result.map.steps.map((s) => s.id)).toEqual(['x', 'x~2', 'x~3']);
    expect(result.repairs.flatMap((r) => r.ids)).toEqual(['x~2', 'x~3']);
  });

  it('given duplicates in roles, flows and comments, then each list is deduplicated', () => {
    const result = normalize(
      map({
        roles: [role('a'), role('a')],
        steps: [step('s1', 'a'), step('s2', 'a')],
        flows: [flow('f', 's1', 's2'), flow('f', 's2', 's1')],
        comments: [comment('c'), comment('c')],
      }),
    );
    expect(result.map.roles.map((r) => r.id)).toEqual(['a', 'a~2']);
    expect(result.map.flows.map((f) => f.id)).toEqual(['f', 'f~2']);
    expect(result.map.comments?.map((c) => c.id)).toEqual(['c', 'c~2']);
    expect(result.repairs.map((r) => [r.code, r.ids])).toEqual([
      ['duplicate-id', ['a~2']],
      ['duplicate-id', ['f~2']],
      ['duplicate-id', ['c~2']],
    ]);
    expect(result.repairs[0]?.message).toMatch(/^role id "a"/);
  });

  it('given the same id in different lists, then nothing is renamed', () => {
    const input = map({
      roles: [role('x')],
      steps: [step('x', 'x')],
      flows: [flow('x', 'x', 'x')],
      comments: [comment('x', 'x')],
    });
    const result = normalize(input);
    expect(result.map).toBe(input);
  });
});

describe('normalize: comments on missing targets', () => {
  it('given a comment on a missing step, then it becomes a map comment and is reported', () => {
    const input = deepFreeze(
      map({
        roles: [role('a')],
        steps: [step('s1', 'a')],
        comments: [comment('c1', 's1'), comment('c2', 'gone'), comment('c3')],
      }),
    );
    const result = normalize(input);
    const comments = result.map.comments ?? [];
    expect(comments).toHaveLength(3);
    expect(comments[0]).toBe(input.comments?.[0]);
    expect(comments[2]).toBe(input.comments?.[2]);
    expect(comments[1]).toEqual({
      id: 'c2',
      kind: 'note',
      author: 'A',
      text: 'about gone',
      createdAt: '2026-01-01T00:00:00Z',
    });
    expect(comments[1] && 'targetId' in comments[1]).toBe(false);
    expect(repairOf(result.repairs, 'orphan-comment').ids).toEqual(['c2']);
  });

  it('given a map without comments that needs other repairs, then no comments key appears', () => {
    const result = normalize(map({ steps: [step('s1', 'gone')] }));
    expect('comments' in result.map).toBe(false);
  });
});

describe('normalize: bad fields', () => {
  it('given an unknown kind, then the step is shown as a task and reported', () => {
    const odd = { ...step('s1', 'a'), kind: 'subprocess' as StepKind, custom: 1 } as Step;
    const result = normalize(map({ roles: [role('a')], steps: [odd] }));
    expect(result.map.steps[0]).toEqual({ ...odd, kind: 'task' });
    const repair = repairOf(result.repairs, 'bad-field');
    expect(repair.ids).toEqual(['s1']);
    expect(repair.message).toContain('"subprocess"');
  });

  it('given a missing or non-text label, then it is shown as text and reported', () => {
    const noLabel = { id: stepId('s1'), roleId: roleId('a'), kind: 'task' } as Step;
    const numLabel = { ...step('s2', 'a'), label: 42 as unknown as string };
    const result = normalize(map({ roles: [role('a')], steps: [noLabel, numLabel] }));
    expect(result.map.steps.map((s) => s.label)).toEqual(['', '42']);
    expect(result.repairs.map((r) => [r.code, r.ids])).toEqual([
      ['bad-field', ['s1']],
      ['bad-field', ['s2']],
    ]);
  });
});

describe('normalize: identity of unchanged records', () => {
  it('given one orphan step among many, then every other record keeps its identity', () => {
    const input = deepFreeze(
      map({
        roles: [role('gp'), role('clerk')],
        steps: [step('s1', 'gp'), step('s2', 'deleted'), step('s3', 'clerk')],
        flows: [flow('f1', 's1', 's2'), flow('f2', 's2', 's3')],
        comments: [comment('c1', 's1')],
        settings: { hoursPerDay: 8 },
      }),
    );
    const result = normalize(input);
    expect(result.map).not.toBe(input);
    expect(result.map.steps).not.toBe(input.steps);
    expect(result.map.steps[0]).toBe(input.steps[0]);
    expect(result.map.steps[1]).not.toBe(input.steps[1]);
    expect(result.map.steps[2]).toBe(input.steps[2]);
    expect(result.map.roles[0]).toBe(input.roles[0]);
    expect(result.map.roles[1]).toBe(input.roles[1]);
    expect(result.map.flows).toBe(input.flows);
    expect(result.map.comments).toBe(input.comments);
    expect(result.map.settings).toBe(input.settings);
  });

  it('given only a dangling flow, then steps, roles and comments lists keep identity', () => {
    const input = map({
      roles: [role('a')],
      steps: [step('s1', 'a')],
      flows: [flow('f1', 's1', 's1'), flow('f2', 's1', 'nope')],
      comments: [comment('c1')],
    });
    const result = normalize(input);
    expect(result.map.steps).toBe(input.steps);
    expect(result.map.roles).toBe(input.roles);
    expect(result.map.comments).toBe(input.comments);
    expect(result.map.flows[0]).toBe(input.flows[0]);
  });

  it('given unknown top-level fields, then they survive a repair', () => {
    const input = { ...map({ steps: [step('s1', 'gone')] }), plugin: { x: 1 } } as ProcessMap;
    const result = normalize(input);
    expect((result.map as unknown as { plugin: unknown }).plugin).toBe(
      (input as unknown as { plugin: unknown }).plugin,
    );
    expect(result.map.title).toBe('T');
  });
});

describe('normalize: lanes restored without a name', () => {
  it('shows a lane that lost its name field as unnamed and reports it', () => {
    // Given a lane whose name field is gone (undo of its deletion raced a rename)
    const map = {
      format: 'procmap',
      version: 1,
      title: '',
      roles: [{ id: 'gp', order: 0 }],
      steps: [],
      flows: [],
    } as unknown as ProcessMap;
    // When it is normalized
    const result = normalize(map);
    // Then the lane is kept, named "", and the repair is reported
    expect(result.map.roles).toEqual([{ id: 'gp', order: 0, name: '' }]);
    expect(result.repairs.map((r) => r.code)).toEqual(['bad-field']);
  });
});

describe('normalize: comments that lost fields', () => {
  it('given a comment without kind or text (an undone delete raced an edit), then it shows as an empty note', () => {
    const broken = { id: 'c1', targetId: 'gone', author: 'A', createdAt: 'x', votes: { a: 1 } };
    const input = map({ comments: [broken as never, comment('c2')] });
    const result = normalize(input);
    expect(result.map.comments?.[0]).toEqual({
      id: 'c1',
      kind: 'note',
      text: '',
      author: 'A',
      createdAt: 'x',
      votes: { a: 1 },
    });
    expect(result.map.comments?.[1]).toBe(input.comments?.[1]);
    expect(result.repairs.map((r) => [r.code, r.ids])).toEqual([
      ['bad-field', ['c1']],
      ['bad-field', ['c1']],
      ['orphan-comment', ['c1']],
    ]);
  });

  it('given sound comments, then the list keeps its identity', () => {
    const input = map({ comments: [comment('c1'), comment('c2')] });
    expect(normalize(input).map).toBe(input);
  });
});
