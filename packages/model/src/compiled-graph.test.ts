import { describe, expect, it } from 'vitest';
import {
  branchSharesWithout,
  type CompiledGraph,
  compileGraph,
  entryIndices,
  KIND_CODE,
} from './compiled-graph';
import { emptyMap } from './empty';
import { deepFreeze } from './test-helpers';
import type { ProcessMap } from './types';

/** A map of loosely typed parts: the compiler must read what a broken file holds. */
const map = (parts: Record<string, unknown>) => ({ ...emptyMap(), ...parts }) as ProcessMap;

/** The ids of the edges leaving (or arriving at) a step, read through the compressed rows. */
const outIds = (g: CompiledGraph, id: string) => {
  const i = g.indexOf.get(id) as number;
  return [...g.outEdges.subarray(g.outStart[i], g.outStart[i + 1])].map((e) => g.edgeFlows[e]?.id);
};
const inIds = (g: CompiledGraph, id: string) => {
  const i = g.indexOf.get(id) as number;
  return [...g.inEdges.subarray(g.inStart[i], g.inStart[i + 1])].map((e) => g.edgeFlows[e]?.id);
};
const weightOf = (g: CompiledGraph, flow: string) =>
  g.edgeWeight[g.edgeFlows.findIndex((f) => f.id === flow)];

/*
 * gp:    referral(start) -> write -> complete?(decision) -> send -> done(end)
 * clerk:                              \-- 0.3 --> fix --> back to write (rework)
 *        send hands the letter to both "file" and "done" at once (parallel)
 */
const referral = deepFreeze(
  map({
    roles: [
      { id: 'gp', name: 'GP' },
      { id: 'clerk', name: 'Clerk' },
    ],
    steps: [
      { id: 'referral', roleId: 'gp', kind: 'start', label: 'Patient seen' },
      { id: 'write', roleId: 'gp', kind: 'task', label: 'Write referral' },
      { id: 'complete', roleId: 'clerk', kind: 'decision', label: 'Complete?' },
      { id: 'fix', roleId: 'clerk', kind: 'task', label: 'Ask for details' },
      { id: 'send', roleId: 'clerk', kind: 'task', label: 'Send' },
      { id: 'file', roleId: 'clerk', kind: 'task', label: 'File a copy' },
      { id: 'done', roleId: 'gp', kind: 'end', label: 'Sent' },
    ],
    flows: [
      { id: 'f1', from: 'referral', to: 'write' },
      { id: 'f2', from: 'write', to: 'complete' },
      { id: 'no', from: 'complete', to: 'fix', probability: 0.3 },
      { id: 'yes', from: 'complete', to: 'send' },
      { id: 'again', from: 'fix', to: 'write' },
      { id: 'f3', from: 'send', to: 'done' },
      { id: 'f4', from: 'send', to: 'file' },
    ],
  }),
);

describe('compileGraph: a well-formed map', () => {
  const g = compileGraph(referral);

  it('numbers the steps in map order with their kind, label and role as columns', () => {
    expect(g.ids).toEqual(['referral', 'write', 'complete', 'fix', 'send', 'file', 'done']);
    expect(g.steps[3]).toBe(referral.steps[3]);
    expect(g.indexOf.get('send')).toBe(4);
    expect([...g.kind]).toEqual([
      KIND_CODE.start,
      KIND_CODE.task,
      KIND_CODE.decision,
      KIND_CODE.task,
      KIND_CODE.task,
      KIND_CODE.task,
      KIND_CODE.end,
    ]);
    expect(g.labels[2]).toBe('Complete?');
    expect(g.roleIds).toEqual(['gp', 'gp', 'clerk', 'clerk', 'clerk', 'clerk', 'gp']);
    expect([...g.role]).toEqual([0, 0, 1, 1, 1, 1, 0]);
    expect(g.roles.map((r) => r.id)).toEqual(['gp', 'clerk']);
    expect(g.roleById.get('clerk')).toBe(referral.roles[1]);
  });

  it('lists each step’s outgoing and incoming edges in map order', () => {
    expect(g.edgeFlows.map((f) => f.id)).toEqual(['f1', 'f2', 'no', 'yes', 'again', 'f3', 'f4']);
    expect([...g.edgeFrom]).toEqual([0, 1, 2, 2, 3, 4, 4]);
    expect([...g.edgeTo]).toEqual([1, 2, 3, 4, 1, 6, 5]);
    expect(outIds(g, 'complete')).toEqual(['no', 'yes']);
    expect(outIds(g, 'send')).toEqual(['f3', 'f4']);
    expect(inIds(g, 'write')).toEqual(['f1', 'again']);
    expect(outIds(g, 'done')).toEqual([]);
    expect(g.outStart.length).toBe(8);
    expect(g.outStart[7]).toBe(7);
  });

  it('gives a decision’s branch without a probability the rest of the cases, and every other flow 1', () => {
    expect(weightOf(g, 'no')).toBeCloseTo(0.3);
    expect(weightOf(g, 'yes')).toBeCloseTo(0.7);
    expect(weightOf(g, 'f3')).toBe(1);
    expect(weightOf(g, 'f4')).toBe(1);
  });

  it('marks a non-decision step with several ways out as parallel, and nothing else', () => {
    expect([...g.parallel]).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it('finds no problems', () => {
    expect(g.problems).toEqual({
      duplicateStepIds: [],
      danglingFlows: [],
      badDecisions: [],
      unknownRole: [],
    });
  });

  it('enters at the start steps', () => {
    expect(entryIndices(g)).toEqual([0]);
  });
});

describe('compileGraph: decisions whose probabilities do not add up', () => {
  const decision = (probabilities: (number | undefined)[]) =>
    map({
      roles: [{ id: 'r', name: 'R' }],
      steps: [
        { id: 'd', roleId: 'r', kind: 'decision', label: 'D' },
        ...probabilities.map((_, k) => ({ id: `t${k}`, roleId: 'r', kind: 'task', label: '' })),
      ],
      flows: probabilities.map((p, k) => ({
        id: `b${k}`,
        from: 'd',
        to: `t${k}`,
        ...(p === undefined ? {} : { probability: p }),
      })),
    });

  it('given branches summing to 0.8, then they are scaled to 1 and the decision is reported', () => {
    const g = compileGraph(decision([0.6, 0.2]));
    expect(weightOf(g, 'b0')).toBeCloseTo(0.75);
    expect(weightOf(g, 'b1')).toBeCloseTo(0.25);
    expect(g.problems.badDecisions).toEqual([{ step: 0, sum: expect.closeTo(0.8) }]);
  });

  it('given a tolerance wider than the gap, then the decision is not reported', () => {
    const g = compileGraph(decision([0.6, 0.3999]), { probabilityTolerance: 0.001 });
    expect(g.problems.badDecisions).toEqual([]);
    expect(compileGraph(decision([0.6, 0.3999])).problems.badDecisions).toHaveLength(1);
  });

  it('given every branch at 0, then the cases split equally', () => {
    const g = compileGraph(decision([0, 0, 0, 0]));
    expect([...g.edgeWeight]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('given a what-if zeroing one branch, then the others take its cases and the graph is untouched', () => {
    const g = compileGraph(decision([0.5, undefined, 0.25]));
    expect(weightOf(g, 'b1')).toBeCloseTo(0.25);
    const weights = Float64Array.from(g.edgeWeight);
    branchSharesWithout(g, 0, new Set([0]), weights);
    expect(weights[0]).toBe(0);
    expect(weights[1]).toBeCloseTo(0.75);
    expect(weights[2]).toBeCloseTo(0.25);
    expect(weightOf(g, 'b0')).toBeCloseTo(0.5);
  });
});

describe('compileGraph: a map fresh from a broken file', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['an empty object', {}],
    ['lists that are not lists', { steps: 'x', flows: 3, roles: null }],
    ['records that are not objects', { steps: [null, 1, 'a', []], flows: [null], roles: [7] }],
  ])('given %s, then it compiles an empty graph without throwing', (_, input) => {
    const g = compileGraph(input as unknown as ProcessMap);
    expect(g.steps).toEqual([]);
    expect(g.edgeFlows).toEqual([]);
    expect([...g.outStart]).toEqual([0]);
    expect(entryIndices(g)).toEqual([]);
  });

  const broken = compileGraph(
    map({
      roles: [{ id: 'r', name: 'R' }, { name: 'no id' }, { id: 'r', name: 'again' }],
      steps: [
        { id: 'a', roleId: 'r', kind: 'weird', label: 7 },
        { id: '', roleId: 'r', kind: 'task', label: 'empty id' },
        { id: 5, roleId: 'r', kind: 'task', label: 'number id' },
        { id: 'b', roleId: 'ghost', kind: 'task', label: 'B' },
        { id: 'a', roleId: 'r', kind: 'end', label: 'second a' },
        { id: 'c', roleId: 9, kind: 'end', label: 'C' },
      ],
      flows: [
        { id: 'ab', from: 'a', to: 'b' },
        { id: 'loop', from: 'b', to: 'b' },
        { id: 'lost', from: 'b', to: 'nowhere' },
        { from: 'b', to: 'c' },
        { id: 'bc', from: 'b', to: 'c' },
      ],
    }),
  );

  it('keeps the first step of each usable id and reports the repeats', () => {
    expect(broken.ids).toEqual(['a', 'b', 'c']);
    expect(broken.problems.duplicateStepIds).toEqual(['a']);
  });

  it('reads an unknown kind as a task and a label that is not text as empty', () => {
    expect(broken.kind[0]).toBe(KIND_CODE.task);
    expect(broken.labels[0]).toBe('');
  });

  it('keeps the first role of each string id and reports steps in no known role', () => {
    expect(broken.roles.map((r) => r.name)).toEqual(['R']);
    expect(broken.roleIds).toEqual(['r', 'ghost', '']);
    expect([...broken.role]).toEqual([0, -1, -1]);
    expect(broken.problems.unknownRole).toEqual([1, 2]);
  });

  it('keeps self-loops, leaves out flows without an id, and reports dangling flows', () => {
    expect(broken.edgeFlows.map((f) => f.id)).toEqual(['ab', 'loop', 'bc']);
    expect(broken.problems.danglingFlows.map((f) => f.id)).toEqual(['lost']);
    expect([...broken.parallel]).toEqual([0, 1, 0]);
  });

  it('given no start step, then cases enter where nothing flows in', () => {
    expect(entryIndices(broken)).toEqual([0]);
  });
});
