import type { StepKind } from '@procmap/model';
import type { Element } from './elements';

/*
 * The process as the importer builds it before it becomes a map: nodes that will be steps,
 * nodes that only pass a case on ("through": the start and end events of an expanded
 * sub-process and its way in and out) and parallel gateways, joined by edges. Passing nodes are
 * then removed by joining each edge in to each edge out (eliminate), so the map keeps every path
 * of the file.
 */

export type NodeKind = StepKind | 'parallel' | 'through';

export interface GNode {
  readonly id: string;
  kind: NodeKind;
  label: string;
  readonly notes: string[];
  /** The BPMN element the node comes from (absent for an expanded sub-process's way in/out). */
  readonly element?: Element;
}

export interface GEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  /** A flow's condition, as written in the file. */
  condition: string;
  probability?: number;
  /** Made by the importer or added by procmap's export: its id gives way to the file's own. */
  made?: boolean;
  /** The id of the file's sequence flow this edge is (for annotations pointing at it). */
  bpmnId?: string;
}

export class Graph {
  readonly nodes = new Map<string, GNode>();
  edges: GEdge[] = [];

  add(node: GNode): GNode {
    this.nodes.set(node.id, node);
    return node;
  }

  edge(edge: GEdge): void {
    this.edges.push(edge);
  }

  out(id: string): GEdge[] {
    return this.edges.filter((e) => e.from === id);
  }

  into(id: string): GEdge[] {
    return this.edges.filter((e) => e.to === id);
  }

  /** Removes node `id`, joining every edge into it to every edge out of it. */
  eliminate(id: string): void {
    const ins = this.into(id);
    const outs = this.out(id);
    const joined: GEdge[] = [];
    for (const a of ins) {
      for (const b of outs) {
        if (a.from === id || b.to === id) continue; // a loop on the node itself
        const kept = keptIdentity(a, b, ins.length === 1, outs.length === 1);
        joined.push({
          id: kept?.id ?? `${a.id}-${b.id}`,
          ...(kept?.made || (!kept && (a.made || b.made)) ? { made: true } : {}),
          ...(kept?.bpmnId === undefined ? {} : { bpmnId: kept.bpmnId }),
          from: a.from,
          to: b.to,
          label: joinText(a.label, b.label, ' – '),
          condition: joinText(a.condition, b.condition, ' and '),
          ...(a.probability === undefined ? {} : { probability: a.probability }),
        });
      }
    }
    this.edges = this.edges.filter((e) => e.from !== id && e.to !== id).concat(joined);
    this.nodes.delete(id);
  }
}

/** Which edge's id a joined edge keeps: the file's own over the importer's. */
function keptIdentity(a: GEdge, b: GEdge, oneIn: boolean, oneOut: boolean): GEdge | undefined {
  const candidates = [oneIn ? b : undefined, oneOut ? a : undefined].filter(
    (e): e is GEdge => e !== undefined,
  );
  return candidates.find((e) => !e.made) ?? candidates[0];
}

function joinText(a: string, b: string, by: string): string {
  if (a === '' || a === b) return b;
  if (b === '') return a;
  return `${a}${by}${b}`;
}

/** Removes every passing node (the ways in and out of expanded sub-processes). */
export function removeThrough(graph: Graph): void {
  for (const node of [...graph.nodes.values()]) {
    if (node.kind === 'through') graph.eliminate(node.id);
  }
}

/**
 * Parallel gateways become procmap's own split and join: several flows leaving a step that is
 * not a decision are all taken, so predecessor → successors says what the gateway said.
 * A gateway is kept, as a task of no time, where removing it would change the meaning: right
 * after a decision (its branches would become alternatives), with several flows both in and out
 * (a join then a split), or with nothing in or nothing out. Returns how many were removed and
 * how many kept.
 */
export function resolveParallel(graph: Graph): { removed: number; kept: GNode[] } {
  let removed = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const node of [...graph.nodes.values()]) {
      if (node.kind !== 'parallel') continue;
      const ins = graph.into(node.id).filter((e) => e.from !== node.id);
      const outs = graph.out(node.id).filter((e) => e.to !== node.id);
      if (ins.length === 0 || outs.length === 0) continue;
      if (ins.length > 1 && outs.length > 1) continue;
      if (outs.length > 1) {
        const from = graph.nodes.get((ins[0] as GEdge).from);
        if (!from || from.kind === 'decision') continue;
      }
      graph.eliminate(node.id);
      removed++;
      changed = true;
    }
  }
  const kept = [...graph.nodes.values()].filter((n) => n.kind === 'parallel');
  for (const node of kept) {
    node.kind = 'task';
    node.notes.push(
      'A parallel gateway in the BPMN file, kept as a step of no time: removing it would change what the process means.',
    );
  }
  return { removed, kept };
}
