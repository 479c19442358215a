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
  /** Every edge, in the order made (a map keeps insertion order, so output is stable). */
  private readonly all = new Set<GEdge>();
  private readonly outs = new Map<string, Set<GEdge>>();
  private readonly ins = new Map<string, Set<GEdge>>();

  add(node: GNode): GNode {
    this.nodes.set(node.id, node);
    return node;
  }

  edge(edge: GEdge): void {
    this.all.add(edge);
    setOf(this.outs, edge.from).add(edge);
    setOf(this.ins, edge.to).add(edge);
  }

  get edges(): GEdge[] {
    return [...this.all];
  }

  out(id: string): GEdge[] {
    return [...(this.outs.get(id) ?? [])];
  }

  into(id: string): GEdge[] {
    return [...(this.ins.get(id) ?? [])];
  }

  /** Makes `edge` leave from `from` instead. */
  retarget(edge: GEdge, from: string): void {
    this.outs.get(edge.from)?.delete(edge);
    edge.from = from;
    setOf(this.outs, from).add(edge);
  }

  private remove(edge: GEdge): void {
    this.all.delete(edge);
    this.outs.get(edge.from)?.delete(edge);
    this.ins.get(edge.to)?.delete(edge);
  }

  /** Removes node `id`, joining every edge into it to every edge out of it. */
  eliminate(id: string): void {
    const ins = this.into(id);
    const outs = this.out(id);
    for (const e of [...ins, ...outs]) this.remove(e);
    for (const a of ins) {
      for (const b of outs) {
        if (a.from === id || b.to === id) continue; // a loop on the node itself
        const kept = keptIdentity(a, b, ins.length === 1, outs.length === 1);
        this.edge({
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
    this.nodes.delete(id);
    this.outs.delete(id);
    this.ins.delete(id);
  }
}

function setOf(index: Map<string, Set<GEdge>>, id: string): Set<GEdge> {
  let set = index.get(id);
  if (!set) {
    set = new Set();
    index.set(id, set);
  }
  return set;
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

/** Whether removing parallel gateway `id` keeps the meaning (see resolveParallel). */
function removable(graph: Graph, id: string): boolean {
  const ins = graph.into(id).filter((e) => e.from !== id);
  const outs = graph.out(id).filter((e) => e.to !== id);
  if (ins.length === 0 || outs.length === 0) return false;
  if (ins.length > 1 && outs.length > 1) return false;
  if (outs.length === 1) return true;
  const from = graph.nodes.get((ins[0] as GEdge).from);
  return from !== undefined && from.kind !== 'decision';
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
  const queue = [...graph.nodes.values()].filter((n) => n.kind === 'parallel').map((n) => n.id);
  const queued = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    queued.delete(id);
    const node = graph.nodes.get(id);
    if (node?.kind !== 'parallel' || !removable(graph, id)) continue;
    const near = [...graph.into(id).map((e) => e.from), ...graph.out(id).map((e) => e.to)];
    graph.eliminate(id);
    removed++;
    // A neighbouring gateway may be removable now (a chain of gateways, a split after a join).
    for (const n of near) {
      if (graph.nodes.get(n)?.kind === 'parallel' && !queued.has(n)) {
        queue.push(n);
        queued.add(n);
      }
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
