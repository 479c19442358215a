import { describe, expect, it } from 'vitest';
import { entrySteps, indexMap, isHandoff, lanesInOrder, reachableFrom } from './graph';
import { flowId, roleId, stepId } from './ids';
import type { Flow, ProcessMap, Role, Step } from './types';

const role = (id: string, order?: number): Role => ({
  id: roleId(id),
  name: id,
  ...(order === undefined ? {} : { order }),
});
const step = (id: string, role: string, extra: Partial<Step> = {}): Step => ({
  id: stepId(id),
  roleId: roleId(role),
  kind: 'task',
  label: id,
  ...extra,
});
const flow = (id: string, from: string, to: string): Flow => ({
  id: flowId(id),
  from: stepId(from),
  to: stepId(to),
});
const map = (parts: Partial<ProcessMap>): ProcessMap => ({
  format: 'procmap',
  version: 1,
  title: '',
  roles: [],
  steps: [],
  flows: [],
  ...parts,
});
const ids = (records: Iterable<{ readonly id: string }>) => [...records].map((r) => r.id);
const S = stepId;

/*
 * gp:    s1(start) -> s2 -> s3(decision) -> s5(end)
 * clerk:                     \-> s4 -> back to s2 (rework)
 */
const referral = map({
  roles: [role('gp', 0), role('clerk', 1)],
  steps: [
    step('s1', 'gp', { kind: 'start' }),
    step('s2', 'gp'),
    step('s3', 'gp', { kind: 'decision' }),
    step('s4', 'clerk'),
    step('s5', 'gp', { kind: 'end' }),
  ],
  flows: [
    flow('f1', 's1', 's2'),
    flow('f2', 's2', 's3'),
    flow('f3', 's3', 's5'),
    flow('f4', 's3', 's4'),
    flow('f5', 's4', 's2'),
  ],
});

describe('indexMap: lookups', () => {
  const index = indexMap(referral);

  it('finds records by id and answers undefined for unknown ids', () => {
    expect(index.map).toBe(referral);
    expect(index.step(S('s3'))).toBe(referral.steps[2]);
    expect(index.role(roleId('clerk'))).toBe(referral.roles[1]);
    expect(index.flow(flowId('f4'))).toBe(referral.flows[3]);
    expect(index.step(S('nope'))).toBeUndefined();
    expect(index.role(roleId('nope'))).toBeUndefined();
    expect(index.flow(flowId('nope'))).toBeUndefined();
  });

  it('lists outgoing and incoming flows in map order', () => {
    expect(ids(index.outgoing(S('s3')))).toEqual(['f3', 'f4']);
    expect(ids(index.incoming(S('s2')))).toEqual(['f1', 'f5']);
    expect(ids(index.outgoing(S('s5')))).toEqual([]);
    expect(ids(index.incoming(S('s1')))).toEqual([]);
    expect(ids(index.outgoing(S('unknown')))).toEqual([]);
  });

  it('lists steps by role in map order, and none for an unknown role', () => {
    expect(ids(index.stepsByRole(roleId('gp')))).toEqual(['s1', 's2', 's3', 's5']);
    expect(ids(index.stepsByRole(roleId('clerk')))).toEqual(['s4']);
    expect(index.stepsByRole(roleId('nurse'))).toEqual([]);
  });

  it('given a duplicate id, then the by-id lookup returns the first', () => {
    const first = step('x', 'gp', { label: 'first' });
    const second = step('x', 'gp', { label: 'second' });
    const index2 = indexMap(map({ steps: [first, second] }));
    expect(index2.step(S('x'))).toBe(first);
    expect(index2.stepsByRole(roleId('gp'))).toEqual([first, second]);
  });

  it('given flows with a dangling end, then they are still listed at the known end', () => {
    const index2 = indexMap(map({ steps: [step('a', 'r')], flows: [flow('f', 'a', 'ghost')] }));
    expect(ids(index2.outgoing(S('a')))).toEqual(['f']);
    expect(ids(index2.incoming(S('ghost')))).toEqual(['f']);
  });

  it('given a self-loop, then the flow is both outgoing and incoming', () => {
    const index2 = indexMap(map({ steps: [step('a', 'r')], flows: [flow('f', 'a', 'a')] }));
    expect(ids(index2.outgoing(S('a')))).toEqual(['f']);
    expect(ids(index2.incoming(S('a')))).toEqual(['f']);
  });

  it('returns read-only empty lists that cannot be used to smuggle data between queries', () => {
    const empty = indexMap(referral).outgoing(S('s5'));
    expect(Object.isFrozen(empty)).toBe(true);
  });
});

describe('lanes order', () => {
  it('sorts by order key', () => {
    const roles = [role('c', 2), role('a', 0), role('b', 1)];
    expect(ids(indexMap(map({ roles })).lanes)).toEqual(['a', 'b', 'c']);
  });

  it('breaks ties by id', () => {
    const roles = [role('zeta', 1), role('alpha', 1), role('mid', 0)];
    expect(ids(lanesInOrder(roles))).toEqual(['mid', 'alpha', 'zeta']);
  });

  it('treats a missing order key as the list index', () => {
    // indexes: x=0 (no key), y has 0.5, z=2 (no key), w has -1
    const roles = [role('x'), role('y', 0.5), role('z'), role('w', -1)];
    expect(ids(lanesInOrder(roles))).toEqual(['w', 'x', 'y', 'z']);
  });

  it('ties between a missing key (its index) and an explicit key go by id', () => {
    const roles = [role('b', 1), role('a')]; // a has index 1 -> tie with b
    expect(ids(lanesInOrder(roles))).toEqual(['a', 'b']);
  });

  it('supports fractional keys between neighbours', () => {
    const roles = [role('a', 0), role('b', 1), role('between', 0.5)];
    expect(ids(lanesInOrder(roles))).toEqual(['a', 'between', 'b']);
  });

  it('does not reorder the input list', () => {
    const roles = [role('b', 1), role('a', 0)];
    lanesInOrder(roles);
    expect(ids(roles)).toEqual(['b', 'a']);
  });

  it('gives the same order whatever order the roles are listed in, when all have keys', () => {
    const roles = [role('a', 3), role('b', 1), role('c', 1), role('d', 2), role('e', 0)];
    const expected = ids(lanesInOrder(roles));
    expect(ids(lanesInOrder([...roles].reverse()))).toEqual(expected);
    expect(ids(lanesInOrder([roles[2], roles[0], roles[4], roles[1], roles[3]] as Role[]))).toEqual(
      expected,
    );
    expect(expected).toEqual(['e', 'b', 'c', 'd', 'a']);
  });
});

describe('reachableFrom', () => {
  const index = indexMap(referral);

  it('includes the start steps themselves and everything downstream', () => {
    expect([...reachableFrom(index, [S('s1')])].sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect([...reachableFrom(index, [S('s5')])]).toEqual(['s5']);
  });

  it('terminates on cycles and follows them back', () => {
    expect([...reachableFrom(index, [S('s4')])].sort()).toEqual(['s2', 's3', 's4', 's5']);
    const loop = indexMap(
      map({
        steps: [step('a', 'r'), step('b', 'r'), step('c', 'r')],
        flows: [flow('1', 'a', 'b'), flow('2', 'b', 'a'), flow('3', 'b', 'b')],
      }),
    );
    expect([...reachableFrom(loop, [S('a')])].sort()).toEqual(['a', 'b']);
  });

  it('ignores unknown start ids', () => {
    expect([...reachableFrom(index, [S('ghost')])]).toEqual([]);
    expect([...reachableFrom(index, [S('ghost'), S('s4')])].sort()).toEqual([
      's2',
      's3',
      's4',
      's5',
    ]);
    expect(reachableFrom(index, []).size).toBe(0);
  });

  it('accepts any iterable of ids, duplicates included', () => {
    const from = new Set([S('s5'), S('s4')]);
    expect(reachableFrom(index, from).size).toBe(4);
    expect(reachableFrom(index, [S('s5'), S('s5')]).size).toBe(1);
  });

  it('never returns ids of steps that do not exist (flows into missing steps are not followed)', () => {
    const dangling = indexMap(
      map({
        steps: [step('a', 'r'), step('b', 'r')],
        flows: [flow('1', 'a', 'ghost'), flow('2', 'ghost', 'b'), flow('3', 'a', 'b')],
      }),
    );
    expect([...reachableFrom(dangling, [S('a')])].sort()).toEqual(['a', 'b']);
  });
});

describe('entrySteps', () => {
  it('given start steps, then those are the entries', () => {
    expect(ids(entrySteps(indexMap(referral)))).toEqual(['s1']);
  });

  it('given several start steps, then all of them in map order, even with incoming flows', () => {
    const m = map({
      steps: [
        step('a', 'r'),
        step('s2', 'r', { kind: 'start' }),
        step('s1', 'r', { kind: 'start' }),
      ],
      flows: [flow('f', 'a', 's1')],
    });
    expect(ids(entrySteps(indexMap(m)))).toEqual(['s2', 's1']);
  });

  it('given no start step, then the steps with no incoming flow', () => {
    const m = map({
      steps: [step('a', 'r'), step('b', 'r'), step('c', 'r'), step('d', 'r')],
      flows: [flow('1', 'a', 'b'), flow('2', 'b', 'c'), flow('3', 'c', 'b')],
    });
    expect(ids(entrySteps(indexMap(m)))).toEqual(['a', 'd']);
  });

  it('given a pure cycle and no start, then there is no entry', () => {
    const m = map({
      steps: [step('a', 'r'), step('b', 'r')],
      flows: [flow('1', 'a', 'b'), flow('2', 'b', 'a')],
    });
    expect(entrySteps(indexMap(m))).toEqual([]);
  });

  it('given an empty map, then there is no entry', () => {
    expect(entrySteps(indexMap(map({})))).toEqual([]);
  });
});

describe('isHandoff', () => {
  const index = indexMap(referral);
  const f = (id: string) => index.flow(flowId(id)) as Flow;

  it('is true when the ends are in different roles', () => {
    expect(isHandoff(index, f('f4'))).toBe(true); // gp -> clerk
    expect(isHandoff(index, f('f5'))).toBe(true); // clerk -> gp
  });

  it('is false within one role', () => {
    expect(isHandoff(index, f('f1'))).toBe(false);
    expect(isHandoff(index, f('f3'))).toBe(false);
  });

  it('is false when an end is missing', () => {
    expect(isHandoff(index, flow('x', 's1', 'ghost'))).toBe(false);
    expect(isHandoff(index, flow('y', 'ghost', 's4'))).toBe(false);
  });

  it('counts handoffs across the whole map', () => {
    expect(referral.flows.filter((fl) => isHandoff(index, fl)).map((fl) => fl.id)).toEqual([
      'f4',
      'f5',
    ]);
  });
});
