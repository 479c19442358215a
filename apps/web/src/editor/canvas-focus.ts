/** The id of the map's keyboard stop, which takes the keyboard focus back from the side panel. */
export const CANVAS_ID = 'map-canvas';

/** Gives the keyboard back to the map: its keys apply again, the selection is kept. */
export function focusCanvas(): void {
  document.getElementById(CANVAS_ID)?.focus({ preventScroll: true });
}

/** Focuses the map once it is on the page again (within a few frames), e.g. after the outline. */
export function focusCanvasSoon(frames = 10): void {
  requestAnimationFrame(() => {
    const map = document.getElementById(CANVAS_ID);
    if (map) map.focus({ preventScroll: true });
    else if (frames > 1) focusCanvasSoon(frames - 1);
  });
}

/** The id of a step's element on the canvas: the map's `aria-activedescendant` points at it. */
export function stepElementId(id: string): string {
  return `map-step-${id}`;
}

/** The id of a lane's element on the canvas: the map owns its lanes, each lane its steps. */
export function laneElementId(id: string): string {
  return `map-lane-${id}`;
}
