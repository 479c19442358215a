import {
  lanesInOrder,
  orderBetween,
  type Role,
  type RoleId,
  rebalanceOrders,
  roleId,
  type StepId,
  stepId,
} from '@procmap/model';
import { insertRecord, setField } from '../codec';
import { checkFields } from '../check-input';
import { DocError } from '../errors';
import { deleteStepsIn } from './steps';
import { type CommandContext, claimId, readString, requireRecord } from './context';

export interface AddRoleInput {
  readonly name: string;
  readonly id?: string;
  readonly color?: string;
  readonly headcount?: number;
  readonly hourlyCost?: number;
  /** Where the new lane goes, 0 = top; default: the bottom. */
  readonly index?: number;
}

export type RolePatch = Partial<Pick<Role, 'name' | 'color' | 'headcount' | 'hourlyCost'>>;

/** What to do with the steps of a lane being deleted: nothing is ever dropped silently. */
export type DeleteRoleSteps = { readonly moveTo: RoleId } | 'delete';

export interface DeleteRoleResult {
  readonly moved: readonly StepId[];
  readonly deleted: readonly StepId[];
}

function currentLanes(ctx: CommandContext): Role[] {
  const roles: Role[] = [];
  ctx.maps.roles.forEach((record, id) => {
    const order = record.get('order');
    roles.push({
      id: roleId(id),
      name: readString(record, 'name') ?? '',
      ...(typeof order === 'number' ? { order } : {}),
    });
  });
  return lanesInOrder(roles);
}

/** Gives `id` an order key that puts it at `index` among the other lanes (renumbering if needed). */
function placeLane(ctx: CommandContext, id: string, index: number): void {
  const others = currentLanes(ctx).filter((r) => r.id !== id);
  const at = Math.max(0, Math.min(index, others.length));
  const key = orderBetween(others[at - 1]?.order, others[at]?.order);
  if (key !== undefined) {
    setField(ctx.maps.roles.get(id)!, 'order', key);
    return;
  }
  const lanes = [...others.slice(0, at), { id }, ...others.slice(at)];
  const keys = rebalanceOrders(lanes.length);
  lanes.forEach((lane, i) => {
    setField(ctx.maps.roles.get(lane.id)!, 'order', keys[i]);
  });
}

/** Adds a lane. */
export function addRole(ctx: CommandContext, input: AddRoleInput): RoleId {
  const { index, ...fields } = input;
  checkFields('roles', fields);
  const id = claimId(ctx, 'roles', input.id, 'r_');
  const lanes = currentLanes(ctx);
  insertRecord(ctx.maps.roles, id, { ...fields, id, order: 0 });
  placeLane(ctx, id, index ?? lanes.length);
  return roleId(id);
}

/** Changes a lane's name, colour, headcount or hourly cost; `undefined` clears a field. */
export function updateRole(ctx: CommandContext, id: RoleId, patch: RolePatch): void {
  const record = requireRecord(ctx, 'roles', id);
  checkFields('roles', patch);
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'name' && value === undefined) continue; // a lane always has a name
    setField(record, key, value);
  }
}

/** Moves a lane to `index` among the lanes (0 = top). Its steps go with it: they belong to it. */
export function moveRole(ctx: CommandContext, id: RoleId, index: number): void {
  requireRecord(ctx, 'roles', id);
  placeLane(ctx, id, index);
}

/** Deletes a lane, moving its steps to another lane or deleting them with their flows. */
export function deleteRole(
  ctx: CommandContext,
  id: RoleId,
  steps?: DeleteRoleSteps,
): DeleteRoleResult {
  requireRecord(ctx, 'roles', id);
  const owned: StepId[] = [];
  ctx.maps.steps.forEach((record, sid) => {
    if (record.get('roleId') === id) owned.push(stepId(sid));
  });
  if (owned.length > 0 && steps === undefined) {
    const name = readString(ctx.maps.roles.get(id)!, 'name') ?? id;
    throw new DocError(
      'role-not-empty',
      `"${name}" still owns ${owned.length} step(s): move them to another lane or delete them`,
    );
  }
  let result: DeleteRoleResult = { moved: [], deleted: [] };
  if (owned.length > 0 && steps === 'delete') {
    deleteStepsIn(ctx, owned);
    result = { moved: [], deleted: owned };
  } else if (owned.length > 0 && steps !== undefined && steps !== 'delete') {
    if (steps.moveTo === id) {
      throw new DocError('invalid-value', 'Steps cannot move to the lane being deleted');
    }
    requireRecord(ctx, 'roles', steps.moveTo);
    for (const sid of owned) setField(ctx.maps.steps.get(sid)!, 'roleId', steps.moveTo);
    result = { moved: owned, deleted: [] };
  }
  ctx.maps.roles.delete(id);
  return result;
}
