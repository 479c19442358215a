import type { MapIndex, Role, Step } from '@procmap/model';
import { flowColumns } from './flow-columns';

/*
 * The editor's swimlane geometry, as a pure function so the canvas and the exports draw the
 * very same picture: same lanes, same rows, same x for every step.
 */

/** Canvas measures, in flow units (pixels at zoom 1). */
export const GEOMETRY = {
  headerWidth: 220,
  stepWidth: 184,
  stepHeight: 84,
  columnWidth: 248,
  lanePadding: 28,
  rowGap: 28,
  minLaneHeight: 140,
  firstColumn: 36,
  minCanvasWidth: 1400,
} as const;

/** Gap kept between two boxes in one row; a closer box goes to the next row. */
const ROW_CLEARANCE = 16;

/** One lane band: its role, its place top to bottom, and its vertical extent. */
export interface LaneBox {
  readonly role: Role;
  readonly index: number;
  readonly y: number;
  readonly height: number;
}

/** Where a step's box sits (top-left corner; size is GEOMETRY.stepWidth × stepHeight). */
export interface StepBox {
  readonly step: Step;
  readonly x: number;
  readonly y: number;
}

/** The whole picture: lanes top to bottom, every step's box, and the canvas width. */
export interface MapGeometry {
  readonly lanes: readonly LaneBox[];
  readonly steps: readonly StepBox[];
  readonly width: number;
}

/**
 * Where everything is drawn. The lane is the step's role (data), never where a box sits: y comes
 * from the lane, x from the step's saved position or its column along the flow. Steps that would
 * overlap in a lane go to another row, and the lane grows to fit them.
 */
export function mapGeometry(index: MapIndex): MapGeometry {
  const g = GEOMETRY;
  const columns = flowColumns(index.map);
  const xOf = (step: Step) =>
    g.headerWidth +
    (step.position?.x ?? g.firstColumn + (columns.get(step.id) ?? 0) * g.columnWidth);
  const lanes: LaneBox[] = [];
  const steps: StepBox[] = [];
  let y = 0;
  let right: number = g.minCanvasWidth;
  index.lanes.forEach((role, laneIndex) => {
    const placed = index
      .stepsByRole(role.id)
      .map((step) => ({ step, x: xOf(step) }))
      .sort((a, b) => a.x - b.x);
    const rowEnds: number[] = []; // right edge of the last box in each row
    const rows = placed.map(({ x }) => {
      let row = rowEnds.findIndex((end) => end + ROW_CLEARANCE <= x);
      if (row === -1) row = rowEnds.push(0) - 1;
      rowEnds[row] = x + g.stepWidth;
      return row;
    });
    const rowCount = Math.max(1, rowEnds.length);
    const stack = rowCount * g.stepHeight + (rowCount - 1) * g.rowGap;
    const height = Math.max(g.minLaneHeight, 2 * g.lanePadding + stack);
    const top = y + (height - stack) / 2;
    placed.forEach(({ step, x }, i) => {
      steps.push({ step, x, y: top + (rows[i] as number) * (g.stepHeight + g.rowGap) });
      right = Math.max(right, x + g.stepWidth + g.columnWidth);
    });
    lanes.push({ role, index: laneIndex, y, height });
    y += height;
  });
  return { lanes, steps, width: right };
}

/** The lane at canvas height `y` (the nearest one above or below when outside every lane). */
export function laneAt(lanes: readonly LaneBox[], y: number): LaneBox | undefined {
  if (lanes.length === 0) return undefined;
  const inside = lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (inside) return inside;
  return y < (lanes[0] as LaneBox).y ? lanes[0] : lanes[lanes.length - 1];
}
