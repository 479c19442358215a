import {
  type CompiledGraph,
  compileGraph,
  KIND_CODE,
  type ProcessMap,
  type Step,
} from '@procmap/model';

/*
 * The map's flows as a plain graph over step indexes, made acyclic, layered and cut into
 * segments small enough for ELK. The steps, their ids and the adjacency are the model's compiled
 * graph; what is the layout's own is breaking cycles and layering. Everything here is iterative:
 * a 100,000-step chain must not touch the call stack any deeper than a 3-step one.
 */

/** A flow between two step indexes, oriented so that `from` comes before `to`. */
export type Edge = readonly [from: number, to: number];

/** The steps (unique by id, in map order) and the flows between them, made acyclic. */
export interface FlowGraph {
  readonly steps: readonly Step[];
  /** Each step id's index in `steps`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Unique edges, no self-loops; each flow closing a cycle (a rework loop) is turned around. */
  readonly edges: readonly Edge[];
  /** How many flows were turned around to break cycles. */
  readonly reversed: number;
}

/** Out-neighbours of an edge list: node i's are `next[start[i] .. start[i + 1])`, in edge order. */
function adjacency(n: number, edges: readonly Edge[]): { start: Int32Array; next: Int32Array } {
  const m = edges.length;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const k = (edges[e] as Edge)[0] + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const next = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const [from, to] = edges[e] as Edge;
    next[(fill[from] as number)++] = to;
  }
  return { start, next };
}

/**
 * The edges of the compiled graph the layout leaves out: self-loops, and repeats of an edge
 * already running between the same two steps the same way (the first is kept). One scan of each
 * step's outgoing edges.
 */
function leftOut(graph: CompiledGraph): Uint8Array {
  const { outStart, outEdges, edgeTo } = graph;
  const n = graph.steps.length;
  const skip = new Uint8Array(edgeTo.length);
  const stamp = new Int32Array(n).fill(-1);
  for (let node = 0; node < n; node++) {
    for (let at = outStart[node] as number; at < (outStart[node + 1] as number); at++) {
      const e = outEdges[at] as number;
      const target = edgeTo[e] as number;
      if (target === node || stamp[target] === node) skip[e] = 1;
      else stamp[target] = node;
    }
  }
  return skip;
}

/** Builds the flow graph of a map (see `flowGraphOf`). */
export function buildFlowGraph(map: ProcessMap): FlowGraph {
  return flowGraphOf(compileGraph(map));
}

/**
 * The flow graph of a compiled map: its steps (first of each id) and their adjacency, with
 * self-loops and repeated flows left out. Cycles are broken by a depth-first search started at
 * `start` steps, then at steps nothing flows into, then at any step left, in map order: a flow
 * reaching a step still on the search path goes back, and is turned around.
 */
export function flowGraphOf(graph: CompiledGraph): FlowGraph {
  const { outStart, outEdges, edgeFrom, edgeTo } = graph;
  const n = graph.steps.length;
  const m = edgeTo.length;
  const skip = leftOut(graph);
  const indegree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    if (skip[e]) continue;
    const k = edgeTo[e] as number;
    indegree[k] = (indegree[k] as number) + 1;
  }
  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(n);
  const back = new Uint8Array(m); // by edge: it closes a cycle
  let reversed = 0;
  const stack: number[] = [];
  const cursor = new Int32Array(n);
  const search = (root: number) => {
    if (state[root] !== 0) return;
    state[root] = OPEN;
    cursor[root] = outStart[root] as number;
    stack.push(root);
    while (stack.length > 0) {
      const node = stack[stack.length - 1] as number;
      const at = cursor[node] as number;
      if (at >= (outStart[node + 1] as number)) {
        state[node] = DONE;
        stack.pop();
        continue;
      }
      cursor[node] = at + 1;
      const e = outEdges[at] as number;
      if (skip[e]) continue;
      const target = edgeTo[e] as number;
      if (state[target] === OPEN) {
        back[e] = 1;
        reversed++;
      } else if (state[target] === 0) {
        state[target] = OPEN;
        cursor[target] = outStart[target] as number;
        stack.push(target);
      }
    }
  };
  for (let i = 0; i < n; i++) if (graph.kind[i] === KIND_CODE.start) search(i);
  for (let i = 0; i < n; i++) if (indegree[i] === 0) search(i);
  for (let i = 0; i < n; i++) search(i);

  // A turned-around edge may repeat one that already ran that way: keep the first of the two.
  const turned = new Set<number>();
  for (let e = 0; e < m; e++)
    if (back[e]) turned.add((edgeTo[e] as number) * n + (edgeFrom[e] as number));
  const kept = new Set<number>();
  const edges: Edge[] = [];
  for (let e = 0; e < m; e++) {
    if (skip[e]) continue;
    const a = back[e] ? (edgeTo[e] as number) : (edgeFrom[e] as number);
    const b = back[e] ? (edgeFrom[e] as number) : (edgeTo[e] as number);
    const key = a * n + b;
    if (turned.has(key)) {
      if (kept.has(key)) continue;
      kept.add(key);
    }
    edges.push([a, b]);
  }
  return { steps: graph.steps, indexOf: graph.indexOf, edges, reversed };
}

/** Longest-path layers of an acyclic graph: 0 for steps nothing flows into, else 1 + the latest. */
export function longestPathLayers(n: number, edges: readonly Edge[]): Int32Array {
  const { start, next } = adjacency(n, edges);
  const indegree = new Int32Array(n);
  for (const [, to] of edges) indegree[to] = (indegree[to] ?? 0) + 1;
  const layer = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] as number;
    for (let e = start[node] ?? 0; e < (start[node + 1] ?? 0); e++) {
      const to = next[e] ?? 0;
      layer[to] = Math.max(layer[to] ?? 0, (layer[node] ?? 0) + 1);
      indegree[to] = (indegree[to] ?? 0) - 1;
      if (indegree[to] === 0) queue.push(to);
    }
  }
  if (queue.length !== n) throw new Error('longestPathLayers: the graph has a cycle');
  return layer;
}

/** A run of consecutive layers laid out by one ELK call; `layers[i]` lists step indexes. */
export interface Segment {
  readonly layers: readonly (readonly number[])[];
}

/** Step count of a segment. */
export const segmentSize = (segment: Segment) =>
  segment.layers.reduce((sum, layer) => sum + layer.length, 0);

/**
 * Cuts the layers, left to right, into runs of at most `max` steps. A single layer bigger than
 * `max` is a run of its own: no edge joins two steps of one layer, so ELK meets no long path.
 */
export function cutIntoSegments(layer: Int32Array, max: number): Segment[] {
  const byLayer: number[][] = [];
  for (let i = 0; i < layer.length; i++) {
    const l = layer[i] ?? 0;
    while (byLayer.length <= l) byLayer.push([]);
    byLayer[l]?.push(i);
  }
  return splitLayers(byLayer, max);
}

/** Groups consecutive layers into segments of at most `max` steps (a lone big layer excepted). */
export function splitLayers(layers: readonly (readonly number[])[], max: number): Segment[] {
  const segments: Segment[] = [];
  let current: (readonly number[])[] = [];
  let size = 0;
  for (const layer of layers) {
    if (current.length > 0 && size + layer.length > max) {
      segments.push({ layers: current });
      current = [];
      size = 0;
    }
    current.push(layer);
    size += layer.length;
  }
  if (current.length > 0) segments.push({ layers: current });
  return segments;
}
