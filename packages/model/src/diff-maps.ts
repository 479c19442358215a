import { type FieldTable, fieldNames } from './field-check';
import type { ProcessMap } from './types';

/*
 * What changed from one process to another, by id (ADR 9, scenarios): the steps,
 * flows and roles added, removed, and changed with the fields that differ. A scenario starts as
 * a copy of the as-is and keeps its ids, so comparing by id says what the to-be does
 * differently: a step moved to another role is a step whose `roleId` changed.
 *
 * Linear in the size of the two maps: each list is indexed by id once. A step's `position` is a
 * drawing hint, not a change to the process, and is left out.
 */

/** The changes to one list (steps, flows or roles): ids, in map order. */
export interface ListChanges {
  /** Ids only in the second map, in its order. */
  readonly added: readonly string[];
  /** Ids only in the first map, in its order. */
  readonly removed: readonly string[];
  /** Ids in both whose records differ, in the second map's order, with the fields that differ. */
  readonly changed: readonly { readonly id: string; readonly fields: readonly string[] }[];
}

export interface MapChanges {
  readonly steps: ListChanges;
  readonly flows: ListChanges;
  readonly roles: ListChanges;
}

/** Fields that say where a record is drawn, not what the process does. */
const DRAWING_ONLY: ReadonlySet<string> = new Set(['position']);

type Records = readonly unknown[] | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Records with a string id, by id (the first of each id, as the compiled graph keeps it). */
function byId(list: Records): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const raw of Array.isArray(list) ? list : []) {
    if (isRecord(raw) && typeof raw.id === 'string' && !out.has(raw.id)) out.set(raw.id, raw);
  }
  return out;
}

/** Two field values alike: numbers, text and flags by value, lists and records all the way down. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  for (const k in a) if (Object.hasOwn(a, k) && !sameValue(a[k], b[k])) return false;
  // A key only `b` has counts when its value is not undefined (absent and undefined are alike).
  for (const k in b)
    if (Object.hasOwn(b, k) && !Object.hasOwn(a, k) && b[k] !== undefined) return false;
  return true;
}

/** Each table's known fields with their place in file order. */
const ORDER = new Map<FieldTable, ReadonlyMap<string, number>>();

function fieldOrder(table: FieldTable): ReadonlyMap<string, number> {
  let order = ORDER.get(table);
  if (!order) {
    order = new Map(fieldNames(table).map((k, i) => [k, i]));
    ORDER.set(table, order);
  }
  return order;
}

/** Fields a change never counts: the record's key, and where it is drawn. */
const skipped = (k: string) => k === 'id' || DRAWING_ONLY.has(k);

/**
 * The fields that differ between two records: the table's known fields in file order, then any
 * others by name. Walks `a`'s keys once and allocates nothing for two records alike (the common
 * case: most of a scenario is the as-is unchanged); `b`'s keys are walked only when `b` may have
 * a field `a` lacks.
 */
function changedFields(
  table: FieldTable,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): string[] | undefined {
  let fields: string[] | undefined;
  let keys = 0;
  // A key of `a` that `b` may lack while they read alike (`a` holds undefined there): then the
  // count of keys no longer shows whether `b` has one of its own.
  let unsure = false;
  for (const k in a) {
    keys++;
    if (skipped(k)) continue;
    const x = a[k];
    const y = b[k];
    if (x === y) {
      if (x === undefined) unsure = true;
      continue;
    }
    if (sameValue(x, y)) continue;
    fields ??= [];
    fields.push(k);
  }
  // Every key of `a` is alike or listed, so `b` has a field of its own only if it has more keys.
  if (unsure || keys !== Object.keys(b).length) {
    for (const k in b) {
      if (!Object.hasOwn(b, k) || skipped(k) || Object.hasOwn(a, k) || b[k] === undefined) continue;
      fields ??= [];
      fields.push(k);
    }
  }
  if (fields && fields.length > 1) {
    const order = fieldOrder(table);
    fields.sort((x, y) => {
      const i = order.get(x) ?? Number.POSITIVE_INFINITY;
      const j = order.get(y) ?? Number.POSITIVE_INFINITY;
      return i !== j ? i - j : x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return fields;
}

/** Marks a record of the first list that the second list also has. */
const MATCHED = Symbol('matched');

function diffList(table: FieldTable, before: Records, after: Records): ListChanges {
  const a = byId(before) as Map<string, Record<string, unknown> | typeof MATCHED>;
  const added: string[] = [];
  let addedSeen: Set<string> | undefined;
  const changed: { id: string; fields: string[] }[] = [];
  for (const raw of Array.isArray(after) ? after : []) {
    if (!isRecord(raw) || typeof raw.id !== 'string') continue;
    const id = raw.id;
    const old = a.get(id);
    if (old === MATCHED) continue; // a second record with this id: the first one counts
    if (old === undefined) {
      addedSeen ??= new Set();
      if (!addedSeen.has(id)) added.push(id);
      addedSeen.add(id);
      continue;
    }
    a.set(id, MATCHED);
    if (old === raw) continue; // the same record object: nothing changed
    const fields = changedFields(table, old, raw);
    if (fields) changed.push({ id, fields });
  }
  const removed: string[] = [];
  a.forEach((record, id) => {
    if (record !== MATCHED) removed.push(id);
  });
  return { added, removed, changed };
}

/** What changed from process `a` to process `b`, by id. Never throws on a malformed map. */
export function diffMaps(
  a: Pick<ProcessMap, 'steps' | 'flows' | 'roles'>,
  b: Pick<ProcessMap, 'steps' | 'flows' | 'roles'>,
): MapChanges {
  return {
    steps: diffList('steps', a.steps, b.steps),
    flows: diffList('flows', a.flows, b.flows),
    roles: diffList('roles', a.roles, b.roles),
  };
}
