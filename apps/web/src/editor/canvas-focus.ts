/** The id of the canvas's element, which takes the keyboard focus back from the side panel. */
export const CANVAS_ID = 'map-canvas';

/** Gives the keyboard back to the map: its keys apply again, the selection is kept. */
export function focusCanvas(): void {
  document.getElementById(CANVAS_ID)?.focus({ preventScroll: true });
}
