import { useReactFlow, useStore } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { headerWidthAt } from './LaneHeaders';
import { motionMs } from './motion';
import { GEOMETRY, type MapGeometry } from '@procmap/layout';

/**
 * Keeps the selected step in view as the user moves along the flow or adds steps by keyboard:
 * pans (never zooms) only when the step is outside the visible area, or under the heat legend.
 */
export function useViewportFollow(geometry: MapGeometry, stepId: string | undefined): void {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  // Before the frame is painted, so the step is never drawn under the legend first.
  useLayoutEffect(() => {
    if (!stepId || width === 0) return;
    const box = geometry.steps.find((b) => b.step.id === stepId);
    if (!box) return;
    const follow = () => {
      const { x, y, zoom } = flow.getViewport();
      const margin = 48;
      const minLeft = headerWidthAt(zoom) + margin; // the pinned lane headers cover the left edge
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      const right = left + GEOMETRY.stepWidth * zoom;
      const bottom = top + GEOMETRY.stepHeight * zoom;
      // Pan just enough to bring the step in, so the map does not jump about under the room.
      let dx = 0;
      let dy = 0;
      const rightEdge = width - margin - 40; // the zoom controls sit at the top right
      if (right > rightEdge) dx = rightEdge - right;
      if (left + dx < minLeft) dx = minLeft - left;
      // Whatever floats over the bottom of the map (the heat legend) must not hide the step.
      const floating = document.querySelector<HTMLElement>('[data-testid="heat-legend"]');
      const bottomEdge = height - margin - (floating ? floating.offsetHeight : 0);
      if (bottom > bottomEdge) dy = bottomEdge - bottom;
      if (top + dy < margin) dy = margin - top;
      if (dx === 0 && dy === 0) return;
      void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: motionMs(200) });
    };
    follow();
    // The legend can grow after the step is reached (its scale filled in, or the simulation's
    // legend in place of the analysis'): the step is checked again when it does.
    const legend = document.querySelector<HTMLElement>('[data-testid="heat-legend"]');
    if (!legend || typeof ResizeObserver === 'undefined') return;
    let first = true;
    const watch = new ResizeObserver(() => {
      // Observing reports the size it starts with: that one was just followed.
      if (first) first = false;
      else follow();
    });
    watch.observe(legend);
    return () => watch.disconnect();
  }, [flow, geometry, stepId, width, height]);
}
