import type { LeadTimeResult } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';
import {
  chartDuration,
  HEADROOM,
  OVERLAY_BOX,
  overlayGeometry,
  timeScale,
} from './overlay-geometry';

const lead = (bins: [number, number, number][], p90: number): LeadTimeResult => ({
  mean: 0,
  ci95: null,
  p50: 0,
  p90,
  p95: 0,
  max: 0,
  histogram: bins.map(([from, to, count]) => ({ from, to, count })),
});

const DAY = 7.5 * 60;
const H = 60;

describe('timeScale', () => {
  it('puts round ticks on the walkthrough’s lead times, not 20 min / 3 h 3 min / 5 h 45 min', () => {
    const s = timeScale(20, 345, DAY);
    expect(s.step).toBe(H);
    expect(s.ticks).toEqual([0, 1, 2, 3, 4, 5, 6].map((h) => h * H));
    expect(s.ticks.map((t) => chartDuration(t, 7.5))).toEqual([
      '0 min',
      '1 h',
      '2 h',
      '3 h',
      '4 h',
      '5 h',
      '6 h',
    ]);
  });

  it('chooses the finest round step that puts 4 to 7 ticks on the axis', () => {
    // [lo, hi, the step expected]
    const cases: [number, number, number][] = [
      [0, 4, 1],
      [0, 11, 2],
      [3, 48, 10],
      [0, 75, 15],
      [10, 160, 30],
      [0, 200, H],
      [30, 500, 2 * H], // within a 24-hour day below
      [0, 3 * DAY, DAY],
      [0, 12 * DAY, 2 * DAY],
      [0, 30 * DAY, 5 * DAY],
    ];
    for (const [lo, hi, step] of cases) {
      const s = timeScale(lo, hi, lo === 30 ? 24 * H : DAY);
      expect({ lo, hi, step: s.step }).toEqual({ lo, hi, step });
      expect(s.ticks.length).toBeGreaterThanOrEqual(4);
      expect(s.ticks.length).toBeLessThanOrEqual(7);
      // the axis ends on ticks around the times given
      expect(s.lo).toBe(s.ticks[0]);
      expect(s.hi).toBe(s.ticks.at(-1));
      expect(s.lo).toBeLessThanOrEqual(lo);
      expect(s.hi).toBeGreaterThanOrEqual(hi);
      for (const [i, t] of s.ticks.entries()) expect(t).toBe(s.lo + i * step);
    }
  });

  it('writes ticks past a working day in whole days, not hours that read unevenly', () => {
    // 0 to 20 h of a 7.5-hour day: 4-hour ticks would write 8 h as "1.1 d"
    const s = timeScale(0, 20 * H, DAY);
    expect(s.step).toBe(DAY);
    expect(s.ticks.map((t) => chartDuration(t, 7.5))).toEqual(['0 min', '1 d', '2 d', '3 d']);
  });

  it('draws an axis for a single time', () => {
    const s = timeScale(30, 30, DAY);
    expect(s.ticks.length).toBeGreaterThanOrEqual(2);
    expect(s.lo).toBeLessThanOrEqual(30);
    expect(s.hi).toBeGreaterThan(30);
  });
});

describe('chartDuration', () => {
  it('writes every time one way: tenths below an hour, whole minutes above, days past a day', () => {
    expect(chartDuration(55.93, 7.5)).toBe('55.9 min');
    expect(chartDuration(101.4, 7.5)).toBe('1 h 41 min');
    expect(chartDuration(101.6, 7.5)).toBe('1 h 42 min');
    expect(chartDuration(3 * DAY, 7.5)).toBe('3 d');
  });
});

describe('overlayGeometry', () => {
  it('puts every process on one round time axis, from the earliest bin to the latest', () => {
    const g = overlayGeometry([lead([[0, 100, 10]], 90), lead([[100, 200, 10]], 190)], 7.5);
    expect(g.ticks.map((t) => t.minutes)).toEqual([0, 60, 120, 180, 240]);
    expect(g.ticks.map((t) => t.anchor)).toEqual(['start', 'middle', 'middle', 'middle', 'end']);
    expect(g.ticks[0]?.x).toBe(OVERLAY_BOX.left);
    expect(g.ticks.at(-1)?.x).toBe(OVERLAY_BOX.width - OVERLAY_BOX.right);
    // The first outline starts at the axis's left end; the second ends short of its right end.
    expect(g.series[0]?.path.startsWith(`M ${OVERLAY_BOX.left} `)).toBe(true);
    const plotW = OVERLAY_BOX.width - OVERLAY_BOX.left - OVERLAY_BOX.right;
    const at200 = Math.round((OVERLAY_BOX.left + (200 / 240) * plotW) * 100) / 100;
    expect(g.series[1]?.path.endsWith(`L ${at200} ${g.baseline}`)).toBe(true);
    expect(g.series[0]?.p90x).toBeLessThan(g.series[1]?.p90x ?? 0);
  });

  it('draws equal areas: a process spread twice as wide stands half as tall', () => {
    const g = overlayGeometry([lead([[0, 100, 50]], 90), lead([[0, 200, 50]], 180)], 7.5);
    const top = (path: string | undefined) => Number(path?.split(' L ')[1]?.split(' ')[1]);
    const tallest = (g.baseline - OVERLAY_BOX.top) / (1 + HEADROOM);
    expect(g.baseline - top(g.series[0]?.path)).toBeCloseTo(tallest);
    expect(g.baseline - top(g.series[1]?.path)).toBeCloseTo(tallest / 2);
  });

  it('keeps the tallest bin of every process below the top, whichever process it belongs to', () => {
    // the second (dashed) process has the tallest peak
    const g = overlayGeometry(
      [
        lead(
          [
            [0, 60, 10],
            [60, 120, 10],
          ],
          100,
        ),
        lead(
          [
            [40, 50, 19],
            [50, 120, 1],
          ],
          50,
        ),
      ],
      7.5,
    );
    const heights = (path: string | undefined) =>
      (path ?? '')
        .split(/[ML] /)
        .filter(Boolean)
        .map((p) => Number(p.trim().split(' ')[1]));
    const peak = Math.min(...heights(g.series[1]?.path));
    const other = Math.min(...heights(g.series[0]?.path));
    expect(peak).toBeGreaterThan(OVERLAY_BOX.top);
    expect(peak).toBeCloseTo(
      OVERLAY_BOX.top + (g.baseline - OVERLAY_BOX.top) * (HEADROOM / (1 + HEADROOM)),
    );
    expect(other).toBeGreaterThan(peak);
  });

  it('leaves a gap for a process that was not simulated', () => {
    const g = overlayGeometry([lead([[0, 10, 1]], 9), null], 7.5);
    expect(g.series[1]).toBeNull();
    expect(overlayGeometry([null], 7.5).ticks).toEqual([]);
  });
});
