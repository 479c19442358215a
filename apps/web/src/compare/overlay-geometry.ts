import type { LeadTimeResult } from '@procmap/simulation';

/*
 * The simulated lead times of several processes on one axis, as outlines: their bins differ, so
 * each outline's height is its share of cases per minute of a bin's range, and every area is
 * all that process's cases. Pure, so the drawing is tested without a browser.
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

/** Outlines for each result (null where a process has none) on one shared time axis. */
export function overlayGeometry(
  leads: readonly (LeadTimeResult | null)[],
  box = OVERLAY_BOX,
): OverlayGeometry {
  const baseline = box.height - box.bottom;
  const all = leads.map((l) => (l ? densities(l) : null));
  const flat = all.flatMap((d) => d ?? []);
  if (flat.length === 0) return { series: leads.map(() => null), baseline, ticks: [] };
  const lo = Math.min(...flat.map((d) => d.from));
  const hi = Math.max(...flat.map((d) => d.to));
  const tallest = Math.max(...flat.map((d) => d.density)) || 1;
  const plotW = box.width - box.left - box.right;
  const plotH = baseline - box.top;
  const x = (m: number) =>
    box.left + (hi > lo ? ((Math.min(Math.max(m, lo), hi) - lo) / (hi - lo)) * plotW : plotW / 2);
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
  const ticks = [
    { minutes: lo, x: box.left, anchor: 'start' as const },
    { minutes: (lo + hi) / 2, x: box.left + plotW / 2, anchor: 'middle' as const },
    { minutes: hi, x: box.width - box.right, anchor: 'end' as const },
  ];
  return { series, baseline, ticks };
}
