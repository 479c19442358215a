import {
  buildFlowGraph,
  cutIntoSegments,
  type FlowGraph,
  longestPathLayers,
  type Segment,
  segmentSize,
  splitLayers,
} from './flow-graph';
import type { ElkGraph, ElkLike, ResolvedLayoutOptions } from './options';
import type { ProcessMap } from '@procmap/model';

/*
 * Phase 1: the order along the flow. ELK `layered`, left to right, on steps and flows with roles
 * left out, gives each step a layer (its column) and a place within it (crossing minimisation).
 * Segments are laid out one after the other and placed side by side, each starting one column
 * after the last column of the one before, so every flow between segments still goes right.
 */

/** The ELK options of phase 1. Only layers and in-layer order are read back, so routing is cheap. */
export const ELK_LAYOUT_OPTIONS: Readonly<Record<string, string>> = Object.freeze({
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.randomSeed': '1',
  // One graph, not packed components: layers line up across separate processes, and ELK's
  // recursive component search stays out of the way.
  'elk.separateConnectedComponents': 'false',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.spacing.nodeNode': '20',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
});

/** Segments smaller than this are not split again when ELK fails on them: the error stands. */
const SMALLEST_RETRY = 32;

/** Phase 1 for every unique step of the graph: its column and its order within the column. */
export interface FlowOrder {
  readonly graph: FlowGraph;
  readonly column: Int32Array;
  readonly order: Float64Array;
  readonly columns: number;
}

/** Columns of a segment from ELK's x: values closer than half a box width share a column. */
function columnsOf(xs: readonly number[], minGap: number): Map<number, number> {
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let column = -1;
  let columnX = Number.NEGATIVE_INFINITY;
  for (const x of sorted) {
    if (x - columnX >= minGap) {
      column++;
      columnX = x;
    }
    out.set(x, column);
  }
  return out;
}

interface SegmentPlacement {
  readonly nodes: readonly number[];
  readonly column: readonly number[];
  readonly order: readonly number[];
  readonly columns: number;
}

async function layoutSegment(
  graph: FlowGraph,
  segment: Segment,
  inSegment: Int32Array,
  tag: number,
  elk: ElkLike,
  options: ResolvedLayoutOptions,
): Promise<SegmentPlacement> {
  const nodes = segment.layers.flat().sort((a, b) => a - b);
  for (const node of nodes) inSegment[node] = tag;
  const elkGraph: ElkGraph = {
    id: 'root',
    layoutOptions: { ...ELK_LAYOUT_OPTIONS, ...options.elkOptions },
    children: nodes.map((i) => ({
      id: `n${i}`,
      width: options.nodeWidth,
      height: options.nodeHeight,
    })),
    edges: [],
  };
  for (const [from, to] of graph.edges) {
    if (inSegment[from] === tag && inSegment[to] === tag) {
      elkGraph.edges.push({
        id: `e${elkGraph.edges.length}`,
        sources: [`n${from}`],
        targets: [`n${to}`],
      });
    }
  }
  const laidOut = await elk.layout(elkGraph);
  const where = new Map<string, { x: number; y: number }>();
  for (const child of laidOut.children ?? [])
    where.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  const xs = nodes.map((i) => where.get(`n${i}`)?.x ?? 0);
  const columnOfX = columnsOf(xs, options.nodeWidth / 2);
  const column = xs.map((x) => columnOfX.get(x) ?? 0);
  const order = nodes.map((i) => where.get(`n${i}`)?.y ?? 0);
  let columns = 0;
  for (const c of column) columns = Math.max(columns, c + 1);
  return { nodes, column, order, columns };
}

/**
 * Runs phase 1. A graph of more than `maxElkSteps` steps is cut into segments of consecutive
 * longest-path layers; a segment ELK fails on (a stack overflow on a smaller stack than Node's)
 * is split in two and retried, down to SMALLEST_RETRY steps, after which the error is thrown.
 */
export async function orderAlongFlow(
  map: ProcessMap,
  elk: ElkLike,
  options: ResolvedLayoutOptions,
): Promise<FlowOrder> {
  const graph = buildFlowGraph(map);
  const n = graph.steps.length;
  const column = new Int32Array(n);
  const order = new Float64Array(n);
  if (n === 0) return { graph, column, order, columns: 0 };

  const layers = longestPathLayers(n, graph.edges);
  const pending = cutIntoSegments(layers, options.maxElkSteps);
  const inSegment = new Int32Array(n).fill(-1);
  let total = pending.length;
  let done = 0;
  let offset = 0;
  let tag = 0;
  while (pending.length > 0) {
    const segment = pending.shift() as Segment;
    let placed: SegmentPlacement;
    try {
      placed = await layoutSegment(graph, segment, inSegment, tag++, elk, options);
    } catch (error) {
      const size = segmentSize(segment);
      if (segment.layers.length < 2 || size < SMALLEST_RETRY) throw error;
      const halves = splitLayers(segment.layers, Math.ceil(size / 2));
      pending.unshift(...halves);
      total += halves.length - 1;
      continue;
    }
    placed.nodes.forEach((node, k) => {
      column[node] = offset + (placed.column[k] ?? 0);
      order[node] = placed.order[k] ?? 0;
    });
    offset += placed.columns;
    options.onProgress?.(++done, total);
  }
  return { graph, column, order, columns: offset };
}
