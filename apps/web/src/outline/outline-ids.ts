/** The id of a step's heading in the outline: what its links point at and focus lands on. */
export const stepHeadingId = (id: string) => `outline-step-${id}`;

/** The id of a lane's heading in the outline. */
export const laneHeadingId = (id: string) => `outline-lane-${id}`;

/** The id of the outline's own heading. */
export const OUTLINE_HEADING_ID = 'outline-heading';

/** Moves focus to an element of the outline by id; false when it is not on the page. */
export function focusById(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  el.focus();
  el.scrollIntoView?.({ block: 'nearest' });
  return true;
}
