import { GEOMETRY } from '@procmap/layout';
import type { Position } from '@procmap/model';
import type { Placed } from './structure';

/*
 * Where each step goes along its lane. procmap draws lanes as rows with the flow running left
 * to right, and keeps of a step's position only how far along the lane it is (`x`; `y` is kept
 * as the offset across the lane, for information). A draw.io diagram with lanes as columns
 * (header on top) runs top to bottom, so there the distance down the lane becomes `x`. draw.io
 * boxes are smaller than procmap's, so distances are stretched by the ratio of the two box
 * lengths: boxes that stood apart stay apart, in the same order.
 */

const median = (values: number[]) => {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] as number);
};

/**
 * Each step's position, in the order given. `columns`: whether the flow runs down the page
 * (lanes as columns, draw.io's default swimlane with its header on top) rather than across it
 * (lanes as rows, `horizontal=0`). `isTask`: which steps are task boxes, whose length gives the
 * stretch (circles and diamonds are smaller than the boxes between them).
 */
export function stepPositions(
  steps: readonly Placed[],
  columns: boolean,
  isTask: readonly boolean[],
): Position[] {
  if (steps.length === 0) return [];
  const along = (p: Placed) => (columns ? p.box.y : p.box.x);
  const length = (p: Placed) => (columns ? p.box.height : p.box.width);
  const across = (p: Placed) => {
    if (!p.lane) return 0;
    return columns ? p.box.x - p.lane.box.x : p.box.y - p.lane.box.y;
  };
  const start = steps.reduce((least, p) => Math.min(least, along(p)), Number.POSITIVE_INFINITY);
  const tasks = steps.filter((_, i) => isTask[i]);
  const typical = median((tasks.length > 0 ? tasks : steps).map(length));
  const stretch = typical > 0 ? Math.max(1, GEOMETRY.stepWidth / typical) : 1;
  return steps.map((p) => ({
    x: Math.round((along(p) - start) * stretch),
    y: Math.round(across(p)),
  }));
}

/**
 * Whether a diagram without lanes runs down the page: its connectors, from the centre of one
 * shape to the next, go further down than across in all.
 */
export function flowsRunDown(pairs: readonly (readonly [Placed, Placed])[]): boolean {
  let down = 0;
  let across = 0;
  for (const [a, b] of pairs) {
    down += Math.abs(b.box.y + b.box.height / 2 - (a.box.y + a.box.height / 2));
    across += Math.abs(b.box.x + b.box.width / 2 - (a.box.x + a.box.width / 2));
  }
  return down > across;
}
