import {
  type Comment,
  commentId,
  type Flow,
  flowId,
  type ProcessMap,
  type Role,
  roleId,
  type Step,
  stepId,
} from '@procmap/model';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { DocError } from './errors';
import { MapDoc } from './map-doc';

/*
 * Helpers for the doc package's own tests. Not exported from index.ts: nothing outside the
 * tests may rely on them.
 */

/** The instant the injected clock of `newDoc` reports unless told otherwise. */
export const FIXED_NOW = new Date('2026-11-20T10:00:00.000Z');

/** A small seeded PRNG (mulberry32) giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable numeric seed from a name, so two actors never draw the same ids. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A clock that starts at `start` and moves `stepMs` forward on every reading. */
export function steppingClock(start = FIXED_NOW, stepMs = 60_000): () => Date {
  let t = start.getTime() - stepMs;
  return () => {
    t += stepMs;
    return new Date(t);
  };
}

export interface NewDocOptions {
  /** Seed of the id generator; default derived from the actor name. */
  readonly seed?: number;
  /** Clock; default always FIXED_NOW. */
  readonly now?: () => Date;
  /** Yjs client id, fixed so that creation order across peers is deterministic. */
  readonly clientID?: number;
  /** A file to import first (import origin: not on the undo stack). */
  readonly file?: ProcessMap;
}

/** A MapDoc on a fresh Y.Doc with seeded ids and a fixed clock. */
export function newDoc(actor = 'alice', options: NewDocOptions = {}): MapDoc {
  const ydoc = new Y.Doc();
  if (options.clientID !== undefined) ydoc.clientID = options.clientID;
  const doc = new MapDoc(ydoc, {
    actor,
    random: seededRandom(options.seed ?? seedOf(actor)),
    now: options.now ?? (() => FIXED_NOW),
  });
  if (options.file) doc.importFile(options.file);
  return doc;
}

/** The origin remote updates are applied with, as a network provider would. */
export const REMOTE = Symbol('remote');

const ydocOf = (d: Y.Doc | MapDoc): Y.Doc => (d instanceof MapDoc ? d.ydoc : d);

/** Exchanges whatever each side is missing, both ways, as two connected peers would. */
export function syncDocs(a: Y.Doc | MapDoc, b: Y.Doc | MapDoc): void {
  const ya = ydocOf(a);
  const yb = ydocOf(b);
  const toB = Y.encodeStateAsUpdate(ya, Y.encodeStateVector(yb));
  const toA = Y.encodeStateAsUpdate(yb, Y.encodeStateVector(ya));
  Y.applyUpdate(yb, toB, REMOTE);
  Y.applyUpdate(ya, toA, REMOTE);
}

/** Two peers, alice (client 1) and bob (client 2), holding the same content. */
export function twoPeers(file?: ProcessMap): { a: MapDoc; b: MapDoc } {
  const a = newDoc('alice', { clientID: 1 });
  const b = newDoc('bob', { clientID: 2 });
  if (file) a.importFile(file);
  syncDocs(a, b);
  return { a, b };
}

/** Runs `fn` and returns the DocError it throws; fails if it throws nothing or something else. */
export function docErrorOf(fn: () => unknown): DocError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DocError) return error;
    throw error;
  }
  throw new Error('expected a DocError, but the call succeeded');
}

/** The snapshot with every list sorted by id: for comparisons where list order is not the point. */
export function byId(map: ProcessMap): ProcessMap {
  const sort = <T extends { readonly id: string }>(list: readonly T[]) =>
    [...list].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    ...map,
    roles: sort(map.roles),
    steps: sort(map.steps),
    flows: sort(map.flows),
    ...(map.comments ? { comments: sort(map.comments) } : {}),
  };
}

export interface Triple<R> {
  readonly before: ProcessMap;
  readonly after: ProcessMap;
  readonly result: R;
}

/**
 * Runs a command as a do / undo / redo triple and asserts the contract: the command changes the
 * snapshot as one undo step; undo restores the snapshot from before (deep equality); redo the
 * one from after. `sameOrder: false` compares lists by id only: a deleted record that undo
 * brings back is listed after the records created before its return (see undo.test.ts).
 */
export function expectTriple<R>(
  doc: MapDoc,
  command: () => R,
  options: { readonly sameOrder?: boolean } = {},
): Triple<R> {
  const same = (x: ProcessMap, y: ProcessMap) =>
    options.sameOrder === false ? expect(byId(x)).toEqual(byId(y)) : expect(x).toEqual(y);
  const before = doc.getSnapshot();
  const depth = doc.undoManager.undoStack.length;
  const result = command();
  const after = doc.getSnapshot();
  expect(after).not.toEqual(before);
  expect(doc.undoManager.undoStack.length).toBe(depth + 1);
  expect(doc.undo()).toBe(true);
  same(doc.getSnapshot(), before);
  expect(doc.redo()).toBe(true);
  same(doc.getSnapshot(), after);
  return { before, after, result };
}

/* Typed record builders for files. */

export const role = (id: string, name: string, extra: Partial<Role> = {}): Role => ({
  id: roleId(id),
  name,
  ...extra,
});

export const step = (
  id: string,
  roleRef: string,
  label: string,
  extra: Partial<Omit<Step, 'id' | 'roleId' | 'label'>> = {},
): Step => ({ id: stepId(id), roleId: roleId(roleRef), kind: 'task', label, ...extra });

export const flow = (id: string, from: string, to: string, extra: Partial<Flow> = {}): Flow => ({
  id: flowId(id),
  from: stepId(from),
  to: stepId(to),
  ...extra,
});

export const comment = (
  id: string,
  targetId: string | undefined,
  text: string,
  extra: Partial<Omit<Comment, 'id' | 'text'>> = {},
): Comment => ({
  id: commentId(id),
  ...(targetId === undefined ? {} : { targetId }),
  kind: 'note',
  author: 'Analyst',
  text,
  createdAt: '2026-11-01T09:00:00.000Z',
  ...extra,
});

/**
 * A small referral map: three lanes (clerk, gp, nurse), a start, two tasks, a decision and an
 * end, five flows, and comments on a step, a flow and the map.
 */
export function sampleFile(): ProcessMap {
  return {
    format: 'procmap',
    version: 1,
    id: 'sample',
    title: 'Outpatient referral',
    description: 'From GP letter to first appointment',
    settings: { hoursPerDay: 8, demand: { count: 40, per: 'day' }, currency: 'GBP' },
    roles: [
      role('clerk', 'Clerk', { order: 0, color: '#4f7cff' }),
      role('gp', 'GP', { order: 1, headcount: 2, hourlyCost: 65 }),
      role('nurse', 'Nurse', { order: 2 }),
    ],
    steps: [
      step('s1', 'clerk', 'Letter arrives', { kind: 'start' }),
      step('s2', 'clerk', 'Register referral', {
        processTime: 10,
        waitTime: 30,
        valueClass: 'necessary',
        dataEntered: ['NHS number', 'Address'],
        systems: ['EMIS'],
        position: { x: 120, y: 40 },
      }),
      step('s3', 'gp', 'Triage', { kind: 'decision', processTime: 5 }),
      step('s4', 'nurse', 'Book appointment', { processTime: 8, completeAccurate: 0.9 }),
      step('s5', 'nurse', 'Appointment booked', { kind: 'end' }),
    ],
    flows: [
      flow('f1', 's1', 's2'),
      flow('f2', 's2', 's3'),
      flow('f3', 's3', 's4', { label: 'urgent', probability: 0.8 }),
      flow('f4', 's3', 's2', { label: 'incomplete', probability: 0.2 }),
      flow('f5', 's4', 's5'),
    ],
    comments: [
      comment('c1', 's2', 'Letters wait for the weekly batch', {
        kind: 'pain-point',
        waste: 'waiting',
        resolved: false,
        replies: [{ author: 'Ward clerk', text: 'True', createdAt: '2026-11-02T09:00:00.000Z' }],
      }),
      comment('c2', 'f4', 'Why are letters incomplete?', { kind: 'question' }),
      comment('c3', undefined, 'Map reviewed by the team', { kind: 'idea' }),
    ],
  };
}
