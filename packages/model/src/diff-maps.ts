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
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!sameValue(a[k], b[k])) return false;
  return true;
}

/** The fields that differ between two records: the table's known fields in file order, then any others by name. */
function changedFields(
  table: FieldTable,
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): string[] {
  const known = fieldNames(table);
  const knownSet = new Set(known);
  const others = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => !knownSet.has(k))
    .sort();
  const fields: string[] = [];
  for (const k of [...known, ...others]) {
    if (k === 'id' || DRAWING_ONLY.has(k)) continue;
    if (!sameValue(a[k], b[k])) fields.push(k);
  }
  return fields;
}

function diffList(table: FieldTable, before: Records, after: Records): ListChanges {
  const a = byId(before);
  const b = byId(after);
  const added: string[] = [];
  const changed: { id: string; fields: string[] }[] = [];
  for (const [id, record] of b) {
    const old = a.get(id);
    if (!old) {
      added.push(id);
      continue;
    }
    const fields = changedFields(table, old, record);
    if (fields.length > 0) changed.push({ id, fields });
  }
  const removed: string[] = [];
  for (const id of a.keys()) if (!b.has(id)) removed.push(id);
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
