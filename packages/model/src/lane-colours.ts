/**
 * The lane colours: distinct, strong enough to read on a projector, and each dark enough for
 * white text and for a 3:1 edge against a light canvas. A lane with no `color` of its own takes
 * the colour of its place (the first lane the first colour, and so on round), so a new map's
 * lanes are told apart without anyone choosing; the editor, the exports and the report agree.
 */
export const LANE_COLOURS: readonly { readonly name: string; readonly value: string }[] = [
  { name: 'Blue', value: '#2457c5' },
  { name: 'Teal', value: '#0e7490' },
  { name: 'Green', value: '#1f7a4d' },
  { name: 'Amber', value: '#b45309' },
  { name: 'Purple', value: '#6d3fc0' },
  { name: 'Red', value: '#b42318' },
  { name: 'Pink', value: '#be185d' },
  { name: 'Slate', value: '#4a5868' },
];

/** The colour a lane is drawn in: its own, else the one of its place (0 for the top lane). */
export function laneColour(own: string | undefined, index: number): string {
  if (own) return own;
  const at = Number.isInteger(index) && index >= 0 ? index : 0;
  return LANE_COLOURS[at % LANE_COLOURS.length]!.value;
}
