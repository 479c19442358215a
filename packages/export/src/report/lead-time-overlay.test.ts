import type { LeadTimeResult } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';
import { ACCENT } from '../theme';
import { leadTimeOverlay } from './lead-time-overlay';

/* The as-is and a scenario's simulated lead times on one chart. */

/** A spread of lead times with the given bins (each `[from, to, count]`). */
const spread = (bins: readonly [number, number, number][]): LeadTimeResult => ({
  mean: 0,
  ci95: null,
  p50: bins[0]?.[0] ?? 0,
  p90: bins.at(-1)?.[0] ?? 0,
  p95: bins.at(-1)?.[0] ?? 0,
  max: bins.at(-1)?.[1] ?? 0,
  histogram: bins.map(([from, to, count]) => ({ from, to, count })),
});

const time = (m: number) => `${m} min`;

describe('the simulated lead-time overlay', () => {
  // The scenario's cases all fall in one narrow bin: its density is the tallest of either.
  const asIs = spread([
    [200, 220, 50],
    [220, 240, 50],
  ]);
  const toBe = spread([[60, 70, 100]]);
  const chart = leadTimeOverlay(asIs, toBe, 400, time, 450);

  it('keeps the tallest bin of either, the scenario’s outline too, under the top line', () => {
    const topLine = chart.items.find(
      (i) => i.type === 'path' && !i.dash && /^M\S+ \S+H/.test(i.d) && i.strokeWidth === 0.5,
    );
    if (topLine?.type !== 'path') throw new Error('the chart has its top line');
    const top = Number(/^M\S+ (\S+)H/.exec(topLine.d)?.[1]);
    const outline = chart.items.find((i) => i.type === 'path' && i.stroke === ACCENT && !i.dash);
    if (outline?.type !== 'path') throw new Error('the chart has the scenario’s outline');
    const ys = [...outline.d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(Math.min(...ys)).toBeGreaterThan(top);
  });

  it('starts its axis at 0, labelled', () => {
    const labels = chart.items.flatMap((i) => (i.type === 'text' ? [i.text] : []));
    expect(labels).toContain('0');
    // the scenario's outline starts where its first bin does, right of the axis's start
    const outline = chart.items.find((i) => i.type === 'path' && i.stroke === ACCENT && !i.dash);
    if (outline?.type !== 'path') throw new Error('the chart has the scenario’s outline');
    const x0 = Number(/^M(\S+) /.exec(outline.d)?.[1]);
    expect(x0).toBeGreaterThan(8 + ((400 - 8) * 60) / 240 - 1);
  });
});
