import { describe, expect, it } from 'vitest';
import { CHART_BOX, histogramGeometry, markerLabelsCollide } from './histogram-geometry';

const bins = [
  { from: 0, to: 60, count: 120 },
  { from: 60, to: 120, count: 300 },
  { from: 120, to: 180, count: 0 },
  { from: 180, to: 240, count: 30 },
];
const plotLeft = CHART_BOX.left;
const plotRight = CHART_BOX.width - CHART_BOX.right;
const plotWidth = plotRight - plotLeft;
const baseline = CHART_BOX.height - CHART_BOX.bottom;
const plotHeight = baseline - CHART_BOX.top;

describe('the lead-time histogram', () => {
  it('draws a bar per bin with cases, as tall as its share of the fullest bin', () => {
    const g = histogramGeometry(bins, { p50: 90, p90: 200 });
    expect(g.maxCount).toBe(300);
    expect(g.bars.map((b) => b.bin.count)).toEqual([120, 300, 30]);
    const [first, fullest, last] = g.bars;
    expect(fullest?.height).toBeCloseTo(plotHeight);
    expect(fullest?.y).toBeCloseTo(CHART_BOX.top);
    expect(first?.height).toBeCloseTo(plotHeight * 0.4);
    expect(last?.height).toBeCloseTo(plotHeight * 0.1);
    for (const bar of g.bars) expect(bar.y + bar.height).toBeCloseTo(baseline);
  });

  it('places bars by time: an empty bin keeps its place on the axis', () => {
    const g = histogramGeometry(bins, { p50: 90, p90: 200 });
    expect(g.bars[0]?.x).toBeCloseTo(plotLeft);
    expect(g.bars[1]?.x).toBeCloseTo(plotLeft + plotWidth / 4);
    expect(g.bars[2]?.x).toBeCloseTo(plotLeft + (plotWidth * 3) / 4);
    // A gap between neighbours, never an overlap.
    expect((g.bars[0]?.x ?? 0) + (g.bars[0]?.width ?? 0)).toBeLessThan(g.bars[1]?.x ?? 0);
  });

  it('marks p50 and p90 where they fall on the time axis', () => {
    const g = histogramGeometry(bins, { p50: 90, p90: 200 });
    const [p50, p90] = g.markers;
    expect(p50?.key).toBe('p50');
    expect(p50?.x).toBeCloseTo(plotLeft + (plotWidth * 90) / 240);
    expect(p90?.key).toBe('p90');
    expect(p90?.x).toBeCloseTo(plotLeft + (plotWidth * 200) / 240);
  });

  it('turns a marker label round rather than let it leave the chart', () => {
    // p50 near the left edge reads to its right; p90 near the right edge reads to its left.
    const g = histogramGeometry(bins, { p50: 5, p90: 235 });
    expect(g.markers[0]?.anchor).toBe('start');
    expect(g.markers[1]?.anchor).toBe('end');
    // In the middle they read away from each other, and do not collide.
    const middle = histogramGeometry(bins, { p50: 100, p90: 140 });
    expect(middle.markers.map((m) => m.anchor)).toEqual(['end', 'start']);
    expect(markerLabelsCollide(middle.markers)).toBe(false);
  });

  it('sees when both labels are pushed to one side and would overlap', () => {
    const g = histogramGeometry(bins, { p50: 2, p90: 6 });
    expect(g.markers.map((m) => m.anchor)).toEqual(['start', 'start']);
    expect(markerLabelsCollide(g.markers)).toBe(true);
  });

  it('labels the start, middle and end of the time axis', () => {
    const g = histogramGeometry(bins, { p50: 90, p90: 200 });
    expect(g.ticks.map((t) => t.minutes)).toEqual([0, 120, 240]);
    expect(g.ticks.map((t) => t.anchor)).toEqual(['start', 'middle', 'end']);
  });

  it('draws nothing from no bins, and one bar from a single bin', () => {
    expect(histogramGeometry([], { p50: 0, p90: 0 }).bars).toEqual([]);
    const one = histogramGeometry([{ from: 30, to: 30, count: 7 }], { p50: 30, p90: 30 });
    expect(one.bars).toHaveLength(1);
    expect(one.bars[0]?.height).toBeCloseTo(plotHeight);
  });
});
