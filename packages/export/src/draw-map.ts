import type { AnalysisResult, Severity } from '@procmap/analysis';
import {
  GEOMETRY,
  type LaneBox,
  type MapGeometry,
  mapGeometry,
  type PlacedLabel,
  placeFlowLabels,
  routeFlows,
  type StepBox,
  stepObstacles,
} from '@procmap/layout';
import {
  type Comment,
  DEFAULT_SETTINGS,
  formatStepTimes,
  laneColour,
  normalize,
  type ProcessMap,
} from '@procmap/model';
import { type DifferenceMarks, differenceLegend, drawDifference } from './difference-marks';
import { drawFlow, drawFlowLabel, type FlowLabelBox, flowLabels } from './draw-flows';
import { drawMarkers, MARKER_PAINT, openComments } from './draw-markers';
import { LAYER, type Painter, type TextStyle } from './painter';
import type { LegendEntry, Paint, SceneFrame, SceneLane } from './scene';
import {
  FLOW_PAINT,
  HANDOFF_PAINT,
  IDEA,
  INK,
  INK_MUTED,
  LINE,
  mix,
  NOTE,
  PAIN,
  SEVERITY_COLOR,
  STEP_PAINT,
  SURFACE,
  safeColor,
} from './theme';
import { cleanText, textWidth, wrapText } from './text';

/** What to draw. Everything is optional: the whole map, with badges and markers, titled. */
export interface SceneOptions {
  /** The analysis of this map: draws a badge on each step a finding concerns. */
  readonly analysis?: AnalysisResult;
  /** Draw only these steps (and the flows between them, and their lanes). */
  readonly selection?: readonly string[];
  /** Finding badges (default: on when `analysis` is given). */
  readonly findings?: boolean;
  /** Comment markers on steps and flows (default on). Resolved comments are never drawn. */
  readonly comments?: boolean;
  /** The title block above the map: title, date, legend (default on). */
  readonly titleBlock?: boolean;
  /** Title of the title block (default: the map's title). */
  readonly title?: string;
  /** Date printed in the title block, as given (e.g. "29 November 2026"). */
  readonly date?: string;
  /** A scenario's differences from the as-is, marked on its steps (none by default). */
  readonly differences?: DifferenceMarks;
}

const G = GEOMETRY;
const W = G.stepWidth;
const H = G.stepHeight;
const LABEL_SIZE = 14;
const LINE_HEIGHT = LABEL_SIZE * 1.25;
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/*
 * Paints and text styles, made once: the SVG groups consecutive items drawn alike, and shared
 * objects make "alike" cheap to see.
 */
const LANE_LINE: Paint = { stroke: LINE, strokeWidth: 1 };
const HEADER_PAINT: Paint = { fill: SURFACE, stroke: LINE, strokeWidth: 1 };
const BADGE_PAINT: Readonly<Record<Severity, Paint>> = {
  info: { fill: SEVERITY_COLOR.info, stroke: SURFACE, strokeWidth: 2 },
  warning: { fill: SEVERITY_COLOR.warning, stroke: SURFACE, strokeWidth: 2 },
  critical: { fill: SEVERITY_COLOR.critical, stroke: SURFACE, strokeWidth: 2 },
};
const LANE_NAME: TextStyle = { size: 16, weight: 'bold', fill: INK, anchor: 'start' };
const LANE_COUNT: TextStyle = { size: 13, weight: 'normal', fill: INK_MUTED, anchor: 'start' };
const STEP_LABEL: TextStyle = { size: LABEL_SIZE, weight: 'normal', fill: INK, anchor: 'middle' };
const NO_LABEL: TextStyle = { ...STEP_LABEL, fill: INK_MUTED };
const BADGE_TEXT: TextStyle = { size: 12, weight: 'bold', fill: SURFACE, anchor: 'middle' };
const TIMES_SIZE = 10;
const TIMES_PAINT: Paint = { fill: SURFACE, stroke: LINE, strokeWidth: 1 };
const TIMES_TEXT: TextStyle = {
  size: TIMES_SIZE,
  weight: 'normal',
  fill: INK_MUTED,
  anchor: 'middle',
};

/**
 * Draws a map onto a painter — lanes, headers, flows, steps, badges and markers, each kind on
 * its layer — and returns what frames the drawing: size, lanes and legend.
 */
export function drawMap(input: ProcessMap, options: SceneOptions, painter: Painter): SceneFrame {
  const map = normalize(input).map;
  const geometry = mapGeometry(map);
  const { lanes, steps, width, boxOf } = select(geometry, options.selection);
  const height = lanes.reduce((h, l) => Math.max(h, l.y + l.height), 0);

  const sceneLanes: SceneLane[] = [];
  const legend: LegendEntry[] = [];
  // A lane without a colour of its own takes the colour of its place in the whole map, as on
  // the canvas (also when only some lanes are drawn).
  const place = new Map(geometry.lanes.map((l) => [l.role.id, l.index]));
  for (const lane of lanes) {
    const color = safeColor(
      lane.role.color,
      laneColour(undefined, place.get(lane.role.id) ?? lane.index),
    );
    const name = cleanText(lane.role.name) || 'Unnamed role';
    sceneLanes.push({ roleId: lane.role.id, name, y: lane.y, height: lane.height });
    legend.push({ kind: 'role', color, label: name });
    const band = lane.index % 2 === 1 ? mix(color, 0.07, '#f1f4f7') : mix(color, 0.04, '#fbfcfd');
    painter.rect(LAYER.bands, G.headerWidth, lane.y, width - G.headerWidth, lane.height, 0, {
      fill: band,
    });
    painter.path(
      LAYER.bands,
      `M${G.headerWidth} ${lane.y + lane.height}H${width}`,
      [G.headerWidth, lane.y + lane.height - 1, width - G.headerWidth, 2],
      LANE_LINE,
    );
    drawLaneHeader(painter, lane, name, color);
  }

  const withComments = options.comments ?? true;
  const comments = withComments ? openComments(map.comments ?? []) : new Map<string, Comment[]>();
  const markers = new Set<Paint>(); // the kinds of comment marker drawn
  const hoursPerDay = map.settings?.hoursPerDay ?? DEFAULT_SETTINGS.hoursPerDay;
  const times = steps.map((box) => formatStepTimes(box.step, hoursPerDay));
  // Each step's time tag width, measured once (for label places and for drawing).
  const tagWidths = new Float64Array(steps.length).fill(-1);
  const tagWidth = (i: number) => {
    if ((tagWidths[i] as number) < 0) tagWidths[i] = timesWidth(times[i]) ?? 0;
    return tagWidths[i] as number;
  };
  // The same lines and label places as the canvas (from the layout package).
  const routes = routeFlows(map.flows, boxOf);
  const labels = flowLabels(routes, comments);
  const places =
    labels.size === 0
      ? new Map<string, PlacedLabel>()
      : placeFlowLabels(
          routes,
          (route) => labels.get(route.flow.id),
          stepObstacles(steps, { timeTagWidth: (_step, i) => tagWidth(i) }),
        );
  for (const route of routes) {
    drawFlow(painter, route, route.from.step.roleId !== route.to.step.roleId);
  }
  const badges = options.findings ?? options.analysis !== undefined;
  const findingsOf = badges && options.analysis ? findingsByStep(options.analysis) : new Map();
  const drawn = new Set<Severity>(); // the severities of the badges drawn
  const marked = { added: false, changed: false }; // the kinds of difference drawn
  for (let i = 0; i < steps.length; i++) {
    const box = steps[i] as StepBox;
    drawStep(painter, box);
    drawTimes(painter, box, times[i], tagWidth(i));
    if (options.differences && drawDifference(painter, box, options.differences)) {
      if (options.differences.added.has(box.step.id)) marked.added = true;
      else marked.changed = true;
    }
    const found = findingsOf.get(box.step.id);
    if (found) {
      drawBadge(painter, box, found.count, found.severity);
      drawn.add(found.severity);
    }
    const notes = comments.get(box.step.id);
    if (notes) drawMarkers(painter, box.x + 10, box.y - 9, notes, markers);
  }
  // Labels last, above the steps: they are placed clear of them, and were one ever crowded
  // onto a step it would still be read, not hidden.
  for (const [id, place] of places) {
    const label = labels.get(id) as FlowLabelBox;
    drawFlowLabel(painter, place, label, comments.get(id), markers);
  }

  legend.push({ kind: 'line', color: FLOW_PAINT.stroke as string, label: 'Flow' });
  legend.push({
    kind: 'line',
    color: HANDOFF_PAINT.stroke as string,
    label: 'Handoff',
    dash: HANDOFF_PAINT.dash,
  });
  // Markers and severities only when drawn: a key to something absent misleads. (Flow and
  // handoff lines stay: they say how to read any map.)
  if (markers.has(MARKER_PAINT.pain))
    legend.push({ kind: 'marker', color: PAIN, label: 'Pain points' });
  if (markers.has(MARKER_PAINT.idea)) legend.push({ kind: 'marker', color: IDEA, label: 'Ideas' });
  if (markers.has(MARKER_PAINT.note)) {
    legend.push({ kind: 'marker', color: NOTE, label: 'Notes, questions' });
  }
  legend.push(...differenceLegend(marked));
  const severities = (['critical', 'warning', 'info'] as const).filter((s) => drawn.has(s));
  severities.forEach((severity, i) => {
    const label = i === 0 ? `Findings: ${severity}` : severity;
    legend.push({ kind: 'marker', color: SEVERITY_COLOR[severity], label });
  });
  return {
    title: cleanText(options.title ?? map.title) || 'Untitled map',
    ...(options.date !== undefined ? { date: cleanText(options.date) } : {}),
    width,
    height,
    headerWidth: G.headerWidth,
    lanes: sceneLanes,
    legend,
    titleBlock: options.titleBlock ?? true,
  };
}

type Selected = Pick<MapGeometry, 'lanes' | 'steps' | 'width' | 'boxOf'>;

/** The part of the picture a selection needs: its steps' lanes restacked, x cropped to them. */
function select(geometry: MapGeometry, ids: readonly string[] | undefined): Selected {
  if (!ids) return geometry;
  const wanted = new Set(ids);
  const chosen = geometry.steps.filter((s) => wanted.has(s.step.id));
  const none = () => undefined;
  if (chosen.length === 0) {
    return { lanes: [], steps: [], width: G.headerWidth + G.firstColumn, boxOf: none };
  }
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const s of chosen) {
    left = Math.min(left, s.x - G.firstColumn);
    right = Math.max(right, s.x + W + G.firstColumn);
  }
  const shiftX = G.headerWidth - left;
  const used = new Set(chosen.map((s) => s.step.roleId as string));
  const lanes: LaneBox[] = [];
  const shiftY = new Map<string, number>();
  let y = 0;
  for (const lane of geometry.lanes) {
    if (!used.has(lane.role.id)) continue;
    shiftY.set(lane.role.id, y - lane.y);
    lanes.push({ ...lane, index: lanes.length, y });
    y += lane.height;
  }
  const steps = chosen.map((s) => ({
    step: s.step,
    x: s.x + shiftX,
    y: s.y + (shiftY.get(s.step.roleId) ?? 0),
  }));
  const byId = new Map(steps.map((s) => [s.step.id as string, s]));
  return { lanes, steps, width: right + shiftX, boxOf: (id) => byId.get(id) };
}

function drawLaneHeader(painter: Painter, lane: LaneBox, name: string, color: string) {
  const { y, height, count } = lane;
  painter.rect(LAYER.headers, 0, y, G.headerWidth, height, 0, HEADER_PAINT);
  painter.rect(LAYER.headers, 0, y, 6, height, 0, { fill: color });
  const lines = wrapText(name, G.headerWidth - 36, 16, 3, 'bold');
  const block = lines.length * 20 + 18;
  let baseline = y + (height - block) / 2 + 16;
  for (const line of lines) {
    painter.text(LAYER.headers, 22, baseline, line, LANE_NAME);
    baseline += 20;
  }
  painter.text(
    LAYER.headers,
    22,
    baseline + 2,
    count === 1 ? '1 step' : `${count} steps`,
    LANE_COUNT,
  );
}

function drawStep(painter: Painter, { step, x, y }: StepBox) {
  const paint = STEP_PAINT[step.kind] ?? STEP_PAINT.task;
  let textWidthMax = W - 24;
  if (step.kind === 'start' || step.kind === 'end') {
    painter.rect(LAYER.shapes, x, y, W, H, H / 2, paint);
    textWidthMax = W - 48;
  } else if (step.kind === 'decision') {
    painter.polygon(
      LAYER.shapes,
      [x + W / 2, y, x + W, y + H / 2, x + W / 2, y + H, x, y + H / 2],
      paint,
    );
    textWidthMax = W * 0.58;
  } else if (step.kind === 'delay') {
    const r = H / 2;
    painter.path(
      LAYER.shapes,
      `M${x + 6} ${y}H${x + W - r}A${r} ${r} 0 0 1 ${x + W} ${y + r}A${r} ${r} 0 0 1 ${x + W - r} ${y + H}H${x + 6}A6 6 0 0 1 ${x} ${y + H - 6}V${y + 6}A6 6 0 0 1 ${x + 6} ${y}Z`,
      [x, y, W, H],
      paint,
    );
    textWidthMax = W - 56;
  } else {
    painter.rect(LAYER.shapes, x, y, W, H, 6, paint);
  }
  const lines = wrapText(step.label, textWidthMax, LABEL_SIZE, 3);
  const shown = lines.length > 0 ? lines : ['(no label)'];
  const cx = step.kind === 'delay' ? x + (W - 20) / 2 : x + W / 2;
  // Baselines on whole units: short numbers, and no visible difference.
  const first = y + H / 2 - (shown.length * LINE_HEIGHT) / 2 + LABEL_SIZE * 0.95;
  const style = lines.length > 0 ? STEP_LABEL : NO_LABEL;
  for (let i = 0; i < shown.length; i++) {
    painter.text(LAYER.labels, cx, Math.round(first + i * LINE_HEIGHT), shown[i] as string, style);
  }
}

/** What a flow's label shows: one line of text and its open comments' markers. */
/** The width of a step's time tag, or undefined without times. */
function timesWidth(times: string | undefined): number | undefined {
  return times ? Math.round(textWidth(times, TIMES_SIZE) + 12) : undefined;
}

/** A step's times on its lower edge, as the canvas shows them ("10 min · waits 2 d"). */
function drawTimes(painter: Painter, { x, y }: StepBox, times: string | undefined, w: number) {
  if (!times) return;
  const cx = x + W / 2;
  painter.rect(LAYER.marks, r(cx - w / 2), y + H - 8, w, 16, 8, TIMES_PAINT);
  painter.text(LAYER.marks, r(cx), y + H + 4, times, TIMES_TEXT);
}

/** Rounds to a whole unit. */
const r = Math.round;

function drawBadge(painter: Painter, { x, y }: StepBox, count: number, severity: Severity) {
  const text = String(count);
  const w = Math.max(22, textWidth(text, 12, 'bold') + 12);
  painter.rect(LAYER.marks, x + W - w + 8, y - 11, w, 22, 11, BADGE_PAINT[severity]);
  painter.text(LAYER.marks, x + W - w / 2 + 8, y + 4, text, BADGE_TEXT);
}

function findingsByStep(analysis: AnalysisResult) {
  const out = new Map<string, { count: number; severity: Severity }>();
  for (const f of analysis.findings) {
    for (const id of new Set(f.stepIds)) {
      const seen = out.get(id);
      if (!seen) out.set(id, { count: 1, severity: f.severity });
      else {
        seen.count++;
        if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[seen.severity]) seen.severity = f.severity;
      }
    }
  }
  return out;
}
