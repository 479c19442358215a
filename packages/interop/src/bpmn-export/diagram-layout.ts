import { GEOMETRY, type MapGeometry } from '@procmap/layout';
import { BoxIndex } from './box-index';
import type { BpmnGraph, BpmnNode } from './bpmn-graph';

/*
 * Where the diagram draws everything, taken from the canvas's own geometry (mapGeometry): the
 * pool spans the canvas, one lane per band top to bottom, every step where the canvas has it. A
 * task fills the step's box; gateways (50×50) and events (36×36) sit at its centre, as BPMN
 * tools draw them. A gateway the export added sits between its step and the step's neighbours:
 * a split just right of its step, a join just left, an exclusive merge left of its join.
 */

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DiagramLayout {
  readonly pool: Bounds;
  /** Per lane of the graph, in order. */
  readonly lanes: readonly Bounds[];
  /** Per node of the graph, in order. */
  readonly nodes: readonly Bounds[];
}

/** The pool's band on the left where BPMN tools write its name, and where lanes begin. */
export const POOL_HEADER = 30;
export const GATEWAY_SIZE = 50;
export const EVENT_SIZE = 36;
/** Room kept between an added gateway and the shape it stands beside, when there is room. */
const GAP = 8;

/** Size of a step's shape: a task fills its box, gateways and events are fixed. */
export function stepSize(kind: string): { width: number; height: number } {
  if (kind === 'decision') return { width: GATEWAY_SIZE, height: GATEWAY_SIZE };
  if (kind === 'start' || kind === 'end' || kind === 'delay') {
    return { width: EVENT_SIZE, height: EVENT_SIZE };
  }
  return { width: GEOMETRY.stepWidth, height: GEOMETRY.stepHeight };
}

/** A box of `size` centred on (cx, cy). */
function centred(cx: number, cy: number, width: number, height: number): Bounds {
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** The layout of `graph` on `geometry` (of the same normalized map). */
export function diagramLayout(graph: BpmnGraph, geometry: MapGeometry): DiagramLayout {
  const bottom = geometry.lanes.reduce((h, l) => Math.max(h, l.y + l.height), 0);
  const pool = { x: 0, y: 0, width: geometry.width, height: bottom };
  const laneBox = new Map(geometry.lanes.map((l) => [l.role.id, l]));
  const lanes = graph.lanes.map((lane, i): Bounds => {
    const band = laneBox.get(lane.role.id);
    // Every lane of the graph is a band of the geometry; the fallback is never drawn over one.
    const y = band?.y ?? bottom + i * GEOMETRY.minLaneHeight;
    const height = band?.height ?? GEOMETRY.minLaneHeight;
    return { x: POOL_HEADER, y, width: geometry.width - POOL_HEADER, height };
  });

  const nodes: Bounds[] = [];
  // A step the geometry does not draw (none after normalize) goes to its lane's left edge.
  const boxOf = (node: BpmnNode & { kind: 'step' }) => {
    const box = geometry.boxOf(node.step.id);
    if (box) return { x: box.x, y: box.y };
    const lane = lanes[node.lane] as Bounds;
    return {
      x: GEOMETRY.headerWidth + GEOMETRY.firstColumn,
      y: lane.y + (lane.height - GEOMETRY.stepHeight) / 2,
    };
  };
  for (const node of graph.nodes) {
    if (node.kind !== 'step') break; // steps come first
    const box = boxOf(node);
    const { width, height } = stepSize(node.step.kind);
    nodes.push(
      centred(box.x + GEOMETRY.stepWidth / 2, box.y + GEOMETRY.stepHeight / 2, width, height),
    );
  }
  // Added gateways, beside the shapes of their steps; where one would come closer than GAP to
  // another shape, the shapes from there on (every lane, so columns stay in line) move right.
  const steps = nodes.slice();
  let moved = 0;
  let placed = withGateways(graph, steps);
  for (let round = 0; round < 8; round++) {
    const shifts = crowded(graph, placed);
    if (shifts.length === 0) break;
    shifts.sort((p, q) => p.at - q.at);
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i] as Bounds;
      let dx = 0;
      for (const shift of shifts) if (shift.at <= s.x + 1e-6) dx = Math.max(dx, shift.by);
      if (dx > 0) steps[i] = { ...s, x: s.x + dx };
    }
    moved += Math.max(...shifts.map((t) => t.by));
    placed = withGateways(graph, steps);
  }
  const wider = (b: Bounds): Bounds => (moved > 0 ? { ...b, width: b.width + moved } : b);
  return { pool: wider(pool), lanes: lanes.map(wider), nodes: placed };
}

/** The steps' shapes followed by the added gateways, each beside its step. */
function withGateways(graph: BpmnGraph, steps: readonly Bounds[]): Bounds[] {
  const nodes = steps.slice();
  const nearest = neighbours(graph, nodes);
  const joinAt = new Map<number, Bounds>();
  for (const node of graph.nodes) {
    if (node.kind === 'step') continue;
    const step = nodes[node.anchor] as Bounds;
    const cy = step.y + step.height / 2;
    const size = GATEWAY_SIZE;
    let cx: number;
    if (node.kind === 'parallel-split') {
      const right = step.x + step.width;
      const room = (nearest.rightOf.get(node.anchor) ?? Number.POSITIVE_INFINITY) - right;
      cx =
        room >= size + 4 * GAP
          ? right + Math.min(room / 2, size / 2 + 3 * GAP)
          : right + GAP + size / 2;
    } else if (node.kind === 'parallel-join') {
      const left = step.x;
      const room = left - (nearest.leftOf.get(node.anchor) ?? Number.NEGATIVE_INFINITY);
      cx =
        room >= size + 4 * GAP
          ? left - Math.min(room / 2, size / 2 + 3 * GAP)
          : left - GAP - size / 2;
      joinAt.set(node.anchor, centred(cx, cy, size, size));
    } else {
      const join = joinAt.get(node.anchor);
      cx = (join ? join.x : step.x) - GAP - size / 2;
    }
    nodes.push(centred(cx, cy, size, size));
  }
  return nodes;
}

/**
 * Where an added gateway comes closer than GAP to a shape on its right (or a shape on its left
 * to it): the x from which shapes move right, and by how much.
 */
function crowded(graph: BpmnGraph, nodes: readonly Bounds[]): { at: number; by: number }[] {
  const index = new BoxIndex<Bounds & { i: number }>();
  nodes.forEach((b, i) => {
    index.add({ ...b, i });
  });
  /** The x of what moves a shape: a step's own, an added gateway's step's. */
  const anchorX = (i: number): number => {
    const node = graph.nodes[i] as BpmnNode;
    return (nodes[node.kind === 'step' ? i : node.anchor] as Bounds).x;
  };
  const out: { at: number; by: number }[] = [];
  graph.nodes.forEach((node, g) => {
    if (node.kind === 'step') return;
    const box = nodes[g] as Bounds;
    const area = {
      x: box.x - GAP,
      y: box.y - GAP,
      width: box.width + 2 * GAP,
      height: box.height + 2 * GAP,
    };
    for (const other of index.near(area)) {
      if (other.i === g) continue;
      const [u, v] =
        other.x + other.width / 2 >= box.x + box.width / 2 ? [g, other.i] : [other.i, g];
      const left = nodes[u] as Bounds;
      const right = nodes[v] as Bounds;
      const at = anchorX(v);
      if (!(anchorX(u) < at)) continue;
      const by = left.x + left.width + GAP + 0.5 - right.x;
      if (by > 0) out.push({ at, by });
    }
  });
  return out;
}

/**
 * For each step with an added gateway: the nearest left edge of a step it flows to (on its right)
 * and the nearest right edge of a step flowing into it (on its left), so the gateway can sit in
 * the middle of the gap.
 */
function neighbours(
  graph: BpmnGraph,
  shapes: readonly Bounds[],
): { rightOf: Map<number, number>; leftOf: Map<number, number> } {
  const rightOf = new Map<number, number>();
  const leftOf = new Map<number, number>();
  const stepOf = (i: number): number => {
    const node = graph.nodes[i] as BpmnNode;
    return node.kind === 'step' ? i : node.anchor;
  };
  for (const flow of graph.flows) {
    if (!flow.flow) continue;
    const a = stepOf(flow.source);
    const b = stepOf(flow.target);
    const sa = shapes[a] as Bounds;
    const sb = shapes[b] as Bounds;
    if (sb.x > sa.x + sa.width) {
      rightOf.set(a, Math.min(rightOf.get(a) ?? Number.POSITIVE_INFINITY, sb.x));
      leftOf.set(b, Math.max(leftOf.get(b) ?? Number.NEGATIVE_INFINITY, sa.x + sa.width));
    }
  }
  return { rightOf, leftOf };
}
