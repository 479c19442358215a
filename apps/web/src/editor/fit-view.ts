import { GEOMETRY, type MapGeometry } from '@procmap/layout';

/*
 * Viewport arithmetic for the swimlane canvas, pure so it can be tested without a browser.
 * The canvas is not a plain React Flow pane: the lane headers are pinned over its left edge and
 * are wider on screen than the header column of the geometry at most zooms, so React Flow's own
 * fitView would put the first steps under them.
 */

/** A rectangle in flow units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport: a flow point p is drawn at p × zoom + (x, y) on screen. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** Where on screen the map may be drawn. */
export interface FitArea {
  /** The pane's size on screen, px. */
  readonly width: number;
  readonly height: number;
  /** Screen width of the pinned lane headers at a zoom; must not decrease as the zoom grows. */
  readonly headerWidthAt: (zoom: number) => number;
  /** Space kept clear inside each edge (beyond the headers, on the left), px: controls, minimap. */
  readonly inset?: { readonly top?: number; readonly right?: number; readonly bottom?: number };
  /** Gap between the map and the free area's edges, px. */
  readonly padding: number;
}

export interface FitLimits {
  /** Never below this, even when the map does not fit: it is then framed from its start. */
  readonly minZoom: number;
  readonly maxZoom: number;
  /**
   * A map too big to fit whole is shown at the zoom that fits its height, between `minZoom` and
   * this (default `minZoom`): its lanes fill the view, but no bigger than an overview needs.
   */
  readonly maxPartialZoom?: number;
}

/** Labels are 16px: from this zoom up they are at least 11px on screen. */
export const READABLE_ZOOM = 0.7;

/**
 * The viewport that shows `content` in the free part of the pane (right of the lane headers,
 * inside the insets and padding), anchored at its top left, where the lanes and the process
 * start. It is the largest zoom up to `maxZoom` at which all of it fits. When that would be
 * smaller than `minZoom`, the view shows the start (left) of the content at the zoom that fits its
 * height, kept between `minZoom` and `maxPartialZoom`; if the height does not fit either and
 * `focus` is given, the view is moved down, if need be, so that `focus` is on screen. Null when
 * there is nothing to show or no room.
 */
export function fitViewport(
  content: Box,
  area: FitArea,
  limits: FitLimits,
  focus?: Box,
): Viewport | null {
  const { width, height, headerWidthAt, padding } = area;
  const inset = area.inset ?? {};
  const top = (inset.top ?? 0) + padding;
  const bottom = height - (inset.bottom ?? 0) - padding;
  const right = width - (inset.right ?? 0) - padding;
  const left = (zoom: number) => headerWidthAt(zoom) + padding;
  const freeHeight = bottom - top;
  if (content.width <= 0 || content.height <= 0 || freeHeight <= 0 || right - left(0) <= 0)
    return null;

  const fits = (zoom: number) =>
    content.width * zoom <= right - left(zoom) && content.height * zoom <= freeHeight;
  const maxZoom = Math.max(limits.minZoom, limits.maxZoom);
  let zoom: number;
  if (fits(maxZoom)) zoom = maxZoom;
  else {
    // `fits` holds below some zoom and fails above it (the free width only shrinks as the
    // headers grow): bisect for that zoom.
    let lo = 0;
    let hi = maxZoom;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    zoom = lo;
  }
  // Too big to fit whole: its start, every lane when they fit (filling the height, up to
  // `maxPartialZoom`), as much as `minZoom` shows when they do not.
  const whole = zoom >= limits.minZoom;
  if (!whole) {
    const partialMax = Math.max(limits.minZoom, limits.maxPartialZoom ?? limits.minZoom);
    zoom = Math.min(partialMax, Math.max(limits.minZoom, freeHeight / content.height));
  }

  const x = left(zoom) - content.x * zoom;
  let y = top - content.y * zoom;
  if (!whole && focus) {
    const below = (focus.y + focus.height) * zoom + y - bottom;
    if (below > 0) y -= Math.min(below, focus.y * zoom + y - top);
  }
  return { x: round(x), y: round(y), zoom: Math.round(zoom * 10_000) / 10_000 };
}

/**
 * What a whole-map view frames: every lane top to bottom, and across, from the first step to the
 * end of the last one (from the start of the lanes when there are no steps). Null without lanes.
 */
export function mapBounds(geometry: MapGeometry): Box | null {
  const last = geometry.lanes.at(-1);
  if (!last) return null;
  const height = last.y + last.height;
  if (geometry.steps.length === 0) {
    return { x: GEOMETRY.headerWidth, y: 0, width: GEOMETRY.columnWidth, height };
  }
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const box of geometry.steps) {
    if (box.x < minX) minX = box.x;
    if (box.x > maxX) maxX = box.x;
  }
  return { x: minX, y: 0, width: maxX + GEOMETRY.stepWidth - minX, height };
}

/** The box of the step the process starts at: the leftmost one (the topmost of those). */
export function startBox(geometry: MapGeometry): Box | undefined {
  let first: { x: number; y: number } | undefined;
  for (const box of geometry.steps) {
    if (!first || box.x < first.x || (box.x === first.x && box.y < first.y)) first = box;
  }
  return (
    first && { x: first.x, y: first.y, width: GEOMETRY.stepWidth, height: GEOMETRY.stepHeight }
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The pane a zoom acts on: its size, and the pinned lane headers covering its left edge. */
export interface ZoomArea {
  readonly width: number;
  readonly height: number;
  /** Screen width of the pinned lane headers at a zoom. */
  readonly headerWidthAt: (zoom: number) => number;
}

/**
 * The viewport after zooming by `factor` (clamped to the limits) about the centre of what can be
 * seen: the pane right of the lane headers. The map point at that centre stays at its centre,
 * though the headers' width changes with the zoom, so zooming in and then out again returns to
 * the same view instead of drifting.
 */
export function zoomAboutCentre(
  view: Viewport,
  factor: number,
  area: ZoomArea,
  limits: { readonly minZoom: number; readonly maxZoom: number },
): Viewport {
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, view.zoom * factor));
  const centreX = (z: number) => (Math.min(area.headerWidthAt(z), area.width) + area.width) / 2;
  const cy = area.height / 2;
  // The map point at the centre now, and where it goes at the new zoom.
  const px = (centreX(view.zoom) - view.x) / view.zoom;
  const py = (cy - view.y) / view.zoom;
  return { x: centreX(zoom) - px * zoom, y: cy - py * zoom, zoom };
}
