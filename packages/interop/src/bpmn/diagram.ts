import { type Element, is, list, one } from './elements';

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

/**
 * The first shape drawn for each element, by the element's id; and how many diagrams there are.
 * A sub-process drawn collapsed with its inside on a plane of its own (bpmn-js's drill-down) has
 * that plane moved to where the sub-process stands, so its steps line up with their neighbours.
 */
export function readShapes(definitions: Element): { shapes: Map<string, Shape>; diagrams: number } {
  const shapes = new Map<string, Shape>();
  const diagrams = list(definitions, 'diagrams');
  const planes = diagrams.map((d) => one(d, 'plane')).filter((p): p is Element => p !== undefined);
  const inside = (p: Element) => is(one(p, 'bpmnElement'), 'bpmn:SubProcess');
  for (const plane of [...planes.filter((p) => !inside(p)), ...planes.filter(inside)]) {
    const drawn = list(plane, 'planeElement').flatMap((shape) => {
      const element = one(shape, 'bpmnElement');
      const bounds = boundsOf(shape);
      return element?.id && bounds ? [{ id: element.id, shape, bounds }] : [];
    });
    const host = one(plane, 'bpmnElement')?.id;
    const at = inside(plane) && host !== undefined ? shapes.get(host)?.bounds : undefined;
    const dx = at ? at.x - Math.min(...drawn.map((d) => d.bounds.x)) : 0;
    const dy = at ? at.y - Math.min(...drawn.map((d) => d.bounds.y)) : 0;
    for (const { id, shape, bounds } of drawn) {
      if (shapes.has(id)) continue;
      const h = shape.isHorizontal;
      const e = shape.isExpanded;
      shapes.set(id, {
        bounds: { ...bounds, x: bounds.x + dx, y: bounds.y + dy },
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
