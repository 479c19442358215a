import { UNASSIGNED_ROLE_NAME } from '@procmap/model';
import { acrossFlow, type Shape } from './diagram';
import type { Element } from './elements';
import { fitLabel } from './labels';
import type { Lanes } from './lanes';
import type { ProcmapData } from './read-procmap';

/*
 * The roles of the map, in the order their lanes are drawn, with what procmap's export wrote on
 * each lane (headcount, hourly cost, colour). A file from procmap's export gives every lane its
 * order, and then that order is kept.
 */

/** Processes drawn in a vertical pool or with vertical lanes (isHorizontal="false"). */
export function verticalProcesses(processes: Element[], lanes: Lanes, shapes: Map<string, Shape>) {
  const vertical = new Set<Element>();
  const drawnVertical = (el: Element | undefined) =>
    el?.id !== undefined && shapes.get(el.id)?.isHorizontal === false;
  for (const process of processes) {
    const pool = lanes.participantOf.get(process);
    const inLanes = lanes.roles.some((r) => r.process === process && drawnVertical(r.drawn));
    if (drawnVertical(pool) || inLanes) vertical.add(process);
  }
  return vertical;
}

/** Roles in the order the diagram draws their lanes; lanes not drawn follow in file order. */
function orderRoles(lanes: Lanes, shapes: Map<string, Shape>, vertical: Set<Element>) {
  const keyed = lanes.roles.map((role, index) => {
    const shape =
      (role.drawn?.id && shapes.get(role.drawn.id)) || (role.pool?.id && shapes.get(role.pool.id));
    const across = role.process !== undefined && vertical.has(role.process);
    return { role, index, key: shape ? acrossFlow(shape, across) : Number.POSITIVE_INFINITY };
  });
  keyed.sort((a, b) => a.key - b.key || a.index - b.index);
  return keyed.map((k) => k.role);
}

export interface RoleOptions {
  readonly shapes: Map<string, Shape>;
  readonly vertical: Set<Element>;
  readonly data: ProcmapData;
  /** The id of the Unassigned role, when a node needed it. */
  readonly unassignedId: string | undefined;
}

export function buildRoles(lanes: Lanes, o: RoleOptions): Record<string, unknown>[] {
  const drawn = orderRoles(lanes, o.shapes, o.vertical).map(
    (r): Record<string, unknown> => ({
      ...o.data.roleFields(r.drawn),
      id: r.id,
      name: fitLabel(r.name).label,
    }),
  );
  const own = drawn.every((r) => typeof r.order === 'number');
  const roles: Record<string, unknown>[] = own
    ? [...drawn].sort((a, b) => (a.order as number) - (b.order as number))
    : drawn.map((r, order) => ({ ...r, order }));
  if (o.unassignedId !== undefined) {
    const last = roles.reduce((m, r) => Math.max(m, r.order as number), -1);
    roles.push({ id: o.unassignedId, name: UNASSIGNED_ROLE_NAME, order: last + 1 });
  }
  return roles;
}
