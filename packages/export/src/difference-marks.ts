import { GEOMETRY, type StepBox } from '@procmap/layout';
import { LAYER, type Painter, type TextStyle } from './painter';
import type { LegendEntry, Paint } from './scene';
import { OK, SURFACE, WARN } from './theme';
import { textWidth, truncate } from './text';

/*
 * A scenario's differences from the as-is, marked on its map: a new step outlined in green and
 * tagged "New", a changed step tagged with what changed ("Changed: wait, work"), a step in
 * another lane tagged "Moved from Clerk". A step that both moved and changed has both tags, the
 * move stacked above, as the canvas shows them, so neither is cut short by the other. The tags
 * are words, not only colours, so the page reads the same printed in grey.
 */

/** Which steps of the drawn process differ from the as-is, by step id. */
export interface DifferenceMarks {
  /** Steps the as-is does not have. */
  readonly added: ReadonlySet<string>;
  /** Steps the as-is has with other fields, each with the short words its tag shows. */
  readonly changed: ReadonlyMap<string, string>;
  /** Steps the as-is has in another lane, each with that lane's name. */
  readonly moved?: ReadonlyMap<string, string>;
}

const W = GEOMETRY.stepWidth;
const H = GEOMETRY.stepHeight;
const TAG_SIZE = 11;
const TAG_H = 18;
/** Space between two stacked tags. */
const TAG_GAP = 3;
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
  const from = marks.moved?.get(id);
  const tags = [
    ...(from === undefined ? [] : [`Moved from ${from}`]),
    ...(words === undefined ? [] : [`Changed: ${words}`]),
  ];
  // The lowest tag sits on the step's edge; each one before it a tag higher.
  tags.forEach((text, i) => {
    tag(painter, box, text, CHANGED_TAG, tags.length - 1 - i);
  });
  return tags.length > 0;
}

/**
 * A tag on the step's upper left edge, where the canvas puts comment markers; `above` tags
 * higher when it is stacked over others.
 */
function tag(painter: Painter, { x, y }: StepBox, text: string, paint: Paint, above = 0) {
  const shown = truncate(text, TAG_MAX - 12, TAG_SIZE, 'bold');
  const w = Math.round(textWidth(shown, TAG_SIZE, 'bold') + 12);
  const top = y - TAG_H / 2 - 2 - above * (TAG_H + TAG_GAP);
  painter.rect(LAYER.marks, x + 6, top, w, TAG_H, TAG_H / 2, paint);
  painter.text(LAYER.marks, x + 12, top + TAG_H / 2 + 4, shown, TAG_TEXT);
}

/** The legend's entries for the marks drawn (a moved step is a changed one: its lane changed). */
export function differenceLegend(drawn: { added: boolean; changed: boolean }): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (drawn.added) out.push({ kind: 'marker', color: OK, label: 'New step' });
  if (drawn.changed) out.push({ kind: 'marker', color: WARN, label: 'Changed step' });
  return out;
}
