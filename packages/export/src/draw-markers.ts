import type { Comment } from '@procmap/model';
import { LAYER, type Painter, type TextStyle } from './painter';
import type { Paint } from './scene';
import { IDEA, NOTE, PAIN, SURFACE } from './theme';

/*
 * The comment markers on a map's steps and flows: one round marker per kind of open comment
 * (pain points, ideas, the rest), each with its count.
 */

export const MARKER_PAINT = {
  pain: { fill: PAIN, stroke: SURFACE, strokeWidth: 2 },
  idea: { fill: IDEA, stroke: SURFACE, strokeWidth: 2 },
  note: { fill: NOTE, stroke: SURFACE, strokeWidth: 2 },
} as const;

const MARKER_TEXT: TextStyle = { size: 11, weight: 'bold', fill: SURFACE, anchor: 'middle' };

/** Room one marker takes along its row, gap included. */
export const MARKER_STEP = 22;

/** How many markers a list of comments shows: one per kind present. */
export function markerKinds(notes: readonly Comment[]): number {
  let pain = 0;
  let idea = 0;
  for (const c of notes) {
    if (c.kind === 'pain-point') pain++;
    else if (c.kind === 'idea') idea++;
  }
  return (pain > 0 ? 1 : 0) + (idea > 0 ? 1 : 0) + (notes.length - pain - idea > 0 ? 1 : 0);
}

/** Round markers, one per kind of open comment, each with its count. */
export function drawMarkers(
  painter: Painter,
  x: number,
  y: number,
  notes: readonly Comment[],
  shown: Set<Paint>,
) {
  let pain = 0;
  let idea = 0;
  for (const c of notes) {
    if (c.kind === 'pain-point') pain++;
    else if (c.kind === 'idea') idea++;
  }
  const groups: [Paint, number][] = [
    [MARKER_PAINT.pain, pain],
    [MARKER_PAINT.idea, idea],
    [MARKER_PAINT.note, notes.length - pain - idea],
  ];
  let at = x;
  for (const [paint, count] of groups) {
    if (count === 0) continue;
    painter.rect(LAYER.marks, at, y, 18, 18, 9, paint);
    painter.text(LAYER.marks, at + 9, y + 13, String(count), MARKER_TEXT);
    shown.add(paint);
    at += MARKER_STEP;
  }
}

/** Open (unresolved) comments by the step or flow they are on; map-level ones are left out. */
export function openComments(comments: readonly Comment[]): Map<string, Comment[]> {
  const out = new Map<string, Comment[]>();
  for (const c of comments) {
    if (c.resolved === true || typeof c.targetId !== 'string') continue;
    const list = out.get(c.targetId);
    if (list) list.push(c);
    else out.set(c.targetId, [c]);
  }
  return out;
}
