import {
  curvePath,
  type FlowRoute,
  GEOMETRY,
  type MapGeometry,
  type PlacedLabel,
  placeFlowLabels,
  pointOnCurve,
  routeFlows,
  type StepBox,
  stepObstacles,
} from '@procmap/layout';
import {
  type CommentKind,
  type Flow,
  type FlowId,
  flowLabel,
  formatStepTimes,
  isHandoff,
  type MapIndex,
  type StepId,
} from '@procmap/model';
import { BaseEdge, type Edge, type EdgeProps, MarkerType, type XYPosition } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import { commentMarkText, KIND_SYMBOLS } from '../comments/comment-marks';
import { stepElementId } from './canvas-focus';
import type { GhostFlowNode } from './GhostNode';
import type { LaneFlowNode } from './LaneNode';
import type { MapNames } from './step-names';
import type { StepFlowNode } from './StepNode';

export type EditorNode = LaneFlowNode | StepFlowNode | GhostFlowNode;

/**
 * The previous render's objects, reused while what they show is unchanged: React Flow and the
 * memoised node components then skip them, so an edit or a selection on a 2,000-step map
 * re-renders the one step it touched, not all of them.
 */
export class ElementCache {
  private steps = new Map<string, StepFlowNode>();
  private edges = new Map<string, FlowEdge>();

  step(next: StepFlowNode): StepFlowNode {
    const old = this.steps.get(next.id);
    const same =
      old !== undefined &&
      old.data.step === next.data.step &&
      old.position.x === next.position.x &&
      old.position.y === next.position.y &&
      old.selected === next.selected &&
      old.draggable === next.draggable &&
      old.ariaLabel === next.ariaLabel;
    return same ? old : next;
  }

  edge(next: FlowEdge, flow: unknown): FlowEdge {
    const old = this.edges.get(next.id);
    const same =
      old !== undefined &&
      old.data?.flow === flow &&
      old.className === next.className &&
      old.data?.labelKey === next.data?.labelKey &&
      old.data?.path === next.data?.path &&
      sameRect(old.data?.label, next.data?.label) &&
      old.ariaLabel === next.ariaLabel;
    return same ? old : next;
  }

  /** Keeps exactly the objects of this render, for the next one. */
  keep(steps: readonly StepFlowNode[], edges: readonly FlowEdge[]): void {
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

type NodeAttributes = NonNullable<StepFlowNode['domAttributes']>;

/**
 * Attributes of a step's wrapper for the accessibility tree. React Flow's types leave out `id`,
 * but pass it on: the map's `aria-activedescendant` and its lanes' `aria-owns` need ids to point
 * at. React Flow's "node" role description is dropped: a step is read as the option it is.
 */
function wrapperAttributes(id: string, more: NodeAttributes): NodeAttributes {
  return { id, 'aria-roledescription': undefined, ...more } as NodeAttributes;
}

/**
 * React Flow nodes for the lanes (behind) and the steps, from the derived geometry. With
 * `names`, each step also carries its part in the map's accessibility tree: an option, selected
 * or not, named by what it says and what follows it, owned by its lane's group in the map's
 * listbox (see MapWidget in Canvas.tsx).
 */
export function flowNodes(
  index: MapIndex,
  geometry: MapGeometry,
  selected: ReadonlySet<StepId>,
  readOnly: boolean,
  cache?: ElementCache,
  names?: MapNames,
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
    const isSelected = selected.has(box.step.id);
    const node: StepFlowNode = {
      id: box.step.id,
      type: 'step',
      position: { x: box.x, y: box.y },
      width: GEOMETRY.stepWidth,
      height: GEOMETRY.stepHeight,
      measured: STEP_SIZE,
      data: { step: box.step },
      selected: isSelected,
      draggable: !readOnly,
      connectable: !readOnly,
      ...(names
        ? {
            ariaRole: 'option' as const,
            ariaLabel: names.steps.get(box.step.id) ?? '',
            domAttributes: wrapperAttributes(stepElementId(box.step.id), {
              'aria-selected': isSelected,
            }),
          }
        : {}),
    };
    return cache ? cache.step(node) : node;
  });
  return [...lanes, ...steps];
}

const sameRect = (a: PlacedLabel | undefined, b: PlacedLabel | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.height === b.height);

/** What a flow's edge carries: its line (shared with the exports) and its placed label. */
export type FlowEdgeData = {
  flow: Flow;
  handoff: boolean;
  labelKey: string;
  /** The line, an SVG path from the source's outline to the arrow's tip. */
  path: string;
  /** Where the label goes (top left and size, canvas units); none without a label. */
  label?: PlacedLabel;
  text?: string;
  mark?: { readonly count: number; readonly kind: CommentKind };
};
export type FlowEdge = Edge<FlowEdgeData, 'routed'>;

/**
 * A flow's label on the canvas, with a marker when it has open comments: its kind's symbol and
 * colour, and how many.
 */
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
        {KIND_SYMBOLS[mark.kind]} {mark.count}
      </tspan>
    </>
  );
}

/**
 * A flow drawn along its route from the layout package (the exports draw the same line), with a
 * wide invisible stroke for the pointer and its label where the layout placed it, clear of steps.
 */
export const RoutedEdge = memo(function RoutedEdge({
  id,
  data,
  markerEnd,
  interactionWidth,
}: EdgeProps<FlowEdge>) {
  if (!data) return null;
  const { label } = data;
  return (
    <>
      <BaseEdge
        id={id}
        path={data.path}
        markerEnd={markerEnd}
        interactionWidth={interactionWidth}
      />
      {label && (
        <g
          className="react-flow__edge-textwrapper flow__label"
          transform={`translate(${label.x} ${label.y})`}
        >
          <rect
            className="react-flow__edge-textbg"
            width={label.width}
            height={label.height}
            rx={3}
          />
          <text
            className="react-flow__edge-text"
            x={label.width / 2}
            y={label.height / 2}
            dominantBaseline="central"
            textAnchor="middle"
          >
            {edgeLabel(data.text, data.mark)}
          </text>
        </g>
      )}
    </>
  );
});

/** The canvas's flow label: 14px text, 5px either side, 20px tall (see editor.css). */
const LABEL = { size: 14, pad: 5, height: 20 } as const;
/** A step's time tag: 0.7rem text, 0.4rem padding and a 1px border either side. */
const TAG = { size: 11.2, pad: 2 * 6.4 + 2 } as const;

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** The width of a line of text in the page's font at `size` px (estimated without a canvas). */
export function measureText(text: string, size: number): number {
  const key = `${size}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = globalThis.document?.createElement('canvas').getContext('2d') ?? null;
  }
  let width: number;
  if (context) {
    const font = globalThis.getComputedStyle?.(globalThis.document.body).fontFamily || 'sans-serif';
    context.font = `${size}px ${font}`;
    width = context.measureText(text).width;
  } else {
    width = text.length * size * 0.55;
  }
  if (widths.size > 5000) widths.clear();
  widths.set(key, width);
  return width;
}

/** Each flow's line and label place: the same routing and placement as the exports. */
export interface RoutedFlows {
  readonly routes: readonly FlowRoute[];
  readonly labels: ReadonlyMap<string, PlacedLabel>;
}

/**
 * Routes the flows between drawn steps and places their labels (text and comment marker) clear
 * of steps, time tags and each other.
 */
export function routeCanvasFlows(
  index: MapIndex,
  geometry: MapGeometry,
  hoursPerDay: number,
  comments?: ReadonlyMap<string, { readonly count: number; readonly kind: CommentKind }>,
): RoutedFlows {
  const routes = routeFlows(index.map.flows, geometry.boxOf);
  const labels = placeFlowLabels(
    routes,
    ({ flow }) => {
      const text = flowLabel(flow.label, flow.probability);
      const mark = comments?.get(flow.id);
      if (!text && !mark) return undefined;
      const shown = `${text ?? ''}${text && mark ? ' ' : ''}${mark ? `${KIND_SYMBOLS[mark.kind]} ${mark.count}` : ''}`;
      return {
        width: Math.ceil(measureText(shown, LABEL.size) + 2 * LABEL.pad),
        height: LABEL.height,
      };
    },
    stepObstacles(geometry.steps, {
      timeTagWidth: (step) => {
        const times = formatStepTimes(step, hoursPerDay);
        return times ? measureText(times, TAG.size) + TAG.pad : undefined;
      },
    }),
  );
  return { routes, labels };
}

/**
 * The routes of the flows touching steps being dragged, from where those steps are now: their
 * lines follow the pointer; their labels sit on the middle of the line until the drop.
 */
export function draggedRoutes(
  index: MapIndex,
  geometry: MapGeometry,
  dragged: ReadonlyMap<string, XYPosition>,
): Map<string, FlowRoute> {
  const touching = index.map.flows.filter((f) => dragged.has(f.from) || dragged.has(f.to));
  const boxOf = (id: string): StepBox | undefined => {
    const box = geometry.boxOf(id);
    const at = dragged.get(id);
    return box && at ? { step: box.step, x: at.x, y: at.y } : box;
  };
  return new Map(routeFlows(touching, boxOf).map((r) => [r.flow.id, r]));
}

/** Edges for the flows: arrowheads, handoffs between roles dashed; a selected one stands out. */
export function flowEdges(
  index: MapIndex,
  routed: RoutedFlows,
  selected: FlowId | undefined,
  cache?: ElementCache,
  comments?: ReadonlyMap<string, { readonly count: number; readonly kind: CommentKind }>,
  dragged?: ReadonlyMap<string, FlowRoute>,
): FlowEdge[] {
  const edges: FlowEdge[] = [];
  const labelled: FlowEdge[] = [];
  for (const routeNow of routed.routes) {
    const { flow } = routeNow;
    const moving = dragged?.get(flow.id);
    const route = moving ?? routeNow;
    const handoff = isHandoff(index, flow);
    const text = flowLabel(flow.label, flow.probability);
    const mark = comments?.get(flow.id);
    const from = route.from.step.label || 'unnamed step';
    const to = route.to.step.label || 'unnamed step';
    let label = routed.labels.get(flow.id);
    if (label && moving) {
      const mid = pointOnCurve(moving.curve, 0.5);
      label = { ...label, x: mid.x - label.width / 2, y: mid.y - label.height / 2 };
    }
    const edge: FlowEdge = {
      id: flow.id,
      source: flow.from,
      target: flow.to,
      type: 'routed',
      className: `flow${handoff ? ' flow--handoff' : ''}${flow.id === selected ? ' is-selected' : ''}`,
      selected: flow.id === selected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      data: {
        handoff,
        flow,
        labelKey: `${text ?? ''}|${mark ? `${mark.kind}:${mark.count}` : ''}`,
        path: curvePath(route.curve),
        ...(label ? { label } : {}),
        ...(text ? { text } : {}),
        ...(mark ? { mark } : {}),
      },
      selectable: true,
      focusable: false,
      // An invisible stroke this wide takes the pointer: a flow is easy to hit, and flows that
      // fan out from one step each keep their own.
      interactionWidth: 20,
      // Read out by screen readers instead of React Flow's "Edge from <id> to <id>".
      ariaLabel: `${handoff ? 'Handoff' : 'Flow'} from ${from} to ${to}${text ? `: ${text}` : ''}${
        mark ? `; ${commentMarkText(mark.count, mark.kind)}` : ''
      }`,
    };
    (label ? labelled : edges).push(cache ? cache.edge(edge, flow) : edge);
  }
  // Edges are drawn in order: labelled ones last, so that no other flow's wide invisible stroke
  // lies over a label and takes its clicks.
  for (const edge of labelled) edges.push(edge);
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
