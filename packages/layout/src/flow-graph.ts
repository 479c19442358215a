import type { ProcessMap, Step } from '@procmap/model';

/*
 * The map's flows as a plain graph over step indexes, made acyclic, layered and cut into
 * segments small enough for ELK. Everything here is iterative: a 100,000-step chain must not
 * touch the call stack any deeper than a 3-step one.
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

/** Out-neighbours of every node as one flat list (compressed sparse rows), in edge order. */
function rows(
  n: number,
  m: number,
  from: Int32Array,
  to: Int32Array,
): { start: Int32Array; next: Int32Array; edge: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const k = (from[e] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const next = new Int32Array(m);
  const edge = new Int32Array(m); // which edge sits at each place of the list
  for (let e = 0; e < m; e++) {
    const at = fill[from[e] as number] as number;
    fill[from[e] as number] = at + 1;
    next[at] = to[e] as number;
    edge[at] = e;
  }
  return { start, next, edge };
}

/** Out-neighbours of an edge list (see `rows`). */
function adjacency(n: number, edges: readonly Edge[]): { start: Int32Array; next: Int32Array } {
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  for (let e = 0; e < edges.length; e++) {
    const [a, b] = edges[e] as Edge;
    from[e] = a;
    to[e] = b;
  }
  return rows(n, edges.length, from, to);
}

/**
 * Drops repeated edges, keeping the first (in place; returns the new count). Repeats are rare,
 * so a map without one pays only for a scan of each step's outgoing edges.
 */
function dropRepeats(n: number, m: number, from: Int32Array, to: Int32Array): number {
  const { start, next } = rows(n, m, from, to);
  const stamp = new Int32Array(n).fill(-1);
  let repeats = false;
  for (let node = 0; node < n && !repeats; node++) {
    for (let at = start[node] as number; at < (start[node + 1] as number); at++) {
      const target = next[at] as number;
      if (stamp[target] === node) {
        repeats = true;
        break;
      }
      stamp[target] = node;
    }
  }
  if (!repeats) return m;
  const seen = new Set<number>();
  let kept = 0;
  for (let e = 0; e < m; e++) {
    const key = (from[e] as number) * n + (to[e] as number);
    if (seen.has(key)) continue;
    seen.add(key);
    from[kept] = from[e] as number;
    to[kept] = to[e] as number;
    kept++;
  }
  return kept;
}

/**
 * Builds the graph: later duplicates of a step id are ignored, flows to or from unknown steps and
 * self-loops are left out. Cycles are broken by a depth-first search started at `start` steps,
 * then at steps nothing flows into, then at any step left, in map order: a flow reaching a step
 * still on the search path goes back, and is turned around.
 */
export function buildFlowGraph(map: ProcessMap): FlowGraph {
  const index = new Map<string, number>();
  const steps: Step[] = [];
  for (const step of map.steps) {
    if (!index.has(step.id)) {
      index.set(step.id, steps.length);
      steps.push(step);
    }
  }
  const n = steps.length;
  const from = new Int32Array(map.flows.length);
  const to = new Int32Array(map.flows.length);
  let m = 0;
  for (const flow of map.flows) {
    const a = index.get(flow.from);
    const b = index.get(flow.to);
    if (a === undefined || b === undefined || a === b) continue;
    from[m] = a;
    to[m] = b;
    m++;
  }
  m = dropRepeats(n, m, from, to);

  const { start, next, edge } = rows(n, m, from, to);
  const indegree = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    const k = to[e] as number;
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
    cursor[root] = start[root] as number;
    stack.push(root);
    while (stack.length > 0) {
      const node = stack[stack.length - 1] as number;
      const at = cursor[node] as number;
      if (at >= (start[node + 1] as number)) {
        state[node] = DONE;
        stack.pop();
        continue;
      }
      cursor[node] = at + 1;
      const target = next[at] as number;
      if (state[target] === OPEN) {
        back[edge[at] as number] = 1;
        reversed++;
      } else if (state[target] === 0) {
        state[target] = OPEN;
        cursor[target] = start[target] as number;
        stack.push(target);
      }
    }
  };
  for (let i = 0; i < n; i++) if (steps[i]?.kind === 'start') search(i);
  for (let i = 0; i < n; i++) if (indegree[i] === 0) search(i);
  for (let i = 0; i < n; i++) search(i);

  // A turned-around edge may repeat one that already ran that way: keep the first of the two.
  const turned = new Set<number>();
  for (let e = 0; e < m; e++) if (back[e]) turned.add((to[e] as number) * n + (from[e] as number));
  const kept = new Set<number>();
  const edges: Edge[] = [];
  for (let e = 0; e < m; e++) {
    const a = back[e] ? (to[e] as number) : (from[e] as number);
    const b = back[e] ? (from[e] as number) : (to[e] as number);
    const key = a * n + b;
    if (turned.has(key)) {
      if (kept.has(key)) continue;
      kept.add(key);
    }
    edges.push([a, b]);
  }
  return { steps, indexOf: index, edges, reversed };
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
