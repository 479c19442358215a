import type { Cell } from './cells';
import { isEdgeLabel, isGroup, isSwimlane, isText } from './style';

/*
 * What each cell of a page is, found by walking the cells from the root down, parents before
 * children (breadth first, no recursion): lanes (swimlanes holding no swimlanes), pools
 * (swimlanes holding lanes), steps (other shapes), the parts of a step (shapes drawn inside a
 * shape: a connector may end on one), text boxes, connectors and their label cells. Positions
 * are made absolute on the way down, as draw.io stores each child relative to its parent. A
 * cell whose parents form a loop is never reached, and is counted.
 */

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Lane {
  readonly cell: Cell;
  readonly box: Box;
  /** The pool holding it, if any. */
  readonly pool: Cell | undefined;
}

export interface Placed {
  readonly cell: Cell;
  readonly box: Box;
  /** The lane it was drawn in, if any. */
  readonly lane: Lane | undefined;
  /** The pool it was drawn in (outside any of its lanes), if any. */
  readonly pool: Cell | undefined;
}

export interface PageStructure {
  readonly lanes: readonly Lane[];
  readonly pools: readonly Cell[];
  readonly steps: readonly Placed[];
  readonly texts: readonly Placed[];
  readonly edges: readonly Cell[];
  /** Label cells of each connector, by the connector's id. */
  readonly edgeLabels: ReadonlyMap<string, readonly Cell[]>;
  /** The step a cell belongs to, by cell id: a step itself, or a shape drawn inside one. */
  readonly stepOf: ReadonlyMap<string, string>;
  /** Cells never reached from the root (their parents form a loop). */
  readonly unreachable: number;
}

interface Context {
  readonly x: number;
  readonly y: number;
  readonly lane?: Lane;
  readonly pool?: Cell;
  /** The step whose parts these are. */
  readonly owner?: string;
  /** The connector these cells label. */
  readonly edge?: string;
}

const boxOf = (cell: Cell, at: Context): Box => {
  const g = cell.geometry;
  if (!g || g.relative) return { x: at.x, y: at.y, width: 0, height: 0 };
  return { x: at.x + g.x, y: at.y + g.y, width: g.width, height: g.height };
};

/** Classifies the cells of one page. */
export function pageStructure(cells: readonly Cell[]): PageStructure {
  const byId = new Map<string, Cell>();
  for (const cell of cells) if (!byId.has(cell.id)) byId.set(cell.id, cell);
  const children = new Map<string, Cell[]>();
  const tops: Cell[] = [];
  for (const cell of cells) {
    if (cell.parent === undefined || !byId.has(cell.parent) || cell.parent === cell.id) {
      tops.push(cell);
      continue;
    }
    const list = children.get(cell.parent);
    if (list) list.push(cell);
    else children.set(cell.parent, [cell]);
  }
  const holdsSwimlane = (cell: Cell) =>
    (children.get(cell.id) ?? []).some((c) => c.vertex && isSwimlane(c.style));

  const lanes: Lane[] = [];
  const pools: Cell[] = [];
  const steps: Placed[] = [];
  const texts: Placed[] = [];
  const edges: Cell[] = [];
  const edgeLabels = new Map<string, Cell[]>();
  const stepOf = new Map<string, string>();
  const seen = new Set<Cell>();

  const queue: [Cell, Context][] = tops.map((cell) => [cell, { x: 0, y: 0 }]);
  for (let head = 0; head < queue.length; head++) {
    const [cell, at] = queue[head] as [Cell, Context];
    if (seen.has(cell)) continue;
    seen.add(cell);
    let inner: Context = at;
    if (at.edge !== undefined) {
      // A cell drawn on a connector is its label, whatever its style.
      if (cell.vertex) edgeLabels.set(at.edge, [...(edgeLabels.get(at.edge) ?? []), cell]);
    } else if (cell.edge) {
      edges.push(cell);
      inner = { x: at.x, y: at.y, edge: cell.id };
    } else if (cell.vertex) {
      const box = boxOf(cell, at);
      const moved = { ...at, x: box.x, y: box.y };
      if (at.owner !== undefined) {
        stepOf.set(cell.id, at.owner);
        inner = moved;
      } else if (isSwimlane(cell.style)) {
        if (holdsSwimlane(cell)) {
          pools.push(cell);
          inner = { x: box.x, y: box.y, pool: cell };
        } else {
          const lane = { cell, box, pool: at.pool };
          lanes.push(lane);
          inner = { x: box.x, y: box.y, lane, pool: at.pool };
        }
      } else if (isGroup(cell.style)) {
        inner = moved;
      } else if (isText(cell.style) || isEdgeLabel(cell.style)) {
        texts.push({ cell, box, lane: at.lane, pool: at.pool });
        inner = { ...moved, owner: cell.id };
      } else {
        steps.push({ cell, box, lane: at.lane, pool: at.lane ? undefined : at.pool });
        stepOf.set(cell.id, cell.id);
        inner = { ...moved, owner: cell.id };
      }
    }
    for (const child of children.get(cell.id) ?? []) queue.push([child, inner]);
  }
  const unreachable = cells.filter((c) => !seen.has(c)).length;
  return { lanes, pools, steps, texts, edges, edgeLabels, stepOf, unreachable };
}
