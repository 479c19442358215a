import {
  type Role,
  type RoleId,
  roleId,
  type Step,
  stepId,
  UNASSIGNED_ROLE_ID,
  UNASSIGNED_ROLE_NAME,
} from '@procmap/model';
import type { CsvProblem } from './problems';
import type { StepRow } from './read-rows';

/*
 * Ids and lanes. A step keeps the id its row gives; a row without one, or repeating one an
 * earlier row took, gets a new id that no row uses ("s1", "s2" …). A role is made for every
 * role name seen, in the order first seen (names compared without case or outer spaces), with
 * the id the sheet gives in a role id column, else one made from its name ("Ward clerk":
 * "ward-clerk"). A step with no role goes to Unassigned. Lanes are ordered by the place a lane
 * order column gives on their first row, else as first seen.
 */

/** Makes ids not in `used`, from a stem: stem, stem-2, stem-3 … or, numbered, s1, s2 … */
export function idMaker(used: Set<string>) {
  let counter = 0;
  return {
    numbered(prefix: string): string {
      let id: string;
      do id = `${prefix}${++counter}`;
      while (used.has(id));
      used.add(id);
      return id;
    },
    from(stem: string): string {
      let id = stem;
      for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
      used.add(id);
      return id;
    },
  };
}

/** Role names compared: without case or white space around them. */
const nameKey = (name: string) => name.trim().toLowerCase();

/** A readable id from a name: lower case letters and digits joined by hyphens ("Médecin": "medecin"). */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s === '' ? 'role' : s;
}

export interface Placed {
  readonly roles: Role[];
  /** The steps, one per row, in the rows' order (flows and the order of lanes come after). */
  readonly steps: Step[];
  /** Role names seen in the role column (not counting Unassigned). */
  readonly rolesFromColumn: number;
}

/** Gives every row its step id and its lane. */
export function placeRows(
  rows: readonly StepRow[],
  problems: CsvProblem[],
  hasRoleColumn: boolean,
): Placed {
  const stepIds = new Set(rows.map((r) => r.id).filter((id) => id !== ''));
  const roleIds = new Set(rows.map((r) => r.roleId).filter((id) => id !== ''));
  const newStepId = idMaker(new Set(stepIds));
  const newRoleId = idMaker(roleIds);
  const taken = new Set<string>();
  const roles: Role[] = [];
  const byId = new Map<string, Role>();
  const byName = new Map<string, Role>();
  let unassigned: Role | undefined;
  let fromColumn = 0;
  const place = new Map<Role, number>();
  const addRole = (id: string, name: string, order?: number): Role => {
    const role: Role = { id: roleId(id), name };
    roles.push(role);
    if (order !== undefined) place.set(role, order);
    byId.set(id, role);
    const key = nameKey(name);
    if (!byName.has(key)) byName.set(key, role);
    return role;
  };
  const roleOf = (r: StepRow): RoleId => {
    if (r.roleId !== '') {
      const known = byId.get(r.roleId);
      if (known) return known.id;
      if (r.role.trim() !== '') fromColumn += 1;
      return addRole(r.roleId, r.role.trim() === '' ? r.roleId : r.role, r.roleOrder).id;
    }
    if (r.role.trim() !== '') {
      const known = byName.get(nameKey(r.role));
      if (known) return known.id;
      fromColumn += 1;
      return addRole(newRoleId.from(slug(r.role)), r.role, r.roleOrder).id;
    }
    if (hasRoleColumn)
      problems.push({
        code: 'no-role',
        row: r.row,
        message: `Row ${r.row} names no role: its step put in ${UNASSIGNED_ROLE_NAME}.`,
      });
    unassigned ??= addRole(
      roleIds.has(UNASSIGNED_ROLE_ID) ? newRoleId.from('unassigned') : UNASSIGNED_ROLE_ID,
      UNASSIGNED_ROLE_NAME,
    );
    return unassigned.id;
  };
  const steps = rows.map((r): Step => {
    let id = r.id;
    if (id === '' || taken.has(id)) {
      if (id !== '') {
        problems.push({
          code: 'duplicate-id',
          row: r.row,
          message: `Row ${r.row} repeats the id "${id}" of an earlier row: given a new one.`,
        });
      }
      id = newStepId.numbered('s');
    }
    taken.add(id);
    return { id: stepId(id), roleId: roleOf(r), kind: r.kind, label: r.label, ...r.fields } as Step;
  });
  // Lanes with a place first, by place; the rest after them, in the order first seen.
  const ordered = roles
    .map((role, seen) => ({ role, seen, at: place.get(role) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.at - b.at || a.seen - b.seen)
    .map(({ role }, order): Role => ({ ...role, order }));
  return { roles: ordered, steps, rolesFromColumn: fromColumn };
}
