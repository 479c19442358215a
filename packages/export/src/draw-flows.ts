import type { FlowRoute, PlacedLabel } from '@procmap/layout';
import { type Comment, flowLabel } from '@procmap/model';
import { drawMarkers, MARKER_STEP, markerKinds } from './draw-markers';
import { LAYER, type Painter, type TextStyle } from './painter';
import type { Paint } from './scene';
import { FLOW_PAINT, HANDOFF_PAINT, INK, PAPER } from './theme';
import { cleanText, textWidth, wrapText } from './text';

/*
 * A map's flows: each a curve with an arrowhead along its route, and its label (text, comment
 * markers, or both) measured here and drawn where the layout placed it.
 */

const FLOW_LABEL_SIZE = 12;
const ARROW = 10;
const LABEL_BACKGROUND: Paint = { fill: PAPER };
const FLOW_LABEL: TextStyle = {
  size: FLOW_LABEL_SIZE,
  weight: 'normal',
  fill: INK,
  anchor: 'middle',
};

const r = Math.round;

export interface FlowLabelBox {
  readonly text: string;
  /** Width of the text's background (0 without text). */
  readonly textWidth: number;
  readonly markerCount: number;
  readonly width: number;
  readonly height: number;
}

const FLOW_LABEL_HEIGHT = 18;

/** The label of each flow that shows one (text, comment markers, or both), by flow id. */
export function flowLabels(
  routes: readonly FlowRoute[],
  comments: ReadonlyMap<string, readonly Comment[]>,
): Map<string, FlowLabelBox> {
  const out = new Map<string, FlowLabelBox>();
  for (const { flow } of routes) {
    const label = flowLabel(flow.label, flow.probability);
    const notes = comments.get(flow.id);
    if (!label && !notes) continue;
    const text = label ? shortLabel(label, flow.label, flow.probability) : '';
    const textBox = text ? Math.round(textWidth(text, FLOW_LABEL_SIZE) + 10) : 0;
    const markerCount = notes ? markerKinds(notes) : 0;
    const width =
      textBox + (markerCount > 0 ? (textBox > 0 ? 4 : 0) + markerCount * MARKER_STEP - 4 : 0);
    out.set(flow.id, { text, textWidth: textBox, markerCount, width, height: FLOW_LABEL_HEIGHT });
  }
  return out;
}

/** Widest flow label text, in units. */
const FLOW_LABEL_WIDTH = 160;

/** A flow's label on one line; a long one is shortened before its share, which stays whole. */
function shortLabel(whole: string, label: string | undefined, probability: number | undefined) {
  const line = wrapText(whole, FLOW_LABEL_WIDTH, FLOW_LABEL_SIZE, 1)[0] ?? '';
  if (textWidth(cleanText(whole), FLOW_LABEL_SIZE) <= FLOW_LABEL_WIDTH) return line;
  const share = flowLabel(undefined, probability);
  if (share && label) {
    const room = FLOW_LABEL_WIDTH - textWidth(` · ${share}`, FLOW_LABEL_SIZE);
    const head = wrapText(label, room, FLOW_LABEL_SIZE, 1)[0];
    if (head) return `${head} · ${share}`;
  }
  return line;
}

/**
 * A flow as a cubic curve with an arrowhead, along its route. Coordinates are rounded to whole
 * units: at print sizes no one sees the difference, and whole numbers make the file smaller and
 * faster to write.
 */
export function drawFlow(painter: Painter, route: FlowRoute, handoff: boolean) {
  const { x0, y0, x1, y1, x2, y2, x3, y3 } = route.curve;
  // Stop the line at the arrow's base, along the curve's direction at its end.
  const len = Math.hypot(x3 - x2, y3 - y2) || 1;
  const ux = (x3 - x2) / len;
  const uy = (y3 - y2) / len;
  const bx = x3 - ux * ARROW;
  const by = y3 - uy * ARROW;
  const paint = handoff ? HANDOFF_PAINT : FLOW_PAINT;
  const left = Math.min(x0, x1, x2, x3) - 4;
  const top = Math.min(y0, y1, y2, y3) - 4;
  painter.flowLine(
    {
      x0: r(x0),
      y0: r(y0),
      x1: r(x1),
      y1: r(y1),
      x2: r(x2 - ux * ARROW),
      y2: r(y2 - uy * ARROW),
      x3: r(bx),
      y3: r(by),
    },
    [r(x3), r(y3), r(bx - uy * 5), r(by + ux * 5), r(bx + uy * 5), r(by - ux * 5)],
    [left, top, Math.max(x0, x1, x2, x3) + 4 - left, Math.max(y0, y1, y2, y3) + 4 - top],
    paint,
  );
}

/** A flow's label where it was placed: its text on a background, then its comment markers. */
export function drawFlowLabel(
  painter: Painter,
  place: PlacedLabel,
  label: FlowLabelBox,
  notes: readonly Comment[] | undefined,
  markers: Set<Paint>,
) {
  const x = r(place.x);
  const y = r(place.y);
  if (label.text) {
    painter.rect(LAYER.marks, x, y, label.textWidth, FLOW_LABEL_HEIGHT, 3, LABEL_BACKGROUND);
    painter.text(LAYER.marks, r(x + label.textWidth / 2), y + 13, label.text, FLOW_LABEL);
  }
  if (notes)
    drawMarkers(painter, x + (label.textWidth > 0 ? label.textWidth + 4 : 0), y, notes, markers);
}
