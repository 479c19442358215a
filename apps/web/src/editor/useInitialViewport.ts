import { type ReactFlowInstance, useReactFlow, useStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { headerWidthAt } from './LaneHeaders';
import { GEOMETRY, type MapGeometry } from '@procmap/layout';

/**
 * Zooms so that the map fits the canvas (`width` × `height` on screen), but never below a size
 * a room can read from the back (0.5) nor above 1; anchored top-left, where the lane headers are.
 * Nothing happens when the view is already there: an animation from a view to itself still
 * updates the canvas on each of its frames (on a big map, a tidy-up that keeps the view).
 */
export function fitMapToView(
  flow: Pick<ReactFlowInstance, 'setViewport' | 'getViewport'>,
  geometry: MapGeometry,
  width: number,
  height: number,
  duration = 0,
): void {
  const last = geometry.lanes.at(-1);
  const contentHeight = last ? last.y + last.height : 0;
  if (contentHeight === 0 || width === 0 || height === 0) return;
  const zoom = Math.min(
    1,
    Math.max(0.5, Math.min((width - 32) / geometry.width, (height - 32) / contentHeight)),
  );
  // Shift right so the first column is not under the pinned headers.
  const x = Math.max(16, headerWidthAt(zoom) - GEOMETRY.headerWidth * zoom + 16);
  const now = flow.getViewport();
  if (Math.abs(now.x - x) < 0.5 && Math.abs(now.y - 16) < 0.5 && Math.abs(now.zoom - zoom) < 1e-3)
    return;
  void flow.setViewport({ x, y: 16, zoom }, duration ? { duration } : undefined);
}

/** Once the stored map has arrived, fits it to the view (see `fitMapToView`). */
export function useInitialViewport(geometry: MapGeometry, ready: boolean): void {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !ready || width === 0 || height === 0) return;
    done.current = true;
    fitMapToView(flow, geometry, width, height);
  }, [flow, geometry, ready, width, height]);
}
