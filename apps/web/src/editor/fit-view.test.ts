import { GEOMETRY, mapGeometry } from '@procmap/layout';
import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  type Box,
  type FitArea,
  fitViewport,
  mapBounds,
  READABLE_ZOOM,
  startBox,
  zoomAboutCentre,
} from './fit-view';

/** The editor's pinned headers: 172px up to zoom 0.78, then 220 × zoom, 220 from zoom 1. */
const headerWidthAt = (zoom: number) => Math.round(Math.max(172, Math.min(220, 220 * zoom)));

const area = (width: number, height: number, extra: Partial<FitArea> = {}): FitArea => ({
  width,
  height,
  headerWidthAt,
  padding: 16,
  ...extra,
});

/** Where a flow box lands on screen in a viewport. */
const onScreen = (box: Box, v: { x: number; y: number; zoom: number }) => ({
  left: box.x * v.zoom + v.x,
  top: box.y * v.zoom + v.y,
  right: (box.x + box.width) * v.zoom + v.x,
  bottom: (box.y + box.height) * v.zoom + v.y,
});

describe('fitViewport', () => {
  it('frames a map that fits whole right of the headers, inside the padding', () => {
    const content = { x: 256, y: 0, width: 1200, height: 560 };
    const v = fitViewport(content, area(1045, 790), { minZoom: 0.5, maxZoom: 1 });
    expect(v).not.toBeNull();
    const box = onScreen(content, v!);
    expect(box.left).toBeCloseTo(headerWidthAt(v!.zoom) + 16, 1);
    expect(box.right).toBeLessThanOrEqual(1045 - 16 + 0.01);
    expect(box.top).toBeCloseTo(16, 1);
    expect(box.bottom).toBeLessThanOrEqual(790 - 16 + 0.01);
    // The largest such zoom: the width is what limits it, and it is used up.
    expect(box.right).toBeGreaterThan(1045 - 16 - 1);
  });

  it('does not zoom in past the maximum, and anchors a small map top-left', () => {
    const content = { x: 256, y: 0, width: 400, height: 280 };
    const v = fitViewport(content, area(1440, 900), { minZoom: 0.5, maxZoom: 1 })!;
    expect(v.zoom).toBe(1);
    expect(v.x).toBe(220 + 16 - 256);
    expect(v.y).toBe(16);
  });

  it('follows the header width as it changes with the zoom', () => {
    // At zoom ≈ 0.9 the headers are 198px wide, not 172 (nor the geometry's 220 × 0.9).
    const content = { x: 256, y: 0, width: 1000, height: 100 };
    const v = fitViewport(content, area(198 + 16 + 900 + 16, 900), { minZoom: 0.5, maxZoom: 1 })!;
    expect(v.zoom).toBeCloseTo(0.9, 2);
    expect(onScreen(content, v).left).toBeCloseTo(198 + 16, 0);
  });

  it('keeps the insets free', () => {
    const content = { x: 256, y: 0, width: 2000, height: 1000 };
    const v = fitViewport(content, area(1045, 790, { inset: { right: 48, bottom: 135 } }), {
      minZoom: 0.3,
      maxZoom: 1,
    })!;
    const box = onScreen(content, v);
    expect(box.right).toBeLessThanOrEqual(1045 - 48 - 16 + 0.01);
    expect(box.bottom).toBeLessThanOrEqual(790 - 135 - 16 + 0.01);
  });

  it('never goes below the minimum zoom: a long map is shown from its start, every lane in view', () => {
    const content = { x: 256, y: 0, width: 7600, height: 560 };
    const v = fitViewport(content, area(1045, 790), { minZoom: READABLE_ZOOM, maxZoom: 1 })!;
    expect(v.zoom).toBe(READABLE_ZOOM); // as much of the process as is readable
    const box = onScreen(content, v);
    expect(box.left).toBeCloseTo(172 + 16, 1);
    expect(box.top).toBeCloseTo(16, 1);
    expect(box.bottom).toBeLessThanOrEqual(790 - 16);
  });

  it('fills the height of a map too long to fit, up to the partial maximum', () => {
    const limits = { minZoom: 0.5, maxZoom: 1, maxPartialZoom: READABLE_ZOOM };
    const lanes8 = { x: 256, y: 0, width: 7600, height: 1456 };
    const v = fitViewport(lanes8, area(1045, 790), limits)!;
    expect(v.zoom).toBeCloseTo((790 - 32) / 1456, 3);
    expect(onScreen(lanes8, v).bottom).toBeCloseTo(790 - 16, 1);
    // Four short lanes: no bigger than the partial maximum, though the height has room.
    expect(fitViewport({ ...lanes8, height: 560 }, area(1045, 790), limits)?.zoom).toBe(
      READABLE_ZOOM,
    );
    // Too tall even at the minimum: the minimum, from the top.
    const tall = fitViewport({ ...lanes8, height: 3000 }, area(1045, 790), limits)!;
    expect(tall.zoom).toBe(0.5);
    expect(tall.y).toBe(16);
  });

  it('a map that almost fits stays near the zoom that would fit it, not at the maximum', () => {
    // Five columns on a 1045px pane would need 0.67: shown at 0.7, cut by less than a column.
    const content = { x: 256, y: 0, width: 1176, height: 420 };
    const v = fitViewport(content, area(1045, 790, { inset: { right: 48 } }), {
      minZoom: READABLE_ZOOM,
      maxZoom: 1,
    })!;
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(onScreen(content, v).right - (1045 - 48 - 16)).toBeLessThan(GEOMETRY.columnWidth * 0.7);
  });

  it('shows a map too big every way from its top left at the minimum zoom', () => {
    const content = { x: 256, y: 0, width: 7600, height: 1456 };
    const v = fitViewport(content, area(1045, 790), { minZoom: READABLE_ZOOM, maxZoom: 1 })!;
    expect(v.zoom).toBe(READABLE_ZOOM);
    const box = onScreen(content, v);
    expect(box.left).toBeCloseTo(172 + 16, 1);
    expect(box.top).toBeCloseTo(16, 1);
  });

  it('moves down to show the focus when it would be below the view', () => {
    const content = { x: 256, y: 0, width: 7600, height: 3000 };
    const focus = { x: 256, y: 1500, width: 184, height: 84 };
    const v = fitViewport(content, area(1045, 790), { minZoom: 0.7, maxZoom: 1 }, focus)!;
    const f = onScreen(focus, v);
    expect(f.top).toBeGreaterThanOrEqual(16 - 0.01);
    expect(f.bottom).toBeCloseTo(790 - 16, 1);
    // A focus already in view changes nothing.
    const near = { ...focus, y: 100 };
    expect(fitViewport(content, area(1045, 790), { minZoom: 0.7, maxZoom: 1 }, near)?.y).toBe(16);
  });

  it('gives up on nothing to show or no room', () => {
    const limits = { minZoom: 0.5, maxZoom: 1 };
    expect(fitViewport({ x: 0, y: 0, width: 0, height: 10 }, area(800, 600), limits)).toBeNull();
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, area(0, 0), limits)).toBeNull();
    expect(fitViewport({ x: 0, y: 0, width: 10, height: 10 }, area(150, 600), limits)).toBeNull();
  });
});

describe('mapBounds and startBox', () => {
  const map = (steps: readonly object[]): ProcessMap =>
    ({
      format: 'procmap',
      version: 1,
      title: 't',
      roles: [
        { id: 'a', name: 'A', order: 0 },
        { id: 'b', name: 'B', order: 1 },
      ],
      steps,
      flows: [],
    }) as unknown as ProcessMap;

  it('spans every lane and the steps from first to last', () => {
    const g = mapGeometry(
      map([
        { id: 's1', roleId: 'b', kind: 'task', label: 'one', position: { x: 100, y: 0 } },
        { id: 's2', roleId: 'a', kind: 'task', label: 'two', position: { x: 600, y: 0 } },
      ]),
    );
    const last = g.lanes.at(-1)!;
    expect(mapBounds(g)).toEqual({
      x: GEOMETRY.headerWidth + 100,
      y: 0,
      width: 500 + GEOMETRY.stepWidth,
      height: last.y + last.height,
    });
    expect(startBox(g)).toEqual({
      x: GEOMETRY.headerWidth + 100,
      y: g.boxOf('s1')!.y,
      width: GEOMETRY.stepWidth,
      height: GEOMETRY.stepHeight,
    });
  });

  it('frames the lanes of a map without steps, and nothing without lanes', () => {
    const g = mapGeometry(map([]));
    expect(mapBounds(g)).toMatchObject({ x: GEOMETRY.headerWidth, y: 0 });
    expect(startBox(g)).toBeUndefined();
    expect(mapBounds(mapGeometry({ ...map([]), roles: [] }))).toBeNull();
  });
});

describe('zoomAboutCentre', () => {
  const pane = { width: 1200, height: 800, headerWidthAt };
  const limits = { minZoom: 0.1, maxZoom: 2 };
  /** The map point at the centre of the pane right of the headers. */
  const centre = (v: { x: number; y: number; zoom: number }) => ({
    x: ((headerWidthAt(v.zoom) + pane.width) / 2 - v.x) / v.zoom,
    y: (pane.height / 2 - v.y) / v.zoom,
  });

  it('given a zoom where the headers widen, then the map point in the middle of what is seen stays there', () => {
    // given: at 0.7 the headers are 172px wide, at 0.84 they are 185px
    const view = { x: 40, y: -120, zoom: 0.7 };
    // when
    const zoomed = zoomAboutCentre(view, 1.2, pane, limits);
    // then
    expect(zoomed.zoom).toBeCloseTo(0.84, 10);
    expect(centre(zoomed).x).toBeCloseTo(centre(view).x, 8);
    expect(centre(zoomed).y).toBeCloseTo(centre(view).y, 8);
  });

  it('given zooming in twice and out twice, then the view is where it started', () => {
    const start = { x: -310.5, y: 42, zoom: 0.9 };
    let v = start;
    for (const f of [1.2, 1.2, 1 / 1.2, 1 / 1.2]) v = zoomAboutCentre(v, f, pane, limits);
    expect(v.zoom).toBeCloseTo(start.zoom, 10);
    expect(v.x).toBeCloseTo(start.x, 8);
    expect(v.y).toBeCloseTo(start.y, 8);
  });

  it('keeps within the zoom limits, still about the centre', () => {
    const view = { x: 0, y: 0, zoom: 1.9 };
    const zoomed = zoomAboutCentre(view, 1.2, pane, limits);
    expect(zoomed.zoom).toBe(2);
    expect(centre(zoomed).x).toBeCloseTo(centre(view).x, 8);
    expect(zoomAboutCentre({ x: 0, y: 0, zoom: 0.11 }, 1 / 1.2, pane, limits).zoom).toBe(0.1);
  });
});
