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
  /** Unique edges, no self-loops; each flow closing a cycle (a rework loop) is turned around. */
  readonly edges: readonly Edge[];
  /** How many flows were turned around to break cycles. */
  readonly reversed: number;
}

/** Out-neighbours of every node as one flat list (compressed sparse rows). */
function adjacency(n: number, edges: readonly Edge[]): { start: Int32Array; next: Int32Array } {
  const start = new Int32Array(n + 1);
  for (const [from] of edges) start[from + 1] = (start[from + 1] ?? 0) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const fill = start.slice(0, n);
  const next = new Int32Array(edges.length);
  for (const [from, to] of edges) {
    next[fill[from] ?? 0] = to;
    fill[from] = (fill[from] ?? 0) + 1;
  }
  return { start, next };
}

/** Adds an edge once; `seen` holds from * n + to of the edges already kept. */
function keep(edges: Edge[], seen: Set<number>, n: number, from: number, to: number): void {
  const key = from * n + to;
  if (from === to || seen.has(key)) return;
  seen.add(key);
  edges.push([from, to]);
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
  const raw: Edge[] = [];
  const seen = new Set<number>();
  const indegree = new Int32Array(n);
  for (const flow of map.flows) {
    const from = index.get(flow.from);
    const to = index.get(flow.to);
    if (from === undefined || to === undefined) continue;
    const before = raw.length;
    keep(raw, seen, n, from, to);
    if (raw.length > before) indegree[to] = (indegree[to] ?? 0) + 1;
  }

  const { start, next } = adjacency(n, raw);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (steps[i]?.kind === 'start') roots.push(i);
  for (let i = 0; i < n; i++) if (indegree[i] === 0) roots.push(i);
  for (let i = 0; i < n; i++) roots.push(i);

  const OPEN = 1;
  const DONE = 2;
  const state = new Uint8Array(n);
  const back = new Set<number>();
  const stack: number[] = [];
  const cursor = new Int32Array(n);
  for (const root of roots) {
    if (state[root] !== 0) continue;
    state[root] = OPEN;
    cursor[root] = start[root] ?? 0;
    stack.push(root);
    while (stack.length > 0) {
      const node = stack[stack.length - 1] as number;
      const at = cursor[node] ?? 0;
      if (at >= (start[node + 1] ?? 0)) {
        state[node] = DONE;
        stack.pop();
        continue;
      }
      cursor[node] = at + 1;
      const to = next[at] ?? 0;
      if (state[to] === OPEN) back.add(node * n + to);
      else if (state[to] === 0) {
        state[to] = OPEN;
        cursor[to] = start[to] ?? 0;
        stack.push(to);
      }
    }
  }

  const edges: Edge[] = [];
  const kept = new Set<number>();
  for (const [from, to] of raw) {
    if (back.has(from * n + to)) keep(edges, kept, n, to, from);
    else keep(edges, kept, n, from, to);
  }
  return { steps, edges, reversed: back.size };
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
