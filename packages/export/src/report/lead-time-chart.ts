import type { LeadTimeResult } from '@procmap/simulation';
import type { Item } from '../scene';
import { ACCENT, INK, INK_MUTED, LINE, mix, SURFACE } from '../theme';
import { textWidth } from '../text';
import { textRun } from './text-run';

/*
 * The simulated lead times as a histogram, drawn from the run's bins: how many cases took how
 * long, with the times by which half and nine in ten cases were done marked and named on the
 * chart (a dashed line and its words, not a colour to decode).
 */

const BAR = mix(ACCENT, 0.55, SURFACE);
const LABEL = 8.5;
/** Room above the bars for the two marker labels, one row each so they never collide. */
const MARKER_ROWS = 26;
const PLOT_H = 120;
/** Room left of the bars for the scale of shares. */
const GUTTER = 30;
/** Room under the axis for the time labels. */
const AXIS_H = 16;

export interface Chart {
  readonly items: Item[];
  readonly height: number;
}

/** The histogram `width` points wide; `time` writes minutes, `dayMinutes` picks round ticks. */
export function leadTimeChart(
  lead: LeadTimeResult,
  width: number,
  time: (minutes: number) => string,
  dayMinutes: number,
): Chart {
  const bins = lead.histogram.filter((b) => b.to > b.from && b.count >= 0);
  const items: Item[] = [];
  const top = MARKER_ROWS;
  const base = top + PLOT_H;
  const height = base + AXIS_H;
  if (bins.length === 0) return { items, height: 0 };
  const lo = Math.min(...bins.map((b) => b.from));
  const hi = Math.max(...bins.map((b) => b.to));
  const total = bins.reduce((n, b) => n + b.count, 0);
  const tallest = Math.max(1, ...bins.map((b) => b.count));
  const plotW = width - GUTTER;
  const x = (minutes: number) => GUTTER + ((minutes - lo) / (hi - lo)) * plotW;

  // The tallest bar's share of cases, on a faint line: the one scale a reader needs.
  const tallestShare = total > 0 ? Math.round((tallest / total) * 1000) / 10 : 0;
  const scale = { size: 7.5, weight: 'normal', fill: INK_MUTED, anchor: 'end' } as const;
  items.push({ type: 'path', d: `M${GUTTER} ${top}H${width}`, stroke: LINE, strokeWidth: 0.5 });
  items.push(textRun(GUTTER - 4, top + 3, `${tallestShare}%`, scale));
  items.push(textRun(GUTTER - 4, base + 3, '0%', scale));
  for (const b of bins) {
    if (b.count === 0) continue;
    const h = (b.count / tallest) * PLOT_H;
    const x0 = x(b.from);
    // A hairline gap between bars keeps them apart at any bin count.
    const w = Math.max(0.5, x(b.to) - x0 - 0.6);
    items.push({ type: 'rect', x: x0, y: base - h, w, h, fill: BAR });
  }
  items.push(...timeAxis({ x, lo, hi, base, left: GUTTER, width, dayMinutes, label: time }));
  items.push(...marker(x(lead.p50), `Half within ${time(lead.p50)}`, base, 9, width));
  items.push(...marker(x(lead.p90), `9 in 10 within ${time(lead.p90)}`, base, 21, width));
  return { items, height };
}

/** Where a time axis goes and how it writes its times. */
export interface TimeAxis {
  /** The x of a time in minutes. */
  readonly x: (minutes: number) => number;
  readonly lo: number;
  readonly hi: number;
  /** The axis's y, and where its line starts and ends. */
  readonly base: number;
  readonly left: number;
  readonly width: number;
  /** The minutes of a working day, for round ticks of days. */
  readonly dayMinutes: number;
  readonly label: (minutes: number) => string;
}

/**
 * The axis under a chart: its line, and at each round time from `lo` to `hi` a tick and the
 * time under it (kept inside the chart near either edge).
 */
export function timeAxis(axis: TimeAxis): Item[] {
  const { x, base, width } = axis;
  const items: Item[] = [
    { type: 'path', d: `M${axis.left} ${base}H${width}`, stroke: INK_MUTED, strokeWidth: 0.8 },
  ];
  for (const t of ticks(axis.lo, axis.hi, axis.dayMinutes)) {
    const tx = x(t);
    items.push({
      type: 'path',
      d: `M${tx} ${base}V${base + 3}`,
      stroke: INK_MUTED,
      strokeWidth: 0.8,
    });
    const anchor = tx > width - 20 ? 'end' : tx < 20 ? 'start' : 'middle';
    items.push(
      textRun(tx, base + 12, axis.label(t), {
        size: 7.5,
        weight: 'normal',
        fill: INK_MUTED,
        anchor,
      }),
    );
  }
  return items;
}

/** A dashed line at `mx` from the label row down to the axis, and its label beside it. */
function marker(mx: number, label: string, base: number, labelY: number, width: number): Item[] {
  const w = textWidth(label, LABEL, 'bold');
  // The label sits right of its line, or left of it when it would run off the chart.
  const right = mx + 3 + w <= width;
  const lx = right ? mx + 3 : mx - 3;
  return [
    {
      type: 'path',
      d: `M${mx} ${labelY - LABEL + 1}V${base}`,
      stroke: INK,
      strokeWidth: 1,
      dash: [3, 2],
    },
    textRun(lx, labelY, label, { size: LABEL, fill: INK, anchor: right ? 'start' : 'end' }),
  ];
}

/** Round durations a reader expects on an axis: minutes, hours, then working days. */
export function ticks(lo: number, hi: number, dayMinutes: number): number[] {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 240];
  if (dayMinutes > 0) {
    for (const days of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) steps.push(days * dayMinutes);
  }
  steps.sort((a, b) => a - b);
  const step = steps.find((s) => (hi - lo) / s <= 6) ?? (hi - lo) / 6;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(t);
  return out;
}
