import type { FlowId, RoleId, StepId } from './ids';
import type { Flow, ProcessMap, Role, Step } from './types';

/** O(1) lookups over one map snapshot: build once per snapshot, query many times. */
export interface MapIndex {
  readonly map: ProcessMap;
  /** Lanes top to bottom. */
  readonly lanes: readonly Role[];
  step(id: StepId): Step | undefined;
  role(id: RoleId): Role | undefined;
  flow(id: FlowId): Flow | undefined;
  /** Flows leaving a step, in map order. */
  outgoing(id: StepId): readonly Flow[];
  /** Flows arriving at a step, in map order. */
  incoming(id: StepId): readonly Flow[];
  /** Steps owned by a role, in map order. */
  stepsByRole(id: RoleId): readonly Step[];
}

const EMPTY: readonly never[] = Object.freeze([]);

function group<K, V>(items: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const out = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Lanes sorted by order key (a missing key counts as the lane's place in the list), then id. */
export function lanesInOrder(roles: readonly Role[]): Role[] {
  return roles
    .map((role, index) => ({ role, key: role.order ?? index }))
    .sort((a, b) => a.key - b.key || (a.role.id < b.role.id ? -1 : a.role.id > b.role.id ? 1 : 0))
    .map((e) => e.role);
}

/** Builds the lookups of a map. Later duplicates of an id are ignored by the by-id lookups. */
export function indexMap(map: ProcessMap): MapIndex {
  const byId = <T extends { readonly id: string }>(list: readonly T[]) => {
    const m = new Map<string, T>();
    for (const item of list) if (!m.has(item.id)) m.set(item.id, item);
    return m;
  };
  const steps = byId(map.steps);
  const roles = byId(map.roles);
  const flows = byId(map.flows);
  const out = group(map.flows, (f) => f.from);
  const inc = group(map.flows, (f) => f.to);
  const byRole = group(map.steps, (s) => s.roleId);
  return {
    map,
    lanes: lanesInOrder(map.roles),
    step: (id) => steps.get(id),
    role: (id) => roles.get(id),
    flow: (id) => flows.get(id),
    outgoing: (id) => out.get(id) ?? EMPTY,
    incoming: (id) => inc.get(id) ?? EMPTY,
    stepsByRole: (id) => byRole.get(id) ?? EMPTY,
  };
}

/** Every step reachable along flows from the given steps, the steps themselves included. */
export function reachableFrom(index: MapIndex, from: Iterable<StepId>): Set<StepId> {
  const seen = new Set<StepId>();
  const stack = [...from].filter((id) => index.step(id) !== undefined);
  while (stack.length > 0) {
    const id = stack.pop() as StepId;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const flow of index.outgoing(id)) {
      if (!seen.has(flow.to) && index.step(flow.to) !== undefined) stack.push(flow.to);
    }
  }
  return seen;
}

/** Steps a case can begin at: `start` steps, or steps with no incoming flow when there are none. */
export function entrySteps(index: MapIndex): Step[] {
  const starts = index.map.steps.filter((s) => s.kind === 'start');
  if (starts.length > 0) return starts;
  return index.map.steps.filter((s) => index.incoming(s.id).length === 0);
}

/** A flow whose ends are owned by different roles: the work changes hands. */
export function isHandoff(index: MapIndex, flow: Flow): boolean {
  const a = index.step(flow.from);
  const b = index.step(flow.to);
  return a !== undefined && b !== undefined && a.roleId !== b.roleId;
}
