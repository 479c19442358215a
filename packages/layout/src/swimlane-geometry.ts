import { lanesInOrder, type ProcessMap, type Role, type Step } from '@procmap/model';
import { stepColumns } from './flow-columns';

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
  /** How many steps the lane holds. */
  readonly count: number;
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
  /** The box of a step by id (undefined for a step not drawn). */
  boxOf(id: string): StepBox | undefined;
}

/**
 * Where everything is drawn. The lane is the step's role (data), never where a box sits: y comes
 * from the lane, x from the step's saved position or its column along the flow. Steps that would
 * overlap in a lane go to another row, and the lane grows to fit them. Expects a normalized map
 * (normalize() in the model): with ids repeated, only the first step or lane of an id is used,
 * and a step whose role has no lane is not drawn. Linear apart from sorting each lane by x: the
 * exports call this for maps of thousands of steps.
 */
export function mapGeometry(map: ProcessMap): MapGeometry {
  const g = GEOMETRY;
  const { steps: unique, indexOf, column } = stepColumns(map);
  const roles = lanesInOrder(map.roles);
  const laneOf = new Map<string, number>();
  roles.forEach((role, i) => {
    if (!laneOf.has(role.id)) laneOf.set(role.id, i);
  });
  // Each lane's steps in map order, with the x they are drawn at.
  const placed: { step: Step; x: number; i: number }[][] = roles.map(() => []);
  for (let i = 0; i < unique.length; i++) {
    const step = unique[i] as Step;
    const lane = laneOf.get(step.roleId);
    if (lane === undefined) continue;
    const x =
      g.headerWidth + (step.position?.x ?? g.firstColumn + (column[i] ?? 0) * g.columnWidth);
    placed[lane]?.push({ step, x, i });
  }
  const boxes: (StepBox | undefined)[] = new Array(unique.length).fill(undefined);
  const lanes: LaneBox[] = [];
  const steps: StepBox[] = [];
  let y = 0;
  let right: number = g.minCanvasWidth;
  roles.forEach((role, laneIndex) => {
    const inLane = (placed[laneIndex] ?? []).sort((a, b) => a.x - b.x);
    const rowEnds: number[] = []; // right edge of the last box in each row
    const rows = new Int32Array(inLane.length);
    for (let i = 0; i < inLane.length; i++) {
      const x = (inLane[i] as { x: number }).x;
      let row = 0;
      while (row < rowEnds.length && (rowEnds[row] as number) + ROW_CLEARANCE > x) row++;
      rowEnds[row] = x + g.stepWidth;
      rows[i] = row;
    }
    const rowCount = Math.max(1, rowEnds.length);
    const stack = rowCount * g.stepHeight + (rowCount - 1) * g.rowGap;
    const height = Math.max(g.minLaneHeight, 2 * g.lanePadding + stack);
    const top = y + (height - stack) / 2;
    for (let i = 0; i < inLane.length; i++) {
      const { step, x, i: at } = inLane[i] as { step: Step; x: number; i: number };
      const box = { step, x, y: top + (rows[i] as number) * (g.stepHeight + g.rowGap) };
      steps.push(box);
      boxes[at] = box;
      if (x + g.stepWidth + g.columnWidth > right) right = x + g.stepWidth + g.columnWidth;
    }
    lanes.push({ role, index: laneIndex, y, height, count: inLane.length });
    y += height;
  });
  const boxOf = (id: string) => {
    const at = indexOf.get(id);
    return at === undefined ? undefined : boxes[at];
  };
  return { lanes, steps, width: right, boxOf };
}

/** The lane at canvas height `y` (the nearest one above or below when outside every lane). */
export function laneAt(lanes: readonly LaneBox[], y: number): LaneBox | undefined {
  if (lanes.length === 0) return undefined;
  const inside = lanes.find((l) => y >= l.y && y < l.y + l.height);
  if (inside) return inside;
  return y < (lanes[0] as LaneBox).y ? lanes[0] : lanes[lanes.length - 1];
}
