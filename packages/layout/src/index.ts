/** Lays out a map in swimlanes: ELK orders the flow, then each step goes into its role's lane. */
export { layoutMap } from './layout';
/** Each step's column along the flow, without ELK (placing steps before any tidy-up). */
export { flowColumns, stepColumns } from './flow-columns';
export type { StepColumns } from './flow-columns';
/** Phase 2 alone: places steps in their lanes at the columns phase 1 gave them. */
export { placeInLanes } from './lanes';
/** The ELK options of phase 1 (callers may override any of them through `elkOptions`). */
export { ELK_LAYOUT_OPTIONS } from './order';
/** Default sizes: 160×56 steps, 64 px between columns, 24 px between rows and inside lanes. */
export { DEFAULT_LAYOUT_OPTIONS } from './options';
/** Options, results, and the structural slice of elkjs this package needs. */
export type {
  ElkGraph,
  ElkGraphEdge,
  ElkGraphNode,
  ElkLaidOut,
  ElkLike,
  FlowSlot,
  LaneBand,
  LayoutOptions,
  LayoutResult,
} from './options';
/** The editor's swimlane geometry (lanes, rows, step boxes) as a pure function, shared with export. */
export type { LaneBox, MapGeometry, StepBox } from './swimlane-geometry';
export { GEOMETRY, laneAt, mapGeometry } from './swimlane-geometry';
/** Every flow's line, fanned out where flows meet one side of a step: one routing for canvas and exports. */
export type { FlowCurve, FlowRoute, RouteKind } from './flow-routes';
export { curvePath, pointOnCurve, routeFlows, routeKind } from './flow-routes';
/** Flow labels placed clear of steps, time tags, markers and each other. */
export type { Obstacle, ObstacleOptions, ObstaclePart, PlacedLabel, Rect } from './flow-labels';
export { placeFlowLabels, stepObstacles } from './flow-labels';
