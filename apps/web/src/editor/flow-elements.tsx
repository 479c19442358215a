import {
  type CommentKind,
  type FlowId,
  flowLabel,
  isHandoff,
  type MapIndex,
  type StepId,
} from '@procmap/model';
import type { ReactNode } from 'react';
import { type Edge, MarkerType } from '@xyflow/react';
import type { LaneFlowNode } from './LaneNode';
import { GEOMETRY, type MapGeometry } from '@procmap/layout';
import type { StepFlowNode } from './StepNode';

export type EditorNode = LaneFlowNode | StepFlowNode;

/**
 * The previous render's objects, reused while what they show is unchanged: React Flow and the
 * memoised node components then skip them, so an edit or a selection on a 2,000-step map
 * re-renders the one step it touched, not all of them.
 */
export class ElementCache {
  private steps = new Map<string, StepFlowNode>();
  private edges = new Map<string, Edge>();

  step(next: StepFlowNode): StepFlowNode {
    const old = this.steps.get(next.id);
    const same =
      old !== undefined &&
      old.data.step === next.data.step &&
      old.position.x === next.position.x &&
      old.position.y === next.position.y &&
      old.selected === next.selected &&
      old.draggable === next.draggable;
    return same ? old : next;
  }

  edge(next: Edge, flow: unknown): Edge {
    const old = this.edges.get(next.id);
    const same =
      old !== undefined &&
      old.data?.flow === flow &&
      old.className === next.className &&
      old.data?.labelKey === next.data?.labelKey &&
      old.ariaLabel === next.ariaLabel;
    return same ? old : next;
  }

  /** Keeps exactly the objects of this render, for the next one. */
  keep(steps: readonly StepFlowNode[], edges: readonly Edge[]): void {
    this.steps = new Map(steps.map((n) => [n.id, n]));
    this.edges = new Map(edges.map((e) => [e.id, e]));
  }
}

/**
 * A node's size, given as already measured. React Flow keeps a node's measured handles only when
 * the new node object says it was measured: without this, every step whose object changes (a
 * move, a tidy-up, each frame of a drag) lost its handle bounds, was mounted even when off
 * screen (an unmeasured node always renders) and was measured again in the DOM. A step that
 * React Flow has never seen is still mounted and measured once, as before.
 */
const STEP_SIZE = { width: GEOMETRY.stepWidth, height: GEOMETRY.stepHeight } as const;

/** React Flow nodes for the lanes (behind) and the steps, from the derived geometry. */
export function flowNodes(
  index: MapIndex,
  geometry: MapGeometry,
  selected: ReadonlySet<StepId>,
  readOnly: boolean,
  cache?: ElementCache,
): EditorNode[] {
  const lanes: LaneFlowNode[] = geometry.lanes.map((lane) => ({
    id: `lane:${lane.role.id}`,
    type: 'lane',
    position: { x: 0, y: lane.y },
    width: geometry.width,
    height: lane.height,
    measured: { width: geometry.width, height: lane.height },
    data: {
      role: lane.role,
      index: lane.index,
      stepCount: index.stepsByRole(lane.role.id).length,
    },
    draggable: false,
    selectable: false,
    connectable: false,
    focusable: false,
    zIndex: -1,
  }));
  const steps: StepFlowNode[] = geometry.steps.map((box) => {
    const node: StepFlowNode = {
      id: box.step.id,
      type: 'step',
      position: { x: box.x, y: box.y },
      width: GEOMETRY.stepWidth,
      height: GEOMETRY.stepHeight,
      measured: STEP_SIZE,
      data: { step: box.step },
      selected: selected.has(box.step.id),
      draggable: !readOnly,
      connectable: !readOnly,
    };
    return cache ? cache.step(node) : node;
  });
  return [...lanes, ...steps];
}

/** A flow's label on the canvas, with a marker in its kind's colour when it has open comments. */
function edgeLabel(
  text: string | undefined,
  mark: { readonly count: number; readonly kind: CommentKind } | undefined,
): ReactNode {
  if (!mark) return text;
  return (
    <>
      {text && <tspan>{text} </tspan>}
      <tspan
        className={`flow__comments flow__comments--${mark.kind}`}
        data-testid="flow-comment-marker"
      >
        ● {mark.count}
      </tspan>
    </>
  );
}

/** Edges for the flows: arrowheads, handoffs between roles dashed; a selected one stands out. */
export function flowEdges(
  index: MapIndex,
  selected: FlowId | undefined,
  cache?: ElementCache,
  comments?: ReadonlyMap<string, { readonly count: number; readonly kind: CommentKind }>,
): Edge[] {
  const edges: Edge[] = [];
  for (const flow of index.map.flows) {
    if (!index.step(flow.from) || !index.step(flow.to)) continue;
    const handoff = isHandoff(index, flow);
    const text = flowLabel(flow.label, flow.probability);
    const mark = comments?.get(flow.id);
    const from = index.step(flow.from)?.label || 'unnamed step';
    const to = index.step(flow.to)?.label || 'unnamed step';
    const edge: Edge = {
      id: flow.id,
      source: flow.from,
      target: flow.to,
      type: 'smoothstep',
      label: edgeLabel(text, mark),
      className: `flow${handoff ? ' flow--handoff' : ''}${flow.id === selected ? ' is-selected' : ''}`,
      selected: flow.id === selected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      data: {
        handoff,
        flow,
        labelKey: `${text ?? ''}|${mark ? `${mark.kind}:${mark.count}` : ''}`,
      },
      selectable: true,
      focusable: false,
      interactionWidth: 16,
      // Read out by screen readers instead of React Flow's "Edge from <id> to <id>".
      ariaLabel: `${handoff ? 'Handoff' : 'Flow'} from ${from} to ${to}${text ? `: ${text}` : ''}`,
    };
    edges.push(cache ? cache.edge(edge, flow) : edge);
  }
  return edges;
}

/**
 * `next`, or — when more than `batch` of its elements are new objects compared with `shown` —
 * `next` with only the first `batch` of those taken and the others still as in `shown`. Added
 * and removed elements are always taken at once. Returns `next` itself once nothing more is
 * held back, so a caller can tell that it has caught up.
 */
export function nextBatch<T extends { readonly id: string }>(
  shown: readonly T[],
  next: T[],
  batch: number,
): T[] {
  if (shown === next) return next;
  const before = new Map<string, T>();
  for (const item of shown) before.set(item.id, item);
  let changed = 0;
  for (const item of next) {
    const old = before.get(item.id);
    if (old !== undefined && old !== item) changed++;
  }
  if (changed <= batch) return next;
  let budget = batch;
  return next.map((item) => {
    const old = before.get(item.id);
    if (old === undefined || old === item || budget-- > 0) return item;
    return old;
  });
}
