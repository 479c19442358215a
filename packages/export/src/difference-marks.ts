import { GEOMETRY, type StepBox } from '@procmap/layout';
import { LAYER, type Painter, type TextStyle } from './painter';
import type { LegendEntry, Paint } from './scene';
import { OK, SURFACE, WARN } from './theme';
import { textWidth, truncate } from './text';

/*
 * A scenario's differences from the as-is, marked on its map: a new step outlined in green and
 * tagged "New", a changed step tagged with what changed ("wait, work", "moved from Clerk"). The
 * tags are words, not only colours, so the page reads the same printed in grey.
 */

/** Which steps of the drawn process differ from the as-is, by step id. */
export interface DifferenceMarks {
  /** Steps the as-is does not have. */
  readonly added: ReadonlySet<string>;
  /** Steps the as-is has in another form, each with the short words its tag shows. */
  readonly changed: ReadonlyMap<string, string>;
}

const W = GEOMETRY.stepWidth;
const H = GEOMETRY.stepHeight;
const TAG_SIZE = 11;
const TAG_H = 18;
/** Widest tag, in units: a long list of fields is cut short with an ellipsis. */
const TAG_MAX = 320;
const ADDED_OUTLINE: Paint = { stroke: OK, strokeWidth: 4 };
const ADDED_TAG: Paint = { fill: OK, stroke: SURFACE, strokeWidth: 1.5 };
const CHANGED_TAG: Paint = { fill: WARN, stroke: SURFACE, strokeWidth: 1.5 };
const TAG_TEXT: TextStyle = { size: TAG_SIZE, weight: 'bold', fill: SURFACE, anchor: 'start' };

/** Marks one step when it differs; returns whether it did. */
export function drawDifference(painter: Painter, box: StepBox, marks: DifferenceMarks): boolean {
  const id = box.step.id as string;
  if (marks.added.has(id)) {
    painter.rect(LAYER.marks, box.x - 5, box.y - 5, W + 10, H + 10, 10, ADDED_OUTLINE);
    tag(painter, box, 'New', ADDED_TAG);
    return true;
  }
  const words = marks.changed.get(id);
  if (words === undefined) return false;
  tag(painter, box, `Changed: ${words}`, CHANGED_TAG);
  return true;
}

/** A tag on the step's upper left edge, where the canvas puts comment markers. */
function tag(painter: Painter, { x, y }: StepBox, text: string, paint: Paint) {
  const shown = truncate(text, TAG_MAX - 12, TAG_SIZE, 'bold');
  const w = Math.round(textWidth(shown, TAG_SIZE, 'bold') + 12);
  painter.rect(LAYER.marks, x + 6, y - TAG_H / 2 - 2, w, TAG_H, TAG_H / 2, paint);
  painter.text(LAYER.marks, x + 12, y + 2, shown, TAG_TEXT);
}

/** The legend's entries for the marks drawn. */
export function differenceLegend(drawn: { added: boolean; changed: boolean }): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (drawn.added) out.push({ kind: 'marker', color: OK, label: 'New step' });
  if (drawn.changed) out.push({ kind: 'marker', color: WARN, label: 'Changed step' });
  return out;
}
