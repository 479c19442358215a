import { type RoleId, roleId, type StepId } from '@procmap/model';
import type { Fragment } from '../fragment';
import { addStep } from './steps';
import { connect } from './flows';
import { addRole } from './roles';
import { type CommandContext, readString } from './context';

export interface PasteOptions {
  /** Added to each pasted step's saved position, so a copy does not hide its original. */
  readonly offset?: { readonly x: number; readonly y: number };
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The lane each fragment lane pastes into: the same lane when this map has it (a copy within
 * the map), else the lane with the same name, else a new lane of that name at the bottom.
 */
function laneFor(ctx: CommandContext, fragment: Fragment): (id: RoleId) => RoleId {
  const byName = new Map<string, RoleId>();
  ctx.maps.roles.forEach((record, id) => {
    const name = normalName(readString(record, 'name') ?? '');
    if (!byName.has(name)) byName.set(name, roleId(id));
  });
  const chosen = new Map<string, RoleId>();
  for (const role of fragment.roles) {
    if (ctx.maps.roles.has(role.id)) chosen.set(role.id, role.id);
    else {
      const same = byName.get(normalName(role.name));
      const id =
        same ?? addRole(ctx, { name: role.name, ...(role.color ? { color: role.color } : {}) });
      byName.set(normalName(role.name), id);
      chosen.set(role.id, id);
    }
  }
  return (id) => {
    const lane = chosen.get(id);
    if (lane) return lane;
    // A step whose lane the fragment does not list: give it a lane rather than drop it.
    const fallback = addRole(ctx, { name: 'Pasted' });
    chosen.set(id, fallback);
    return fallback;
  };
}

/**
 * Inserts a copy of a fragment (parsed with `parseFragment`): new ids for every step and flow,
 * flows only between pasted steps. Returns the new steps' ids, in the fragment's order.
 */
export function pasteFragment(
  ctx: CommandContext,
  fragment: Fragment,
  options: PasteOptions = {},
): StepId[] {
  const lane = laneFor(ctx, fragment);
  const dx = options.offset?.x ?? 0;
  const dy = options.offset?.y ?? 0;
  const newIds = new Map<string, StepId>();
  for (const step of fragment.steps) {
    const { id, roleId: from, position, ...fields } = step;
    const id2 = addStep(ctx, {
      ...fields,
      roleId: lane(from),
      ...(position ? { position: { x: Math.max(0, position.x + dx), y: position.y + dy } } : {}),
    });
    newIds.set(id, id2);
  }
  for (const flow of fragment.flows) {
    const from = newIds.get(flow.from);
    const to = newIds.get(flow.to);
    if (!from || !to || from === to) continue;
    const { id: _id, from: _from, to: _to, ...options } = flow;
    try {
      connect(ctx, from, to, options);
    } catch {
      // A second flow between the same two steps: the first one stands.
    }
  }
  return [...newIds.values()];
}
