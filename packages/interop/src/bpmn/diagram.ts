import { type Element, list, one } from './elements';

/*
 * Where the file's diagrams (BPMN DI) draw things. A file may hold several diagrams; an element
 * drawn in more than one keeps its first shape. Steps are placed along the flow: the x of a
 * shape's centre in a horizontal pool, its y in a vertical one (isHorizontal="false"), measured
 * from the leftmost (topmost) shape and widened to procmap's larger boxes. Lanes are ordered
 * across the flow: top to bottom, or left to right when vertical.
 */

/** How much wider procmap draws than BPMN tools: its steps are 184 wide, a BPMN task 100. */
export const DI_SCALE = 1.8;

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Shape {
  readonly bounds: Bounds;
  readonly isHorizontal?: boolean;
  readonly isExpanded?: boolean;
}

function boundsOf(shape: Element): Bounds | undefined {
  const b = one(shape, 'bounds');
  if (!b) return undefined;
  const n = (k: string) => (typeof b[k] === 'number' ? (b[k] as number) : Number.NaN);
  const bounds = { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
  return Object.values(bounds).every(Number.isFinite) ? bounds : undefined;
}

/** The first shape drawn for each element, by the element's id; and how many diagrams there are. */
export function readShapes(definitions: Element): { shapes: Map<string, Shape>; diagrams: number } {
  const shapes = new Map<string, Shape>();
  const diagrams = list(definitions, 'diagrams');
  for (const diagram of diagrams) {
    for (const shape of list(one(diagram, 'plane'), 'planeElement')) {
      const element = one(shape, 'bpmnElement');
      const bounds = boundsOf(shape);
      if (!element?.id || !bounds || shapes.has(element.id)) continue;
      const h = shape.isHorizontal;
      const e = shape.isExpanded;
      shapes.set(element.id, {
        bounds,
        ...(typeof h === 'boolean' ? { isHorizontal: h } : {}),
        ...(typeof e === 'boolean' ? { isExpanded: e } : {}),
      });
    }
  }
  return { shapes, diagrams: diagrams.length };
}

/** Where along the flow a shape's centre is (x, or y when the pool is vertical). */
export function alongFlow(shape: Shape, vertical: boolean): number {
  const b = shape.bounds;
  return vertical ? b.y + b.height / 2 : b.x + b.width / 2;
}

/** Where across the flow a lane or pool starts (its top, or its left when vertical). */
export function acrossFlow(shape: Shape, vertical: boolean): number {
  return vertical ? shape.bounds.x : shape.bounds.y;
}
