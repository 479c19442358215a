import { ControlButton, type Node, useReactFlow, useStore, type Viewport } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { zoomAboutCentre } from './fit-view';
import { headerWidthAt } from './LaneHeaders';
import { motionMs } from './motion';
import { CANVAS_ZOOM } from './useInitialViewport';

/*
 * The canvas's own controls, at its top right: zoom in and out about the centre of what is seen,
 * fit the map to the view, and show or hide the minimap (remembered).
 */

export const minimapFill = (n: Node) =>
  n.type === 'lane' ? '#e6eaef' : n.type === 'ghost' ? 'transparent' : '#4a5868';
export const minimapStroke = (n: Node) =>
  n.type === 'lane' ? '#c9d0d8' : n.type === 'ghost' ? '#a3adb8' : '#4a5868';

/** The minimap's size on screen, px: small, so that it hides little of the lanes when open. */
export const MINIMAP = { width: 176, height: 112 };
/** Its distance from the pane's edge (React Flow's panel margin), px. */
const PANEL_MARGIN = 15;
/** Views that fit a map keep this much free at the bottom of the pane while the minimap is open. */
export const MINIMAP_ROOM = MINIMAP.height + PANEL_MARGIN + 8;
const MINIMAP_KEY = 'procmap.minimap';

/**
 * Whether the minimap is open, and a toggle. Closed by default, as it covers the lanes at the
 * bottom right, except on a pane so big that a map rarely fills it; the choice is remembered.
 */
export function useMinimapOpen(width: number, height: number): [boolean, () => void] {
  const [choice, setChoice] = useState<boolean | null>(() => {
    try {
      const saved = globalThis.localStorage?.getItem(MINIMAP_KEY);
      return saved === 'open' ? true : saved === 'closed' ? false : null;
    } catch {
      return null;
    }
  });
  const open = choice ?? (width >= 1600 && height >= 1000);
  const toggle = useCallback(() => {
    setChoice(!open);
    try {
      globalThis.localStorage?.setItem(MINIMAP_KEY, open ? 'closed' : 'open');
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, [open]);
  return [open, toggle];
}

const ZOOM_STEP = 1.2;
const ZOOM_MS = 160;
/**
 * The zoom buttons stop zooming out here, where lane headers still show their names and counts;
 * "Fit view" (and the mouse wheel) may go further, to show a big map whole.
 */
const BUTTON_MIN_ZOOM = 0.15;

/**
 * Zoom in and out about the centre of what is seen (right of the pinned lane headers), each click
 * counted from where the last one is going, so quick clicks neither drift nor lose a step.
 */
export function ZoomButtons() {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const zoom = useStore((s) => s.transform[2]);
  const target = useRef<{ view: Viewport; until: number } | null>(null);
  const zoomBy = (factor: number) => {
    const now = performance.now();
    const from =
      target.current && target.current.until > now ? target.current.view : flow.getViewport();
    const view = zoomAboutCentre(
      from,
      factor,
      { width, height, headerWidthAt },
      { minZoom: Math.min(BUTTON_MIN_ZOOM, from.zoom), maxZoom: CANVAS_ZOOM.max },
    );
    target.current = { view, until: now + ZOOM_MS + 50 };
    void flow.setViewport(view, { duration: motionMs(ZOOM_MS) });
  };
  return (
    <>
      <ControlButton
        className="react-flow__controls-zoomin"
        onClick={() => zoomBy(ZOOM_STEP)}
        title="Zoom In"
        aria-label="Zoom In"
        disabled={zoom >= CANVAS_ZOOM.max - 1e-6}
      >
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-hidden="true">
          <path d="M32 18.133H18.133V32h-4.266V18.133H0v-4.266h13.867V0h4.266v13.867H32z" />
        </svg>
      </ControlButton>
      <ControlButton
        className="react-flow__controls-zoomout"
        onClick={() => zoomBy(1 / ZOOM_STEP)}
        title="Zoom Out"
        aria-label="Zoom Out"
        disabled={zoom <= BUTTON_MIN_ZOOM + 1e-6}
      >
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 5" aria-hidden="true">
          <path d="M0 0h32v4.2H0z" />
        </svg>
      </ControlButton>
    </>
  );
}

export function FitViewIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
      <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
    </svg>
  );
}

export function MinimapIcon() {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-hidden="true">
      <path d="M0 4h32v24H0zm3.5 3.5v17h25v-17zM6 10h9v7H6z" fillRule="evenodd" />
    </svg>
  );
}
