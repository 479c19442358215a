import { hadLineBreaks, singleLine } from './labels';
import { type Element, is, list, one, text } from './elements';
import type { IdPool } from './ids';
import type { ProcmapData } from './read-procmap';

/*
 * Roles from pools and lanes. Each leaf lane is a role (a lane holding other lanes groups them
 * and is not one); a pool without lanes is one role. Lanes are never merged, even when two
 * share a name: they are different people in the file. An unnamed lane takes its pool's name,
 * else "Lane n".
 */

export interface RoleDraft {
  readonly id: string;
  readonly name: string;
  /** The lane or pool drawn for this role, whose place in the diagram orders the roles. */
  readonly drawn?: Element;
  /** The pool's element, when the lane itself is not drawn. */
  readonly pool?: Element;
  /** The process whose lanes these are (for the orientation of the diagram). */
  readonly process?: Element;
}

export interface Lanes {
  readonly roles: RoleDraft[];
  /** Flow node id → role id, from the lanes' node lists. */
  readonly laneOf: Map<string, string>;
  /** Process → the role of its pool, for pools without lanes. */
  readonly poolRole: Map<Element, string>;
  /** Process → its participant (pool). */
  readonly participantOf: Map<Element, Element>;
  /** Lanes holding other lanes (kept as groups, not roles). */
  readonly nested: number;
  /** Roles whose name another role has too. */
  readonly sameName: number;
  /** Pools drawn without a process (another party, a black box): lanes with no steps. */
  readonly emptyPools: number;
  /** Lane and pool names written over several lines. */
  readonly lineBreaks: number;
}

function leafLanes(lane: Element): Element[] {
  const children = list(one(lane, 'childLaneSet'), 'lanes');
  return children.length === 0 ? [lane] : children.flatMap(leafLanes);
}

function lanesOf(process: Element): Element[] {
  return list(process, 'laneSets').flatMap((set) => list(set, 'lanes'));
}

export function readLanes(
  definitions: Element,
  processes: Element[],
  ids: IdPool,
  data: ProcmapData,
): Lanes {
  const roles: RoleDraft[] = [];
  const laneOf = new Map<string, string>();
  const poolRole = new Map<Element, string>();
  const participantOf = new Map<Element, Element>();
  let nested = 0;
  let unnamed = 0;
  let lineBreaks = 0;
  const named = (el: Element | undefined) => {
    if (hadLineBreaks(text(el, 'name'))) lineBreaks++;
    return singleLine(text(el, 'name'));
  };
  const roots = list(definitions, 'rootElements');
  const participants = roots
    .filter((r) => is(r, 'bpmn:Collaboration'))
    .flatMap((c) => list(c, 'participants'));

  const laneRoles = (process: Element, pool: Element | undefined) => {
    const top = lanesOf(process);
    const parents: Element[] = [];
    const walk = (lane: Element) => {
      const children = list(one(lane, 'childLaneSet'), 'lanes');
      if (children.length > 0) {
        nested++;
        parents.push(lane);
        children.forEach(walk);
        return;
      }
      let name = named(lane);
      if (name === '') name = singleLine(text(pool, 'name'));
      if (name === '') name = `Lane ${++unnamed}`;
      const id = ids.claim(data.originalId(lane) ?? lane.id ?? '', 'lane');
      roles.push({ id, name, drawn: lane, process, ...(pool ? { pool } : {}) });
      for (const node of list(lane, 'flowNodeRef')) {
        if (node.id !== undefined && !laneOf.has(node.id)) laneOf.set(node.id, id);
      }
    };
    top.forEach(walk);
    // A node listed only in a lane that holds lanes goes to that lane's first leaf.
    for (const parent of parents) {
      const first = leafLanes(parent)[0];
      const role = roles.find((r) => r.drawn === first);
      if (!role) continue;
      for (const node of list(parent, 'flowNodeRef')) {
        if (node.id !== undefined && !laneOf.has(node.id)) laneOf.set(node.id, role.id);
      }
    }
    return top.length > 0;
  };

  const seen = new Set<Element>();
  let emptyPools = 0;
  for (const participant of participants) {
    const process = one(participant, 'processRef');
    if (process && seen.has(process)) continue;
    if (process) {
      seen.add(process);
      participantOf.set(process, participant);
      if (laneRoles(process, participant)) continue;
    }
    if (!process) emptyPools++;
    let name = named(participant) || singleLine(text(process, 'name'));
    if (name === '') name = `Pool ${roles.length + 1}`;
    const id = ids.claim(data.originalId(participant) ?? participant.id ?? '', 'pool');
    roles.push({ id, name, drawn: participant, ...(process ? { process } : {}) });
    if (process) poolRole.set(process, id);
  }
  for (const process of processes) {
    if (!seen.has(process)) laneRoles(process, undefined);
  }

  const byName = new Map<string, number>();
  for (const r of roles) byName.set(r.name, (byName.get(r.name) ?? 0) + 1);
  const sameName = roles.filter((r) => (byName.get(r.name) ?? 0) > 1).length;
  return { roles, laneOf, poolRole, participantOf, nested, sameName, emptyPools, lineBreaks };
}
