import { expect } from 'vitest';
import { commentId, flowId, roleId, stepId } from './ids';
import type { Repair } from './normalize';
import type { Problem } from './problems';
import type { Comment, Flow, ProcessMap, Role, Step } from './types';

/*
 * Shared by the model package's own tests; never exported from index.ts.
 */

export type Json = Record<string, unknown>;

/** Freezes a value and everything inside it, so any write by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Json)[key]);
  }
  return value;
}

/** A small, complete, valid map: two lanes, a decision with two branches, a comment. */
export function validMap(): Json {
  return {
    format: 'procmap',
    version: 1,
    id: 'opd-referral',
    title: 'Outpatient referral',
    description: '',
    settings: {
      hoursPerDay: 7.5,
      daysPerWeek: 5,
      demand: { count: 40, per: 'day' },
      currency: 'GBP',
    },
    roles: [
      { id: 'gp', name: 'GP', order: 0, headcount: 2, hourlyCost: 65, color: '#4f7cff' },
      { id: 'clerk', name: 'Clerk', order: 1 },
    ],
    steps: [
      { id: 's0', roleId: 'gp', kind: 'start', label: 'Patient seen' },
      {
        id: 's1',
        roleId: 'gp',
        kind: 'task',
        label: 'Write referral',
        processTime: 10,
        waitTime: 0,
        valueClass: 'value-adding',
        activity: 'work',
        completeAccurate: 0.9,
        dataEntered: ['NHS number', 'Address'],
        systems: ['EMIS'],
        batchSize: 1,
        position: { x: 120, y: 40 },
        notes: '',
      },
      { id: 's2', roleId: 'clerk', kind: 'decision', label: 'Complete?' },
      { id: 's3', roleId: 'clerk', kind: 'end', label: 'Sent' },
    ],
    flows: [
      { id: 'f0', from: 's0', to: 's1' },
      { id: 'f1', from: 's1', to: 's2', label: '' },
      { id: 'f2', from: 's2', to: 's3', probability: 0.8 },
      { id: 'f3', from: 's2', to: 's1', probability: 0.2, label: 'rework' },
    ],
    comments: [
      {
        id: 'c1',
        targetId: 's2',
        kind: 'pain-point',
        waste: 'waiting',
        author: 'Analyst',
        text: 'Letters wait for the weekly batch',
        createdAt: '2026-11-20T10:00:00Z',
        resolved: false,
        replies: [{ author: 'Ward clerk', text: 'Yes', createdAt: '2026-11-21T09:00:00Z' }],
      },
    ],
  };
}

/** A copy of the valid map with some parts replaced. */
export const withMap = (patch: Json): Json => ({ ...validMap(), ...patch });

export const paths = (problems: readonly Problem[]) => problems.map((p) => p.path);
export const find = (problems: readonly Problem[], path: string) => {
  const found = problems.filter((p) => p.path === path);
  expect(found, `problems at ${path}: ${JSON.stringify(problems)}`).toHaveLength(1);
  return found[0] as Problem;
};
export const errorsOf = (problems: readonly Problem[]) =>
  problems.filter((p) => p.severity === 'error');

/* Tiny builders for typed records. */

export const role = (id: string, extra: Partial<Role> = {}): Role => ({
  id: roleId(id),
  name: id.toUpperCase(),
  ...extra,
});
export const step = (id: string, role: string, extra: Partial<Step> = {}): Step => ({
  id: stepId(id),
  roleId: roleId(role),
  kind: 'task',
  label: id,
  ...extra,
});
export const flow = (id: string, from: string, to: string, extra: Partial<Flow> = {}): Flow => ({
  id: flowId(id),
  from: stepId(from),
  to: stepId(to),
  ...extra,
});
export const comment = (id: string, targetId?: string): Comment => ({
  id: commentId(id),
  ...(targetId === undefined ? {} : { targetId }),
  kind: 'note',
  author: 'A',
  text: `about ${targetId ?? 'the map'}`,
  createdAt: '2026-01-01T00:00:00Z',
});
export const map = (parts: Partial<ProcessMap>): ProcessMap => ({
  format: 'procmap',
  version: 1,
  title: 'T',
  roles: [],
  steps: [],
  flows: [],
  ...parts,
});

export const codes = (repairs: readonly Repair[]) => repairs.map((r) => r.code);
export const repairOf = (repairs: readonly Repair[], code: Repair['code']) => {
  const found = repairs.filter((r) => r.code === code);
  expect(found, JSON.stringify(repairs)).toHaveLength(1);
  return found[0] as Repair;
};

/** A clean map: two lanes, a start, a task, an end, a comment on a step and one on the map. */
export const clean = () =>
  map({
    roles: [role('gp', { order: 0 }), role('clerk', { order: 1 })],
    steps: [
      step('s1', 'gp', { kind: 'start' }),
      step('s2', 'clerk'),
      step('s3', 'clerk', { kind: 'end' }),
    ],
    flows: [flow('f1', 's1', 's2'), flow('f2', 's2', 's3')],
    comments: [comment('c1', 's2'), comment('c2', 'f1'), comment('c3')],
  });
