import type { AnalysisResult, Severity } from '@procmap/analysis';
import { GEOMETRY, type LaneBox, mapGeometry, type StepBox } from '@procmap/layout';
import {
  type Comment,
  indexMap,
  isHandoff,
  normalize,
  type ProcessMap,
  flowLabel,
} from '@procmap/model';
import type { Item, LegendEntry, Scene, SceneLane } from './scene';
import {
  FLOW_PAINT,
  HANDOFF_PAINT,
  IDEA,
  INK,
  INK_MUTED,
  LANE_DEFAULT,
  LINE,
  mix,
  NOTE,
  PAIN,
  PAPER,
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
}

const G = GEOMETRY;
const W = G.stepWidth;
const H = G.stepHeight;
const LABEL_SIZE = 14;
const FLOW_LABEL_SIZE = 12;
const ARROW = 10;
const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };

/** Builds the scene of a map: lanes, headers, flows, steps, badges and markers. */
export function buildScene(input: ProcessMap, options: SceneOptions = {}): Scene {
  const map = normalize(input).map;
  const index = indexMap(map);
  const geometry = mapGeometry(index);
  const { lanes, steps, width } = select(geometry, options.selection);
  const boxes = new Map(steps.map((s) => [s.step.id as string, s]));
  const height = lanes.reduce((h, l) => Math.max(h, l.y + l.height), 0);

  const header: Item[] = [];
  const body: Item[] = [];
  const sceneLanes: SceneLane[] = [];
  const legend: LegendEntry[] = [];
  for (const lane of lanes) {
    const color = safeColor(lane.role.color, LANE_DEFAULT);
    const name = cleanText(lane.role.name) || 'Unnamed role';
    sceneLanes.push({ roleId: lane.role.id, name, y: lane.y, height: lane.height });
    legend.push({ kind: 'role', color, label: name });
    const band = lane.index % 2 === 1 ? mix(color, 0.07, '#f1f4f7') : mix(color, 0.04, '#fbfcfd');
    body.push({
      type: 'rect',
      x: G.headerWidth,
      y: lane.y,
      w: width - G.headerWidth,
      h: lane.height,
      fill: band,
    });
    body.push({
      type: 'path',
      d: `M${G.headerWidth} ${lane.y + lane.height}H${width}`,
      box: [G.headerWidth, lane.y + lane.height - 1, width - G.headerWidth, 2],
      stroke: LINE,
      strokeWidth: 1,
    });
    drawLaneHeader(header, lane, name, color, index.stepsByRole(lane.role.id).length);
  }

  const withComments = options.comments ?? true;
  const comments = withComments ? openComments(map.comments ?? []) : new Map<string, Comment[]>();
  for (const flow of map.flows) {
    const from = boxes.get(flow.from);
    const to = boxes.get(flow.to);
    if (!from || !to) continue;
    drawFlow(
      body,
      from,
      to,
      isHandoff(index, flow),
      flowLabel(flow.label, flow.probability),
      comments.get(flow.id),
    );
  }
  const badges = options.findings ?? options.analysis !== undefined;
  const findingsOf = badges && options.analysis ? findingsByStep(options.analysis) : new Map();
  for (const box of steps) {
    drawStep(body, box);
    const found = findingsOf.get(box.step.id);
    if (found) drawBadge(body, box, found.count, found.severity);
    const notes = comments.get(box.step.id);
    if (notes) drawMarkers(body, box.x + 10, box.y - 9, notes);
  }

  legend.push({ kind: 'line', color: FLOW_PAINT.stroke as string, label: 'Flow' });
  legend.push({
    kind: 'line',
    color: HANDOFF_PAINT.stroke as string,
    label: 'Handoff',
    dash: HANDOFF_PAINT.dash,
  });
  if (withComments) {
    legend.push({ kind: 'marker', color: PAIN, label: 'Pain points' });
    legend.push({ kind: 'marker', color: IDEA, label: 'Ideas' });
    legend.push({ kind: 'marker', color: NOTE, label: 'Notes, questions' });
  }
  if (badges && options.analysis) {
    legend.push({ kind: 'marker', color: SEVERITY_COLOR.critical, label: 'Findings: critical' });
    legend.push({ kind: 'marker', color: SEVERITY_COLOR.warning, label: 'warning' });
    legend.push({ kind: 'marker', color: SEVERITY_COLOR.info, label: 'info' });
  }
  return {
    title: cleanText(options.title ?? map.title) || 'Untitled map',
    ...(options.date !== undefined ? { date: cleanText(options.date) } : {}),
    width,
    height,
    headerWidth: G.headerWidth,
    lanes: sceneLanes,
    header,
    body,
    legend,
    titleBlock: options.titleBlock ?? true,
  };
}

interface Selected {
  readonly lanes: readonly LaneBox[];
  readonly steps: readonly StepBox[];
  readonly width: number;
}

/** The part of the picture a selection needs: its steps' lanes restacked, x cropped to them. */
function select(
  geometry: ReturnType<typeof mapGeometry>,
  ids: readonly string[] | undefined,
): Selected {
  if (!ids) return geometry;
  const wanted = new Set(ids);
  const chosen = geometry.steps.filter((s) => wanted.has(s.step.id));
  if (chosen.length === 0) return { lanes: [], steps: [], width: G.headerWidth + G.firstColumn };
  const left = Math.min(...chosen.map((s) => s.x)) - G.firstColumn;
  const right = Math.max(...chosen.map((s) => s.x + W)) + G.firstColumn;
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
  return { lanes, steps, width: right + shiftX };
}

function drawLaneHeader(out: Item[], lane: LaneBox, name: string, color: string, count: number) {
  const { y, height } = lane;
  out.push({
    type: 'rect',
    x: 0,
    y,
    w: G.headerWidth,
    h: height,
    fill: SURFACE,
    stroke: LINE,
    strokeWidth: 1,
  });
  out.push({ type: 'rect', x: 0, y, w: 6, h: height, fill: color });
  const lines = wrapText(name, G.headerWidth - 36, 16, 3, 'bold');
  const block = lines.length * 20 + 18;
  let baseline = y + (height - block) / 2 + 16;
  for (const line of lines) {
    out.push({
      type: 'text',
      x: 22,
      y: baseline,
      text: line,
      size: 16,
      weight: 'bold',
      fill: INK,
      anchor: 'start',
    });
    baseline += 20;
  }
  out.push({
    type: 'text',
    x: 22,
    y: baseline + 2,
    text: count === 1 ? '1 step' : `${count} steps`,
    size: 13,
    weight: 'normal',
    fill: INK_MUTED,
    anchor: 'start',
  });
}

function drawStep(out: Item[], { step, x, y }: StepBox) {
  const paint = STEP_PAINT[step.kind] ?? STEP_PAINT.task;
  let textWidthMax = W - 24;
  if (step.kind === 'start' || step.kind === 'end') {
    out.push({ type: 'rect', x, y, w: W, h: H, rx: H / 2, ...paint });
    textWidthMax = W - 48;
  } else if (step.kind === 'decision') {
    out.push({
      type: 'polygon',
      points: [x + W / 2, y, x + W, y + H / 2, x + W / 2, y + H, x, y + H / 2],
      ...paint,
    });
    textWidthMax = W * 0.58;
  } else if (step.kind === 'delay') {
    const r = H / 2;
    out.push({
      type: 'path',
      box: [x, y, W, H],
      d: `M${x + 6} ${y}H${x + W - r}A${r} ${r} 0 0 1 ${x + W} ${y + r}A${r} ${r} 0 0 1 ${x + W - r} ${y + H}H${x + 6}A6 6 0 0 1 ${x} ${y + H - 6}V${y + 6}A6 6 0 0 1 ${x + 6} ${y}Z`,
      ...paint,
    });
    textWidthMax = W - 56;
  } else {
    out.push({ type: 'rect', x, y, w: W, h: H, rx: 6, ...paint });
  }
  const lines = wrapText(step.label, textWidthMax, LABEL_SIZE, 3);
  const shown = lines.length > 0 ? lines : ['(no label)'];
  const lineHeight = LABEL_SIZE * 1.25;
  const cx = step.kind === 'delay' ? x + (W - 20) / 2 : x + W / 2;
  let baseline = y + H / 2 - (shown.length * lineHeight) / 2 + LABEL_SIZE * 0.95;
  for (const text of shown) {
    out.push({
      type: 'text',
      x: cx,
      y: baseline,
      text,
      size: LABEL_SIZE,
      weight: 'normal',
      fill: lines.length > 0 ? INK : INK_MUTED,
      anchor: 'middle',
    });
    baseline += lineHeight;
  }
}

type Point = readonly [number, number];

/** A flow as a cubic curve with an arrowhead: forward right-to-left sides, else under the boxes. */
function drawFlow(
  out: Item[],
  from: StepBox,
  to: StepBox,
  handoff: boolean,
  label: string | undefined,
  notes: readonly Comment[] | undefined,
) {
  let p0: Point;
  let p1: Point;
  let p2: Point;
  let p3: Point;
  if (to.x >= from.x + W + 8) {
    p0 = [from.x + W, from.y + H / 2];
    p3 = [to.x, to.y + H / 2];
    const dx = Math.max(30, (p3[0] - p0[0]) / 2);
    p1 = [p0[0] + dx, p0[1]];
    p2 = [p3[0] - dx, p3[1]];
  } else if (Math.abs(to.x - from.x) < W && to.y > from.y + H) {
    p0 = [from.x + W / 2, from.y + H];
    p3 = [to.x + W / 2, to.y];
    const dy = (p3[1] - p0[1]) / 2;
    p1 = [p0[0], p0[1] + dy];
    p2 = [p3[0], p3[1] - dy];
  } else {
    // Back to an earlier step (rework) or straight up: loop under both boxes.
    p0 = [from.x + W / 2, from.y + H];
    p3 = [to.x + W / 2, to.y + H];
    const dip = Math.max(p0[1], p3[1]) + 44;
    p1 = [p0[0], dip];
    p2 = [p3[0], dip];
  }
  // Stop the line at the arrow's base, along the curve's direction at its end.
  const ux0 = p3[0] - p2[0];
  const uy0 = p3[1] - p2[1];
  const len = Math.hypot(ux0, uy0) || 1;
  const ux = ux0 / len;
  const uy = uy0 / len;
  const base: Point = [p3[0] - ux * ARROW, p3[1] - uy * ARROW];
  const c2: Point = [p2[0] - ux * ARROW, p2[1] - uy * ARROW];
  const paint = handoff ? HANDOFF_PAINT : FLOW_PAINT;
  out.push({
    type: 'path',
    d: `M${r(p0[0])} ${r(p0[1])}C${r(p1[0])} ${r(p1[1])} ${r(c2[0])} ${r(c2[1])} ${r(base[0])} ${r(base[1])}`,
    box: bounds([p0, p1, p2, p3]),
    ...paint,
  });
  out.push({
    type: 'polygon',
    points: [
      r(p3[0]),
      r(p3[1]),
      r(base[0] - uy * 5),
      r(base[1] + ux * 5),
      r(base[0] + uy * 5),
      r(base[1] - ux * 5),
    ],
    fill: paint.stroke as string,
  });
  const mx = (p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8;
  const my = (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8;
  if (label) {
    const text = wrapText(label, 160, FLOW_LABEL_SIZE, 1)[0] ?? '';
    const w = textWidth(text, FLOW_LABEL_SIZE) + 10;
    out.push({ type: 'rect', x: r(mx - w / 2), y: r(my - 10), w: r(w), h: 18, rx: 3, fill: PAPER });
    out.push({
      type: 'text',
      x: r(mx),
      y: r(my + 3.5),
      text,
      size: FLOW_LABEL_SIZE,
      weight: 'normal',
      fill: INK,
      anchor: 'middle',
    });
  }
  if (notes) drawMarkers(out, mx + (label ? 14 : 0), my - 26, notes);
}

/** Rounds to a tenth: flow coordinates need no more, and shorter numbers make smaller files. */
function r(n: number): number {
  return Math.round(n * 10) / 10;
}

function bounds(points: readonly Point[]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs) - 4;
  const y = Math.min(...ys) - 4;
  return [x, y, Math.max(...xs) - x + 4, Math.max(...ys) - y + 4];
}

function drawBadge(out: Item[], { x, y }: StepBox, count: number, severity: Severity) {
  const text = String(count);
  const w = Math.max(22, textWidth(text, 12, 'bold') + 12);
  out.push({
    type: 'rect',
    x: x + W - w + 8,
    y: y - 11,
    w,
    h: 22,
    rx: 11,
    fill: SEVERITY_COLOR[severity],
    stroke: SURFACE,
    strokeWidth: 2,
  });
  out.push({
    type: 'text',
    x: x + W - w / 2 + 8,
    y: y + 4,
    text,
    size: 12,
    weight: 'bold',
    fill: SURFACE,
    anchor: 'middle',
  });
}

/** Round markers, one per kind of open comment, each with its count. */
function drawMarkers(out: Item[], x: number, y: number, notes: readonly Comment[]) {
  const groups: [string, number][] = [
    [PAIN, notes.filter((c) => c.kind === 'pain-point').length],
    [IDEA, notes.filter((c) => c.kind === 'idea').length],
    [NOTE, notes.filter((c) => c.kind !== 'pain-point' && c.kind !== 'idea').length],
  ];
  let at = x;
  for (const [color, count] of groups) {
    if (count === 0) continue;
    out.push({
      type: 'rect',
      x: at,
      y,
      w: 18,
      h: 18,
      rx: 9,
      fill: color,
      stroke: SURFACE,
      strokeWidth: 2,
    });
    out.push({
      type: 'text',
      x: at + 9,
      y: y + 13,
      text: String(count),
      size: 11,
      weight: 'bold',
      fill: SURFACE,
      anchor: 'middle',
    });
    at += 22;
  }
}

/** Open (unresolved) comments by the step or flow they are on; map-level ones are left out. */
function openComments(comments: readonly Comment[]): Map<string, Comment[]> {
  const out = new Map<string, Comment[]>();
  for (const c of comments) {
    if (c.resolved === true || typeof c.targetId !== 'string') continue;
    const list = out.get(c.targetId);
    if (list) list.push(c);
    else out.set(c.targetId, [c]);
  }
  return out;
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
