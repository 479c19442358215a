import { type FieldTable, fieldNames } from './field-check';
import type { ProcessMap } from './types';

/*
 * What changed from one process to another, by id (ADR 9, scenarios): the steps,
 * flows and roles added, removed, and changed with the fields that differ. A scenario starts as
 * a copy of the as-is and keeps its ids, so comparing by id says what the to-be does
 * differently: a step moved to another role is a step whose `roleId` changed.
 *
 * Linear in the size of the two maps: each list of the first is indexed by id once. A step's `position` is a
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

/**
 * One list of the first process, indexed once (a comparison diffs the as-is against every
 * scenario): its records, and the place of the first record of each id (the compiled graph
 * keeps the first of an id too).
 */
interface ListIndex {
  readonly records: readonly unknown[];
  readonly placeOf: ReadonlyMap<string, number>;
  /** Every record with a string id has an id of its own: a place's id finds that place. */
  readonly unique: boolean;
}

const idOf = (v: unknown): string | undefined =>
  isRecord(v) && typeof v.id === 'string' ? v.id : undefined;

function indexList(list: Records): ListIndex {
  const records = Array.isArray(list) ? list : [];
  const placeOf = new Map<string, number>();
  let withId = 0;
  for (let i = 0; i < records.length; i++) {
    const id = idOf(records[i]);
    if (id === undefined) continue;
    withId++;
    if (!placeOf.has(id)) placeOf.set(id, i);
  }
  return { records, placeOf, unique: withId === placeOf.size };
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

/**
 * The changes from an indexed list to `after`. A scenario is a copy of the as-is, so its records
 * mostly sit where the as-is has them, or a fixed number of places on after a step is added or
 * removed: each record is first looked for at that place, and by id only when it is not there.
 */
function diffList(table: FieldTable, before: ListIndex, after: Records): ListChanges {
  const { records, placeOf, unique } = before;
  const matched = new Uint8Array(records.length);
  let matches = 0;
  let shift = 0;
  const added: string[] = [];
  let addedSeen: Set<string> | undefined;
  const changed: { id: string; fields: string[] }[] = [];
  const list = Array.isArray(after) ? after : [];
  for (let j = 0; j < list.length; j++) {
    const raw = list[j];
    if (!isRecord(raw) || typeof raw.id !== 'string') continue;
    const id = raw.id;
    let place = j + shift;
    if (!unique || idOf(records[place]) !== id) {
      const found = placeOf.get(id);
      if (found === undefined) {
        addedSeen ??= new Set();
        if (!addedSeen.has(id)) added.push(id);
        addedSeen.add(id);
        continue;
      }
      place = found;
      shift = place - j;
    }
    if (matched[place] === 1) continue; // a second record with this id: the first one counts
    matched[place] = 1;
    matches++;
    const old = records[place] as Record<string, unknown>;
    if (old === raw) continue; // the same record object: nothing changed
    const fields = changedFields(table, old, raw);
    if (fields) changed.push({ id, fields });
  }
  const removed: string[] = [];
  // Only when some id went unmatched; in the first process's order (the index's own order).
  if (matches < placeOf.size) {
    placeOf.forEach((place, id) => {
      if (matched[place] === 0) removed.push(id);
    });
  }
  return { added, removed, changed };
}

type Lists = Pick<ProcessMap, 'steps' | 'flows' | 'roles'>;

/**
 * What changed from process `a` to any other process, by id: `a` is indexed once, so comparing
 * it with several scenarios costs one pass over each scenario.
 */
export function diffFrom(a: Lists): (b: Lists) => MapChanges {
  const steps = indexList(a.steps);
  const flows = indexList(a.flows);
  const roles = indexList(a.roles);
  return (b) => ({
    steps: diffList('steps', steps, b.steps),
    flows: diffList('flows', flows, b.flows),
    roles: diffList('roles', roles, b.roles),
  });
}

/** What changed from process `a` to process `b`, by id. Never throws on a malformed map. */
export function diffMaps(a: Lists, b: Lists): MapChanges {
  return diffFrom(a)(b);
}
