import type { Bounds } from './diagram-layout';

/*
 * Boxes in buckets of a coarse grid, for "what lies near here" without looking at every box:
 * the diagram's routes and labels ask it for the shapes, labels and lines around them, so a map
 * of thousands of steps is laid out in time linear in its size.
 */

const CELL = 256;

export class BoxIndex<T extends Bounds = Bounds> {
  private readonly cells = new Map<number, T[]>();
  private stamp = 0;
  private readonly seen = new Map<T, number>();

  private static key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  add(box: T): void {
    const x0 = Math.floor(box.x / CELL);
    const x1 = Math.floor((box.x + box.width) / CELL);
    const y0 = Math.floor(box.y / CELL);
    const y1 = Math.floor((box.y + box.height) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = BoxIndex.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(box);
        else this.cells.set(k, [box]);
      }
    }
  }

  /** Every box whose bounds meet the area (each once), in the order they were added per cell. */
  near(area: Bounds): T[] {
    this.stamp++;
    const out: T[] = [];
    const x0 = Math.floor(area.x / CELL);
    const x1 = Math.floor((area.x + area.width) / CELL);
    const y0 = Math.floor(area.y / CELL);
    const y1 = Math.floor((area.y + area.height) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const box of this.cells.get(BoxIndex.key(cx, cy)) ?? []) {
          if (this.seen.get(box) === this.stamp) continue;
          this.seen.set(box, this.stamp);
          if (
            box.x < area.x + area.width &&
            area.x < box.x + box.width &&
            box.y < area.y + area.height &&
            area.y < box.y + box.height
          ) {
            out.push(box);
          }
        }
      }
    }
    return out;
  }
}

/** Whether the axis-parallel segment p–q passes through the inside of `b` grown by `grow`. */
export function segmentHits(
  px: number,
  py: number,
  qx: number,
  qy: number,
  b: Bounds,
  grow: number,
): boolean {
  const e = 0.5 - grow;
  return (
    Math.max(px, qx) > b.x + e &&
    Math.min(px, qx) < b.x + b.width - e &&
    Math.max(py, qy) > b.y + e &&
    Math.min(py, qy) < b.y + b.height - e
  );
}
