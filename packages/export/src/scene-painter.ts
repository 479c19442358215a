import {
  type Box,
  type Curve,
  LAYER,
  LAYER_COUNT,
  type Layer,
  type Painter,
  type TextStyle,
} from './painter';
import type { Item, Paint } from './scene';

/**
 * Keeps what is drawn as scene items, layer by layer. Every item of a type has the same fields
 * (absent ones undefined), which keeps building a scene of thousands of items fast.
 */
export class ScenePainter implements Painter {
  /** Keeps the painter's hidden class alive between exports (see ByteWriter.kept). */
  static kept: ScenePainter | undefined;

  readonly layers: Item[][] = Array.from({ length: LAYER_COUNT }, () => []);
  /** Arrowheads' paint by line colour. */
  private readonly heads = new Map<string | undefined, Paint>();

  rect(layer: Layer, x: number, y: number, w: number, h: number, rx: number, paint: Paint): void {
    const { fill, stroke, strokeWidth, dash } = paint;
    this.layers[layer]?.push({ type: 'rect', x, y, w, h, rx, fill, stroke, strokeWidth, dash });
  }

  path(layer: Layer, d: string, box: Box | undefined, paint: Paint): void {
    const { fill, stroke, strokeWidth, dash } = paint;
    this.layers[layer]?.push({ type: 'path', d, box, fill, stroke, strokeWidth, dash });
  }

  flowLine(c: Curve, head: readonly number[], box: Box, paint: Paint): void {
    const d = `M${c.x0} ${c.y0}C${c.x1} ${c.y1} ${c.x2} ${c.y2} ${c.x3} ${c.y3}`;
    this.path(LAYER.lines, d, box, paint);
    let fill = this.heads.get(paint.stroke);
    if (!fill) {
      fill = { fill: paint.stroke };
      this.heads.set(paint.stroke, fill);
    }
    this.polygon(LAYER.arrows, head, fill);
  }

  polygon(layer: Layer, points: readonly number[], paint: Paint): void {
    const { fill, stroke, strokeWidth, dash } = paint;
    this.layers[layer]?.push({ type: 'polygon', points, fill, stroke, strokeWidth, dash });
  }

  text(layer: Layer, x: number, y: number, text: string, style: TextStyle): void {
    const { size, weight, fill, anchor } = style;
    this.layers[layer]?.push({ type: 'text', x, y, text, size, weight, fill, anchor });
  }
}

ScenePainter.kept = new ScenePainter();
