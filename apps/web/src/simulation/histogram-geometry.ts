import type { HistogramBin } from '@procmap/simulation';

/*
 * The lead-time histogram as shapes, from the run's bins: one bar per bin, the p50 and p90
 * lines with their labels placed so they neither overlap nor leave the chart, and a few time
 * ticks along the bottom. Pure, so the drawing is tested without a browser.
 */

/** The chart's size in its own units (the SVG scales to the panel's width). */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the marker labels above the bars and the tick labels below them. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export const CHART_BOX: ChartBox = {
  width: 320,
  height: 170,
  top: 22,
  bottom: 22,
  left: 6,
  right: 6,
};

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly bin: HistogramBin;
}

export interface Marker {
  readonly key: 'p50' | 'p90';
  readonly minutes: number;
  readonly x: number;
  /** Where its label sits, and which side of the line it reads from. */
  readonly labelX: number;
  readonly anchor: 'start' | 'end';
}

export interface Tick {
  readonly minutes: number;
  readonly x: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface HistogramGeometry {
  readonly bars: readonly Bar[];
  readonly markers: readonly Marker[];
  readonly ticks: readonly Tick[];
  /** The bottom of the bars, where the axis line is drawn. */
  readonly baseline: number;
  readonly maxCount: number;
}

/** The gap between bars, in chart units, when bars are wide enough to spare it. */
const GAP = 1;
/** Roughly how wide a marker's label is, in chart units ("p90 12.5 d"). */
const LABEL_ROOM = 64;

/**
 * Bars, markers and ticks for `bins` (in order, touching or not) with the p50 and p90 lines;
 * empty bins draw nothing, yet keep their place on the time axis.
 */
export function histogramGeometry(
  bins: readonly HistogramBin[],
  percentiles: { readonly p50: number; readonly p90: number },
  box: ChartBox = CHART_BOX,
): HistogramGeometry {
  const baseline = box.height - box.bottom;
  const plotLeft = box.left;
  const plotRight = box.width - box.right;
  const plotHeight = baseline - box.top;
  if (bins.length === 0) return { bars: [], markers: [], ticks: [], baseline, maxCount: 0 };

  const from = Math.min(...bins.map((b) => b.from));
  const to = Math.max(...bins.map((b) => b.to));
  const span = to > from ? to - from : 1;
  const xOf = (minutes: number) =>
    plotLeft + ((Math.min(Math.max(minutes, from), to) - from) / span) * (plotRight - plotLeft);
  const maxCount = Math.max(0, ...bins.map((b) => b.count));

  const bars: Bar[] = [];
  for (const bin of bins) {
    if (bin.count <= 0 || maxCount === 0) continue;
    const x0 = xOf(bin.from);
    const x1 = xOf(bin.to);
    const gap = x1 - x0 > 3 * GAP ? GAP : 0;
    // Even a single case shows: at least one unit tall.
    const height = Math.max(1, (bin.count / maxCount) * plotHeight);
    bars.push({ x: x0, y: baseline - height, width: Math.max(0.5, x1 - x0 - gap), height, bin });
  }

  const p50x = xOf(percentiles.p50);
  const p90x = xOf(percentiles.p90);
  // Each label reads away from the other line (p50 to its left, p90 to its right) unless that
  // would take it off the chart; then it turns round.
  const place = (x: number, preferred: 'start' | 'end') => {
    let anchor = preferred;
    if (anchor === 'end' && x - LABEL_ROOM < plotLeft) anchor = 'start';
    if (anchor === 'start' && x + LABEL_ROOM > plotRight) anchor = 'end';
    return { anchor, labelX: anchor === 'start' ? x + 3 : x - 3 };
  };
  const markers: Marker[] = [
    { key: 'p50', minutes: percentiles.p50, x: p50x, ...place(p50x, 'end') },
    { key: 'p90', minutes: percentiles.p90, x: p90x, ...place(p90x, 'start') },
  ];

  const ticks: Tick[] = [
    { minutes: from, x: plotLeft, anchor: 'start' },
    { minutes: from + span / 2, x: (plotLeft + plotRight) / 2, anchor: 'middle' },
    { minutes: to, x: plotRight, anchor: 'end' },
  ];
  return { bars, markers, ticks, baseline, maxCount };
}

/**
 * Whether the two marker labels would overlap at the same height: then the p90 label goes on a
 * second line. Labels reading away from each other never do.
 */
export function markerLabelsCollide(markers: readonly Marker[]): boolean {
  const [a, b] = markers;
  if (!a || !b) return false;
  const extent = (m: Marker) =>
    m.anchor === 'start' ? [m.labelX, m.labelX + LABEL_ROOM] : [m.labelX - LABEL_ROOM, m.labelX];
  const [a0, a1] = extent(a) as [number, number];
  const [b0, b1] = extent(b) as [number, number];
  return a0 < b1 && b0 < a1;
}
