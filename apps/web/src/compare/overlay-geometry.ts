import { formatMinutes } from '@procmap/analysis';
import type { LeadTimeResult } from '@procmap/simulation';

/*
 * The simulated lead times of several processes on one axis, as outlines: their bins differ, so
 * each outline's height is its share of cases per minute of a bin's range, and every area is
 * all that process's cases. The axis runs between round times with 4 to 7 round ticks, and the
 * tallest outline stops short of the top. Pure, so the drawing is tested without a browser.
 */

export const OVERLAY_BOX = { width: 640, height: 220, top: 12, bottom: 24, left: 8, right: 8 };

export interface OverlaySeries {
  /** The SVG path of the outline: along each bin's top, down to the axis at either end. */
  readonly path: string;
  /** Where the process's p90 falls, for its marker line. */
  readonly p90x: number;
}

export interface OverlayGeometry {
  /** One per lead-time result given, in order; null for a process without one. */
  readonly series: readonly (OverlaySeries | null)[];
  readonly baseline: number;
  readonly ticks: readonly {
    readonly minutes: number;
    readonly x: number;
    readonly anchor: 'start' | 'middle' | 'end';
  }[];
}

interface Density {
  readonly from: number;
  readonly to: number;
  readonly density: number;
}

function densities(lead: LeadTimeResult): Density[] {
  const bins = lead.histogram.filter((h) => h.to > h.from && h.count >= 0);
  const total = bins.reduce((n, h) => n + h.count, 0) || 1;
  return bins.map((h) => ({ from: h.from, to: h.to, density: h.count / total / (h.to - h.from) }));
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Room above the tallest bin, as a share of it: a peak is never drawn against the top. */
export const HEADROOM = 0.15;

/** Tick steps below an hour and in hours, in minutes. */
const MINUTE_STEPS = [1, 2, 5, 10, 15, 30];
const HOUR_STEPS = [60, 120, 240, 360, 480, 720];
const DAY_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
const MOST_TICKS = 7;
const FEWEST_TICKS = 4;

/** An axis from one round time to another, and its ticks: every `step` minutes. */
export interface TimeScale {
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/**
 * The round axis around `lo`…`hi` minutes: ticks every 1, 2, 5, 10, 15 or 30 minutes, 1, 2, 4,
 * 6, 8 or 12 hours (shorter than a working day of `dayMinutes`), or a whole number of working
 * days: the finest that puts 4 to 7 ticks on it, a step under a day only while the axis stays
 * within one when another step fits (at most 7 ticks when none puts 4). The axis ends on ticks.
 */
export function timeScale(lo: number, hi: number, dayMinutes: number): TimeScale {
  const day = dayMinutes > 0 ? dayMinutes : 24 * 60;
  const top = Math.max(hi, lo);
  const fit = (step: number) => {
    const from = Math.floor(lo / step) * step;
    const to = Math.max(Math.ceil(top / step) * step, from + step);
    return { lo: from, hi: to, step, count: Math.round((to - from) / step) + 1 };
  };
  const scales = [
    ...MINUTE_STEPS.filter((s) => s < day),
    ...HOUR_STEPS.filter((s) => s < day),
    ...DAY_STEPS.map((d) => d * day),
  ].map(fit);
  const fits = (s: (typeof scales)[number]) => s.count >= FEWEST_TICKS && s.count <= MOST_TICKS;
  // Past a working day times are written in tenths of days: a step shorter than a day that
  // runs past one would write its ticks there unevenly, so it comes second.
  const even = (s: (typeof scales)[number]) => s.step >= day || s.hi <= day;
  const chosen =
    scales.find((s) => fits(s) && even(s)) ??
    scales.find(fits) ??
    scales.find((s) => s.count <= MOST_TICKS) ??
    fit((top - lo) / (MOST_TICKS - 1) || 1);
  const ticks = Array.from({ length: chosen.count }, (_, i) => chosen.lo + i * chosen.step);
  return { lo: chosen.lo, hi: chosen.hi, step: chosen.step, ticks };
}

/**
 * A duration as the chart writes all of its times, ticks and figures alike: the analysis's
 * words in the map's working day, whole minutes above an hour ("55.9 min", "1 h 41 min").
 */
export function chartDuration(minutes: number, hoursPerDay: number): string {
  return formatMinutes(minutes >= 60 ? Math.round(minutes) : minutes, hoursPerDay);
}

/** Outlines for each result (null where a process has none) on one shared time axis. */
export function overlayGeometry(
  leads: readonly (LeadTimeResult | null)[],
  hoursPerDay: number,
  box = OVERLAY_BOX,
): OverlayGeometry {
  const baseline = box.height - box.bottom;
  const all = leads.map((l) => (l ? densities(l) : null));
  const flat = all.flatMap((d) => d ?? []);
  if (flat.length === 0) return { series: leads.map(() => null), baseline, ticks: [] };
  const scale = timeScale(
    Math.min(...flat.map((d) => d.from)),
    Math.max(...flat.map((d) => d.to)),
    hoursPerDay * 60,
  );
  const { lo, hi } = scale;
  // The tallest bin of every process, with room above it.
  const tallest = Math.max(...flat.map((d) => d.density)) * (1 + HEADROOM) || 1;
  const plotW = box.width - box.left - box.right;
  const plotH = baseline - box.top;
  const x = (m: number) => box.left + ((Math.min(Math.max(m, lo), hi) - lo) / (hi - lo)) * plotW;
  const y = (d: number) => baseline - (d / tallest) * plotH;
  const series = all.map((ds, i): OverlaySeries | null => {
    const lead = leads[i];
    if (!ds || !lead || ds.length === 0) return null;
    const points: string[] = [`M ${r2(x(ds[0]!.from))} ${r2(baseline)}`];
    for (const d of ds) {
      points.push(`L ${r2(x(d.from))} ${r2(y(d.density))}`, `L ${r2(x(d.to))} ${r2(y(d.density))}`);
    }
    points.push(`L ${r2(x(ds.at(-1)!.to))} ${r2(baseline)}`);
    return { path: points.join(' '), p90x: r2(x(lead.p90)) };
  });
  const last = scale.ticks.length - 1;
  const ticks = scale.ticks.map((minutes, i) => ({
    minutes,
    x: r2(x(minutes)),
    anchor: i === 0 ? ('start' as const) : i === last ? ('end' as const) : ('middle' as const),
  }));
  return { series, baseline, ticks };
}
