import type { Item, Paint, TextItem } from './scene';

/*
 * What a map is drawn onto. The map is drawn once, by drawMap, onto either painter: one that
 * keeps the items as a scene (pages, tiles, the report) and one that writes SVG as it goes
 * (a file of thousands of steps without a scene of thousands of objects in between). So the
 * SVG and the PDF show the same picture by construction.
 */

/** The body's layers, bottom to top; the lane headers are drawn over all of them. */
export const LAYER = {
  bands: 0,
  lines: 1,
  arrows: 2,
  flowLabels: 3,
  shapes: 4,
  labels: 5,
  marks: 6,
  headers: 7,
} as const;
export type Layer = (typeof LAYER)[keyof typeof LAYER];
export const LAYER_COUNT = 8;

/** How a line of text is set. */
export type TextStyle = Pick<TextItem, 'size' | 'weight' | 'fill' | 'anchor'>;

/** A cubic curve from (x0, y0) to (x3, y3). */
export interface Curve {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly x3: number;
  readonly y3: number;
}

/** Bounds [x, y, w, h], so a tile can skip what it does not show. */
export type Box = readonly [number, number, number, number];

/** Receives the drawing of a map, layer by layer; items of one layer keep their order. */
export interface Painter {
  rect(layer: Layer, x: number, y: number, w: number, h: number, rx: number, paint: Paint): void;
  /** An SVG path (`M L H V C A Z`, absolute); `box` bounds it. */
  path(layer: Layer, d: string, box: Box | undefined, paint: Paint): void;
  polygon(layer: Layer, points: readonly number[], paint: Paint): void;
  text(layer: Layer, x: number, y: number, text: string, style: TextStyle): void;
  /**
   * A flow: `curve` (stroked with `paint`) stops at the base of an arrowhead filled in the
   * stroke's colour; `head` is the head's triangle [tip x, tip y, x, y, x, y]. The curve is
   * drawn on the lines layer. The scene puts the head on the arrows layer, above every line; the
   * SVG draws it as a marker, with its line (a later line may cross an earlier head).
   */
  flowLine(curve: Curve, head: readonly number[], box: Box, paint: Paint): void;
}

/** Draws scene items (a title block, say) onto a painter. */
export function paintItems(painter: Painter, layer: Layer, items: readonly Item[]): void {
  for (const it of items) {
    switch (it.type) {
      case 'rect':
        painter.rect(layer, it.x, it.y, it.w, it.h, it.rx ?? 0, it);
        break;
      case 'path':
        painter.path(layer, it.d, it.box, it);
        break;
      case 'polygon':
        painter.polygon(layer, it.points, it);
        break;
      case 'text':
        painter.text(layer, it.x, it.y, it.text, it);
        break;
    }
  }
}
