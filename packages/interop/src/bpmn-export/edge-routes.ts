/*
 * What the diagram's lines and labels share: a point, and the rough size of a label's text.
 * Where lines run is ports.ts (where they meet shapes) and orthogonal-router.ts (the way
 * between); where labels go is label-places.ts.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Rough size of a label: about 6.5 units a character, wrapped at 150, 14 a line. */
export function labelSize(text: string): { width: number; height: number } {
  const chars = [...text].length;
  const perLine = 23;
  const lines = Math.min(6, Math.max(1, Math.ceil(chars / perLine)));
  const width = Math.max(16, Math.min(150, Math.ceil(chars * 6.5)));
  return { width, height: 14 * lines };
}
