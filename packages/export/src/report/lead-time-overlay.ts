import type { LeadTimeResult } from '@procmap/simulation';
import type { Item } from '../scene';
import { ACCENT, INK_MUTED, LINE, mix, SURFACE } from '../theme';
import { textWidth } from '../text';
import { type Chart, timeAxis } from './lead-time-chart';
import { textRun } from './text-run';

/*
 * The simulated lead times of the as-is and a scenario on one axis: the as-is as grey bars, the
 * scenario as a blue outline over them. Their bins differ, so each bar's height is its share of
 * cases per minute of its range: the two areas are both all the cases, and read against each
 * other. Nine in ten cases' time is marked for each, named in words. The axis starts at 0.
 */

const AS_IS_FILL = mix(INK_MUTED, 0.35, SURFACE);
const TO_BE_LINE = ACCENT;
const LABEL = 8.5;
const MARKER_ROWS = 26;
const PLOT_H = 130;
const GUTTER = 8;
const AXIS_H = 16;
/** The plot is this many times as high as the tallest bin, so no bin touches its top line. */
const HEADROOM = 1.08;

/** The overlay `width` points wide; `time` writes minutes, `dayMinutes` picks round ticks. */
export function leadTimeOverlay(
  asIs: LeadTimeResult,
  toBe: LeadTimeResult,
  width: number,
  time: (minutes: number) => string,
  dayMinutes: number,
): Chart {
  const a = densities(asIs);
  const b = densities(toBe);
  const items: Item[] = [];
  if (a.length === 0 && b.length === 0) return { items, height: 0 };
  const all = [...a, ...b];
  // The axis starts at 0, so the reader sees how far from instant both are, and the height is
  // the tallest bin of either, with a little room under the top line.
  const lo = 0;
  const hi = Math.max(...all.map((d) => d.to));
  const tallest = (Math.max(...all.map((d) => d.density)) || 1) * HEADROOM;
  const top = MARKER_ROWS;
  const base = top + PLOT_H;
  const plotW = width - GUTTER;
  const x = (m: number) => GUTTER + (hi > lo ? ((m - lo) / (hi - lo)) * plotW : plotW / 2);
  const y = (d: number) => base - (d / tallest) * PLOT_H;

  for (const d of a) {
    if (d.density <= 0) continue;
    const x0 = x(d.from);
    items.push({
      type: 'rect',
      x: x0,
      y: y(d.density),
      w: Math.max(0.5, x(d.to) - x0 - 0.6),
      h: base - y(d.density),
      fill: AS_IS_FILL,
    });
  }
  if (b.length > 0) {
    // The scenario's outline: up and across each bin, down to the axis at either end.
    const p = (px: number, py: number) =>
      `${Math.round(px * 100) / 100} ${Math.round(py * 100) / 100}`;
    let at = x(b[0]?.from ?? lo);
    let path = `M${p(at, base)}`;
    for (const d of b) {
      path += `L${p(at, y(d.density))}L${p(x(d.to), y(d.density))}`;
      at = x(d.to);
    }
    path += `L${p(at, base)}`;
    items.push({ type: 'path', d: path, stroke: TO_BE_LINE, strokeWidth: 1.6 });
  }
  const label = (t: number) => (t === 0 ? '0' : time(t));
  items.push(...timeAxis({ x, lo, hi, base, left: GUTTER, width, dayMinutes, label }));
  // The sooner of the two is labelled to the left of its line, the later to the right, so the
  // labels never run across each other's line.
  const toBeFirst = toBe.p90 <= asIs.p90;
  items.push(
    ...marker(
      x(asIs.p90),
      `As-is: 9 in 10 within ${time(asIs.p90)}`,
      INK_MUTED,
      base,
      9,
      width,
      !toBeFirst,
    ),
    ...marker(
      x(toBe.p90),
      `To-be: 9 in 10 within ${time(toBe.p90)}`,
      TO_BE_LINE,
      base,
      21,
      width,
      toBeFirst,
    ),
  );
  items.push({ type: 'path', d: `M${GUTTER} ${top}H${width}`, stroke: LINE, strokeWidth: 0.5 });
  return { items, height: base + AXIS_H };
}

/** Each bin's share of all cases per minute of its range. */
function densities(lead: LeadTimeResult) {
  const bins = lead.histogram.filter((h) => h.to > h.from && h.count >= 0);
  const total = bins.reduce((n, h) => n + h.count, 0) || 1;
  return bins.map((h) => ({ from: h.from, to: h.to, density: h.count / total / (h.to - h.from) }));
}

/** A dashed line at `mx` from its label's row down to the axis, the label beside it (left of it when `left`). */
function marker(
  mx: number,
  label: string,
  color: string,
  base: number,
  labelY: number,
  width: number,
  left: boolean,
): Item[] {
  const w = textWidth(label, LABEL, 'bold');
  // Left when asked and there is room (or no room on the right), else right.
  const right = left ? mx - 3 - w < 0 : mx + 3 + w <= width;
  return [
    {
      type: 'path',
      d: `M${mx} ${labelY - LABEL + 1}V${base}`,
      stroke: color,
      strokeWidth: 1,
      dash: [3, 2],
    },
    textRun(right ? mx + 3 : mx - 3, labelY, label, {
      size: LABEL,
      fill: color,
      anchor: right ? 'start' : 'end',
    }),
  ];
}
