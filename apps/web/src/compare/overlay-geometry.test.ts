import type { LeadTimeResult } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';
import { OVERLAY_BOX, overlayGeometry } from './overlay-geometry';

const lead = (bins: [number, number, number][], p90: number): LeadTimeResult => ({
  mean: 0,
  ci95: null,
  p50: 0,
  p90,
  p95: 0,
  max: 0,
  histogram: bins.map(([from, to, count]) => ({ from, to, count })),
});

describe('overlayGeometry', () => {
  it('puts every process on one time axis, from the earliest bin to the latest', () => {
    const g = overlayGeometry([lead([[0, 100, 10]], 90), lead([[100, 200, 10]], 190)]);
    expect(g.ticks.map((t) => t.minutes)).toEqual([0, 100, 200]);
    // The first outline covers the left half, the second the right half.
    expect(g.series[0]?.path.startsWith(`M ${OVERLAY_BOX.left} `)).toBe(true);
    expect(
      g.series[1]?.path.endsWith(`L ${OVERLAY_BOX.width - OVERLAY_BOX.right} ${g.baseline}`),
    ).toBe(true);
    expect(g.series[0]?.p90x).toBeLessThan(g.series[1]?.p90x ?? 0);
  });

  it('draws equal areas: a process spread twice as wide stands half as tall', () => {
    const g = overlayGeometry([lead([[0, 100, 50]], 90), lead([[0, 200, 50]], 180)]);
    const top = (path: string | undefined) => Number(path?.split(' L ')[1]?.split(' ')[1]);
    const plot = g.baseline - OVERLAY_BOX.top;
    expect(g.baseline - top(g.series[0]?.path)).toBeCloseTo(plot);
    expect(g.baseline - top(g.series[1]?.path)).toBeCloseTo(plot / 2);
  });

  it('leaves a gap for a process that was not simulated', () => {
    const g = overlayGeometry([lead([[0, 10, 1]], 9), null]);
    expect(g.series[1]).toBeNull();
    expect(overlayGeometry([null]).ticks).toEqual([]);
  });
});
