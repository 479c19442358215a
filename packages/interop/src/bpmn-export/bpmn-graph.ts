import { type Flow, lanesInOrder, type ProcessMap, type Role, type Step } from '@procmap/model';
import { IdSpace } from './bpmn-ids';
import type { GeneratedKind } from './extension-attributes';
import { findParallelWork } from './parallel-work';

/*
 * The map as BPMN's graph, before any XML: one flow node per step, a gateway wherever parallel
 * work needs one (parallel-work.ts), and the sequence flows between them, every id a BPMN id.
 * A flow out of a split step leaves from its split gateway; a flow into a join arrives at the
 * join gateway (through an exclusive merge when its branch brings several); each added gateway
 * is joined to its step by a flow of its own.
 */

/** A flow node: a step, or a gateway added for parallel work beside step `anchor`. */
export type BpmnNode =
  | { readonly kind: 'step'; readonly id: string; readonly step: Step; readonly lane: number }
  | {
      readonly kind: Exclude<GeneratedKind, 'flow'>;
      readonly id: string;
      /** Index in `nodes` of the step the gateway stands beside (after a split, before a join). */
      readonly anchor: number;
      readonly lane: number;
    };

/** A sequence flow between two nodes (indices in `nodes`); `flow` unless the export added it. */
export interface BpmnFlow {
  readonly id: string;
  readonly source: number;
  readonly target: number;
  readonly flow?: Flow;
}

export interface BpmnLane {
  readonly id: string;
  readonly role: Role;
}

export interface BpmnGraph {
  readonly ids: IdSpace;
  readonly lanes: readonly BpmnLane[];
  /** Steps first, in map order (node i is step i), then added gateways. */
  readonly nodes: readonly BpmnNode[];
  readonly flows: readonly BpmnFlow[];
}

/**
 * The BPMN graph of a normalized map (every step in a lane, every flow between two steps, ids
 * unique). Ids are handed out lanes first, then steps, flows and added elements, so the same map
 * always gives the same ids.
 */
export function bpmnGraph(map: ProcessMap): BpmnGraph {
  const ids = new IdSpace();
  const roles = lanesInOrder(map.roles);
  const lanes = roles.map((role) => ({ id: ids.take(role.id, 'Lane'), role }));
  const laneOf = new Map<string, number>();
  roles.forEach((r, i) => {
    if (!laneOf.has(r.id)) laneOf.set(r.id, i);
  });
  const nodes: BpmnNode[] = [];
  const indexOf = new Map<string, number>();
  for (const step of map.steps) {
    if (indexOf.has(step.id)) continue;
    indexOf.set(step.id, nodes.length);
    const lane = laneOf.get(step.roleId) ?? Math.max(0, lanes.length - 1);
    nodes.push({ kind: 'step', id: ids.take(step.id, 'Step'), step, lane });
  }
  const n = nodes.length;
  const kept = map.flows.filter((f) => indexOf.has(f.from) && indexOf.has(f.to));
  const flowIds = kept.map((f) => ids.take(f.id, 'Flow'));
  const from = kept.map((f) => indexOf.get(f.from) as number);
  const to = kept.map((f) => indexOf.get(f.to) as number);
  const stepAt = (i: number) => (nodes[i] as { step: Step }).step;
  const roots = nodes.flatMap((_, i) => (stepAt(i).kind === 'start' ? [i] : []));
  const work = findParallelWork(n, { from, to }, (i) => stepAt(i).kind === 'decision', roots);

  const laneAt = (i: number) => (nodes[i] as BpmnNode).lane;
  const added = (kind: Exclude<GeneratedKind, 'flow'>, anchor: number, name: string) => {
    nodes.push({ kind, id: ids.take(name, 'Gateway'), anchor, lane: laneAt(anchor) });
    return nodes.length - 1;
  };
  const flows: BpmnFlow[] = [];
  const link = (source: number, target: number) => {
    const a = nodes[source] as BpmnNode;
    const b = nodes[target] as BpmnNode;
    flows.push({ id: ids.take(`Flow_${a.id}_${b.id}`, 'Flow'), source, target });
  };

  const splitOf = new Map<number, number>();
  for (const s of [...work.splits].sort((a, b) => a - b)) {
    const gateway = added('parallel-split', s, `Gateway_split_${(nodes[s] as BpmnNode).id}`);
    splitOf.set(s, gateway);
    link(s, gateway);
  }
  const arrivesAt = new Map<number, number>(); // edge -> node it now arrives at
  for (const [j, groups] of [...work.joins].sort((a, b) => a[0] - b[0])) {
    const name = (nodes[j] as BpmnNode).id;
    const join = added('parallel-join', j, `Gateway_join_${name}`);
    for (const group of groups) {
      if (group.length === 1) {
        arrivesAt.set(group[0] as number, join);
        continue;
      }
      const merge = added('merge', j, `Gateway_merge_${name}`);
      for (const e of group) arrivesAt.set(e, merge);
      link(merge, join);
    }
    link(join, j);
  }
  kept.forEach((flow, e) => {
    const source = from[e] as number;
    flows.push({
      id: flowIds[e] as string,
      source: splitOf.get(source) ?? source,
      target: arrivesAt.get(e) ?? (to[e] as number),
      flow,
    });
  });
  return { ids, lanes, nodes, flows };
}
