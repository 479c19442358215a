import type { MapIndex, Role, Step } from '@procmap/model';
import { flowColumns } from '@procmap/layout';

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

export interface LaneBox {
  readonly role: Role;
  readonly index: number;
  readonly y: number;
  readonly height: number;
}

export interface StepBox {
  readonly step: Step;
  readonly x: number;
  readonly y: number;
}

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
      let row = rowEnds.findIndex((end) => end + 16 <= x);
      if (row === -1) row = rowEnds.push(0) - 1;
      rowEnds[row] = x + g.stepWidth;
      return row;
    });
    const rowCount = Math.max(1, rowEnds.length);
    const height = Math.max(
      g.minLaneHeight,
      2 * g.lanePadding + rowCount * g.stepHeight + (rowCount - 1) * g.rowGap,
    );
    const top = y + (height - (rowCount * g.stepHeight + (rowCount - 1) * g.rowGap)) / 2;
    placed.forEach(({ step, x }, i) => {
      steps.push({ step, x, y: top + rows[i]! * (g.stepHeight + g.rowGap) });
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
  return y < lanes[0]!.y ? lanes[0] : lanes[lanes.length - 1];
}
