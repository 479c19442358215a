import type { MapGeometry } from '@procmap/layout';
import { type ReactFlowInstance, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { fitViewport, mapBounds, READABLE_ZOOM, startBox } from './fit-view';
import { headerWidthAt } from './LaneHeaders';
import { motionMs } from './motion';

/** The canvas's zoom range: low enough that "Fit view" shows a map of hundreds of steps whole. */
export const CANVAS_ZOOM = { min: 0.02, max: 2 } as const;

/** The smallest zoom "Fit view" goes to: the whole map, as far as the canvas zooms out. */
export const FIT_MIN_ZOOM = CANVAS_ZOOM.min;

/**
 * The smallest zoom Tidy up goes to (labels 8px on screen): a whole-map view the
 * room can still make out. A map too big for it is shown lane by lane from its start instead.
 */
export const OVERVIEW_MIN_ZOOM = 0.5;

/** Room kept free at the pane's right edge for the zoom controls (top right), px. */
const CONTROLS_INSET = 48;

export interface FitOptions {
  /** Animation, ms (none by default; none either for someone who asked for less motion). */
  readonly duration?: number;
  /** Never below this zoom (default `OVERVIEW_MIN_ZOOM`). */
  readonly minZoom?: number;
  /** Screen height kept free at the bottom (the minimap, when it is open), px. */
  readonly reserveBottom?: number;
  /** When the map does not fit, show the step the process starts at. */
  readonly showStart?: boolean;
}

/**
 * Zooms so that the whole map — every lane, every step — fits the canvas (`width` × `height` on
 * screen) right of the pinned lane headers, at no more than 1 and no less than `minZoom`;
 * anchored top-left, where the lanes and the process start. A map that does not fit at
 * `minZoom` is shown from its start, its lanes filling the height (at most at `READABLE_ZOOM`),
 * or as many of them as fit at `minZoom`. Nothing happens when the view is
 * already there: an animation from a view to itself still updates the canvas on each of its
 * frames (on a big map, a tidy-up that keeps the view).
 */
export function fitMapToView(
  flow: Pick<ReactFlowInstance, 'setViewport' | 'getViewport'>,
  geometry: MapGeometry,
  width: number,
  height: number,
  options: number | FitOptions = {},
): void {
  const {
    duration = 0,
    minZoom = OVERVIEW_MIN_ZOOM,
    reserveBottom = 0,
    showStart = false,
  } = typeof options === 'number' ? { duration: options } : options;
  const content = mapBounds(geometry);
  if (!content) return;
  const view = fitViewport(
    content,
    {
      width,
      height,
      headerWidthAt,
      padding: 16,
      inset: { right: CONTROLS_INSET, bottom: reserveBottom },
    },
    { minZoom, maxZoom: 1, maxPartialZoom: Math.max(minZoom, READABLE_ZOOM) },
    showStart ? startBox(geometry) : undefined,
  );
  if (!view) return;
  const now = flow.getViewport();
  if (
    Math.abs(now.x - view.x) < 0.5 &&
    Math.abs(now.y - view.y) < 0.5 &&
    Math.abs(now.zoom - view.zoom) < 1e-3
  )
    return;
  const ms = motionMs(duration);
  void flow.setViewport(view, ms ? { duration: ms } : undefined);
}

/**
 * Once the stored map has arrived, shows it: whole if it fits at a readable zoom, otherwise its
 * start, with every lane if they fit, at a zoom where labels are readable (`READABLE_ZOOM`).
 */
export function useInitialViewport(geometry: MapGeometry, ready: boolean, reserveBottom = 0): void {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !ready || width === 0 || height === 0) return;
    done.current = true;
    fitMapToView(flow, geometry, width, height, {
      minZoom: READABLE_ZOOM,
      reserveBottom,
      showStart: true,
    });
  }, [flow, geometry, ready, width, height, reserveBottom]);
}
