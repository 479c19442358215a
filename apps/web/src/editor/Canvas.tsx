import type { ProcessDoc } from '@procmap/doc';
import { flowId, type MapIndex, type StepId, stepId } from '@procmap/model';
import {
  Background,
  BackgroundVariant,
  type Connection,
  ControlButton,
  Controls,
  type Edge,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
  type Viewport,
  type XYPosition,
} from '@xyflow/react';
import { memo, startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAnalysis } from '../analysis/analysis-store';
import { useCommentMarks } from '../comments/comment-marks';
import { usePresence } from '../presence/presence-store';
import { stopFollowing } from '../presence/useFollowView';
import { usePresenceChannel } from '../presence/usePresenceChannel';
import { withQueueFigures } from '../simulation/queue-text';
import { useSimulation } from '../simulation/simulation-store';
import { selectedStepIds, useSession } from '../store/session-store';
import './canvas-widget.css';
import { CANVAS_ID, focusCanvas, laneElementId, stepElementId } from './canvas-focus';
import { useHoursPerDay } from './editor-context';
import {
  draggedRoutes,
  type EditorNode,
  ElementCache,
  flowEdges,
  flowNodes,
  nextBatch,
  RoutedEdge,
  routeCanvasFlows,
} from './flow-elements';
import { GhostNode, ghostNodes } from './GhostNode';
import { LaneNode } from './LaneNode';
import type { Ghost } from './scenario-marks';
import { useScenarioMarks } from './scenario-store';
import { type MapNames, mapName, mapNames } from './step-names';
import { GEOMETRY, laneAt, type MapGeometry } from '@procmap/layout';
import { runOrHint } from './run-or-hint';
import { StepNode, type StepFlowNode } from './StepNode';
import { motionMs } from './motion';
import { CANVAS_ZOOM, FIT_MIN_ZOOM, fitMapToView, useInitialViewport } from './useInitialViewport';
import { useViewportFollow } from './useViewportFollow';
import {
  FitViewIcon,
  MINIMAP,
  MINIMAP_ROOM,
  MinimapIcon,
  minimapFill,
  minimapStroke,
  useMinimapOpen,
  ZoomButtons,
} from './canvas-controls';

const NODE_TYPES = { lane: LaneNode, step: StepNode, ghost: GhostNode };
const EDGE_TYPES = { routed: RoutedEdge };

/**
 * From this many steps, only what is on screen is rendered: every rendered node and edge
 * listens to the canvas store, and a drag on 2,000 of them would miss frames. Smaller maps keep
 * every step in the page (find in page, screen readers).
 */
const VIRTUAL_FROM = 300;

/**
 * At most this many steps move on the canvas per render. When an edit moves more (Tidy up moves
 * every step), the rest follow in later tasks: React Flow re-renders every moved step and its
 * minimap rectangle synchronously, and 1,000 of them at once block the page for a long moment.
 */
const NODE_BATCH = 75;

/**
 * `nodes` as React Flow should show them now: the latest, or — after an edit that changed more
 * than `batch` of them — the previous ones with `batch` more taken from the latest on each
 * following task (a transition), until they are all shown.
 */
function useInBatches(nodes: EditorNode[], batch: number): EditorNode[] {
  const shown = useRef(nodes); // what the last committed render showed
  const [more, setMore] = useState(0); // bumped to take the next batch
  const current = useMemo(
    () => (more >= 0 ? nextBatch(shown.current, nodes, batch) : nodes),
    [nodes, batch, more],
  );
  useEffect(() => {
    shown.current = current;
    if (current === nodes) return;
    const timer = setTimeout(() => startTransition(() => setMore((n) => n + 1)), 0);
    return () => clearTimeout(timer);
  }, [current, nodes]);
  return current;
}

// Handlers and minimap colours are module-level, not inline: a new function on each render
// would re-render every edge and every minimap node on every frame of a drag.
const clearSelection = () => useSession.getState().clearSelection();
const selectEdge = (_event: unknown, edge: Edge) =>
  useSession.getState().selectFlow(flowId(edge.id));
/**
 * The map's one keyboard stop: a listbox of lanes (groups) of steps (options), its active
 * descendant the selected step or lane, so a screen reader reads each step as the arrow keys
 * select it. It is its own element rather than the canvas's container: a listbox may hold only
 * options and groups, while the container also holds React Flow's wrapper (role "application",
 * which React Flow fixes), the flows, the zoom buttons and the lane headers. The lanes' groups
 * are empty elements inside it, each owning (`aria-owns`) its steps in flow order: React Flow
 * draws every step side by side in its own wrapper, and an option must sit in a listbox or a
 * group of one, through its parents or its owner. The listbox lies over the canvas without
 * taking the pointer; its outline shows the focus while nothing on it is selected (see
 * canvas-widget.css).
 */
const MapWidget = memo(function MapWidget({
  geometry,
  names,
}: {
  geometry: MapGeometry;
  names: MapNames;
}) {
  const step = useSession((s) => selectedStepIds(s.selection).at(-1));
  const lane = useSession((s) => (s.selection.kind === 'lane' ? s.selection.id : undefined));
  const editing = useSession((s) => s.editing !== null);
  const wasEditing = useRef(editing);
  const element = useRef<HTMLDivElement>(null);
  // The zoom, for the focus ring to keep its width on screen (canvas-widget.css).
  const zoom = useStore((s) => s.transform[2]);
  useEffect(() => {
    element.current?.parentElement?.style.setProperty('--map-zoom', String(zoom));
  }, [zoom]);
  // A name typed in place and saved (or cancelled) takes its field off the page, and focus with
  // it: the keyboard goes back to the map, where the step or lane is still selected.
  useEffect(() => {
    if (wasEditing.current && !editing && document.activeElement === document.body) focusCanvas();
    wasEditing.current = editing;
  }, [editing]);
  // Only what is on the page: a step deleted a moment ago, or a lane, is no descendant.
  const active =
    step && geometry.boxOf(step)
      ? stepElementId(step)
      : lane && geometry.lanes.some((l) => l.role.id === lane)
        ? laneElementId(lane)
        : undefined;
  return (
    <div
      ref={element}
      id={CANVAS_ID}
      className="canvas-widget"
      role="listbox"
      tabIndex={0}
      aria-multiselectable="true"
      aria-label={mapName(geometry.steps.length, geometry.lanes.length)}
      aria-activedescendant={active}
      data-testid="canvas-widget"
    >
      {geometry.lanes.map(({ role }) => (
        // biome-ignore lint/a11y/useSemanticElements: a group of options in a listbox, not of form fields
        <div
          key={role.id}
          id={laneElementId(role.id)}
          role="group"
          aria-label={names.lanes.get(role.id)}
          aria-owns={names.order.get(role.id)?.map(stepElementId).join(' ') || undefined}
        />
      ))}
    </div>
  );
});

/**
 * The swimlane canvas: React Flow over the derived geometry; every edit becomes a command.
 * Memoised: while a big map's new snapshot is rendered in a transition, the editor's urgent
 * render passes the same props and skips the canvas.
 */
export const Canvas = memo(function Canvas({
  doc,
  index,
  geometry,
  readOnly,
  synced,
  ghosts,
}: {
  doc: ProcessDoc;
  index: MapIndex;
  geometry: MapGeometry;
  readOnly: boolean;
  synced: boolean;
  /** While a scenario is shown, the as-is's steps it removed, drawn faint where they were. */
  ghosts?: readonly Ghost[] | undefined;
}) {
  const selection = useSession((s) => s.selection);
  // Positions of steps being dragged, until the drop becomes a command.
  const [dragging, setDragging] = useState<ReadonlyMap<string, XYPosition>>(new Map());

  const selected = useMemo(() => new Set(selectedStepIds(selection)), [selection]);
  const cache = useRef(new ElementCache()).current;
  // What a screen reader says for each step: names change with labels, flows, findings and
  // comments (all in `index` but the findings), never with a drag in progress.
  const findings = useAnalysis((s) => s.marks);
  const heatMode = useAnalysis((s) => s.heatMode);
  const leadTime = useAnalysis((s) => s.result?.metrics.leadTime ?? 0);
  const hoursPerDay = useHoursPerDay();
  // The simulated queue overlay, when on, ends each name with its figure instead.
  const queueMarks = useSimulation((s) => (s.overlay ? s.marks : null));
  const scenarioMarks = useScenarioMarks((s) => s.marks);
  const names = useMemo(() => {
    const named = mapNames(
      index,
      geometry,
      findings,
      heatMode === 'off' || queueMarks ? undefined : { measure: heatMode, leadTime, hoursPerDay },
      scenarioMarks,
    );
    return queueMarks ? withQueueFigures(named, queueMarks, hoursPerDay) : named;
  }, [index, geometry, findings, heatMode, leadTime, hoursPerDay, queueMarks, scenarioMarks]);
  const baseNodes = useMemo(() => {
    const nodes = flowNodes(index, geometry, selected, readOnly, cache, names);
    if (!ghosts?.length) return nodes;
    // Behind the steps: after the lanes, before the steps (React Flow draws in order).
    const lanes = nodes.filter((n) => n.type === 'lane');
    const rest = nodes.filter((n) => n.type !== 'lane');
    return [...lanes, ...ghostNodes(ghosts, GEOMETRY.stepWidth, GEOMETRY.stepHeight), ...rest];
  }, [index, geometry, selected, readOnly, cache, names, ghosts]);
  const nodes = useMemo(
    () =>
      dragging.size === 0
        ? baseNodes
        : baseNodes.map((n) => {
            const p = dragging.get(n.id);
            return p ? { ...n, position: p } : n;
          }),
    [baseNodes, dragging],
  );
  const shownNodes = useInBatches(nodes, NODE_BATCH);
  const selectedFlow = selection.kind === 'flow' ? selection.id : undefined;
  const commentMarks = useCommentMarks((s) => s.marks);
  // Lines and label places change with the map, not with the selection.
  const routed = useMemo(
    () => routeCanvasFlows(index, geometry, hoursPerDay, commentMarks),
    [index, geometry, hoursPerDay, commentMarks],
  );
  const moving = useMemo(
    () => (dragging.size === 0 ? undefined : draggedRoutes(index, geometry, dragging)),
    [index, geometry, dragging],
  );
  const edges = useMemo(
    () => flowEdges(index, routed, selectedFlow, cache, commentMarks, moving),
    [index, routed, selectedFlow, cache, commentMarks, moving],
  );
  useEffect(() => {
    cache.keep(
      baseNodes.filter((n): n is StepFlowNode => n.type === 'step'),
      edges,
    );
  }, [cache, baseNodes, edges]);
  const lastSelected = selectedStepIds(selection).at(-1);
  useViewportFollow(geometry, lastSelected);
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const [minimapOpen, toggleMinimap] = useMinimapOpen(width, height);
  const reserveBottom = minimapOpen ? MINIMAP_ROOM : 0;
  useInitialViewport(geometry, synced, reserveBottom);
  // "Fit view" frames the whole map right of the pinned lane headers (React Flow's own would put
  // the first steps under them), zooming out as far as that takes.
  const flow = useReactFlow();
  const fitView = useCallback(
    () =>
      fitMapToView(flow, geometry, width, height, {
        duration: motionMs(200),
        reserveBottom,
        minZoom: FIT_MIN_ZOOM,
      }),
    [flow, geometry, width, height, reserveBottom],
  );

  // The end of a drag, one step or a selection: one command, each step into the lane it is over.
  const drop = useCallback(
    (dropped: ReadonlyMap<string, XYPosition>) => {
      const moves = [...dropped].flatMap(([id, position]) => {
        const step = index.step(stepId(id));
        const lane = laneAt(geometry.lanes, position.y + GEOMETRY.stepHeight / 2);
        if (!step || !lane) return [];
        const saved = { x: Math.max(0, Math.round(position.x - GEOMETRY.headerWidth)), y: 0 };
        return [
          {
            id: step.id,
            position: saved,
            ...(lane.role.id !== step.roleId ? { roleId: lane.role.id } : {}),
          },
        ];
      });
      if (moves.length > 0) runOrHint(() => doc.moveSteps(moves));
    },
    [doc, index, geometry],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      let nextSelected: Set<StepId> | undefined;
      const moved = new Map(dragging);
      let dragChanged = false;
      const dropped = new Map<string, XYPosition>();
      for (const change of changes) {
        if (change.type === 'select' && !change.id.startsWith('lane:')) {
          nextSelected ??= new Set(selectedStepIds(useSession.getState().selection));
          if (change.selected) nextSelected.add(stepId(change.id));
          else nextSelected.delete(stepId(change.id));
        } else if (change.type === 'position') {
          if (change.dragging && change.position) {
            moved.set(change.id, change.position);
            dragChanged = true;
          } else if (change.dragging === false) {
            const last = change.position ?? moved.get(change.id);
            if (last) dropped.set(change.id, last);
            moved.delete(change.id);
            dragChanged = true;
          }
        }
      }
      if (dropped.size > 0) drop(dropped);
      if (dragChanged) setDragging(moved);
      if (nextSelected) {
        const current = useSession.getState().selection;
        if (nextSelected.size > 0 || current.kind === 'steps')
          useSession.getState().selectSteps([...nextSelected]);
      }
    },
    [dragging, drop],
  );

  // Presence: our pointer and our view go to the others; panning or zooming ourselves ends
  // following someone else's view.
  const presence = usePresenceChannel();
  const publishView = useCallback(
    (viewport: Viewport) => {
      if (width === 0 || !presence) return;
      presence.setView({
        x: (width / 2 - viewport.x) / viewport.zoom,
        y: (height / 2 - viewport.y) / viewport.zoom,
        zoom: viewport.zoom,
      });
    },
    [presence, width, height],
  );
  useEffect(() => publishView(flow.getViewport()), [flow, publishView]);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event && usePresence.getState().following !== null) stopFollowing();
  }, []);
  const onPointerMove = useCallback(
    (event: React.PointerEvent) => {
      presence?.setCursor(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [presence, flow],
  );

  const onMove = useCallback(
    (_event: unknown, viewport: Viewport) => publishView(viewport),
    [publishView],
  );
  const onPointerLeave = useCallback(() => presence?.setCursor(null), [presence]);

  const onConnect = useCallback(
    (connection: Connection) =>
      runOrHint(() => doc.connect(stepId(connection.source), stepId(connection.target))),
    [doc],
  );

  return (
    <>
      <MapWidget geometry={geometry} names={names} />
      <ReactFlow<EditorNode>
        nodes={shownNodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onPaneClick={clearSelection}
        onEdgeClick={selectEdge}
        onConnect={onConnect}
        onMoveStart={onMoveStart}
        onMove={onMove}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onlyRenderVisibleElements={index.map.steps.length > VIRTUAL_FROM}
        defaultViewport={{ x: 16, y: 16, zoom: 1 }}
        minZoom={CANVAS_ZOOM.min}
        maxZoom={CANVAS_ZOOM.max}
        deleteKeyCode={null}
        disableKeyboardA11y
        // The map is one keyboard stop (MapWidget): steps and flows are reached by the arrow keys.
        nodesFocusable={false}
        edgesFocusable={false}
        zoomOnDoubleClick={false}
        snapToGrid
        snapGrid={[8, 8]}
        nodesConnectable={!readOnly}
        connectionRadius={32}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
        <Controls showInteractive={false} showFitView={false} showZoom={false} position="top-right">
          <ZoomButtons />
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={fitView}
            title="Fit View"
            aria-label="Fit View"
          >
            <FitViewIcon />
          </ControlButton>
          <ControlButton
            onClick={toggleMinimap}
            title={minimapOpen ? 'Hide the minimap' : 'Show the minimap'}
            aria-label="Minimap"
            aria-pressed={minimapOpen}
          >
            <MinimapIcon />
          </ControlButton>
        </Controls>
        {minimapOpen && (
          <MiniMap
            pannable
            zoomable
            position="bottom-right"
            className="minimap"
            style={MINIMAP}
            nodeColor={minimapFill}
            nodeStrokeColor={minimapStroke}
          />
        )}
      </ReactFlow>
    </>
  );
});
