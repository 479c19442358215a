import { ByteWriter, QUOTE, SPACE } from './byte-writer';
import {
  type Curve,
  LAYER,
  LAYER_COUNT,
  type Layer,
  type Painter,
  type TextStyle,
} from './painter';
import type { Paint } from './scene';

/*
 * Writes SVG as the map is drawn, one buffer per layer. Only a fixed vocabulary of elements is
 * written (defs, marker, g, rect, path, polygon, text) with numeric or escaped attributes. Consecutive items
 * of a layer drawn alike share one <g> carrying their paint or text style, so each box of a big
 * map is little more than its coordinates. A flow's arrowhead is an SVG marker, one per colour,
 * defined in the document itself (the only reference the file makes, and only to itself).
 */

type Style =
  | { readonly text: false; readonly paint: Paint; readonly marker: string | undefined }
  | { readonly text: true; readonly style: TextStyle };

const samePaint = (a: Paint, b: Paint) =>
  a.fill === b.fill &&
  a.stroke === b.stroke &&
  a.strokeWidth === b.strokeWidth &&
  a.dash === b.dash;

const sameText = (a: TextStyle, b: TextStyle) =>
  a.size === b.size && a.weight === b.weight && a.fill === b.fill && a.anchor === b.anchor;

export class SvgPainter implements Painter {
  /** Keeps the painter's hidden class alive between exports (see ByteWriter.kept). */
  static kept: SvgPainter | undefined;

  private readonly out: ByteWriter[] = Array.from(
    { length: LAYER_COUNT },
    () => new ByteWriter(1 << 16),
  );
  private readonly open: (Style | undefined)[] = new Array(LAYER_COUNT).fill(undefined);
  /** Arrowhead markers by colour: their ids, in the order first used. */
  private readonly markers = new Map<string, string>();

  /** The layer's writer, inside a group for this paint (a new group when it differs). */
  private shapeGroup(layer: Layer, paint: Paint, marker?: string): ByteWriter {
    const w = this.out[layer] as ByteWriter;
    const current = this.open[layer];
    if (current && !current.text && current.marker === marker && samePaint(current.paint, paint)) {
      return w;
    }
    if (current) w.ascii('</g>\n');
    this.open[layer] = { text: false, paint, marker };
    w.ascii('<g fill="');
    if (paint.fill) w.text(paint.fill);
    else w.ascii('none');
    w.ascii('"');
    if (paint.stroke) {
      w.ascii(' stroke="');
      w.text(paint.stroke);
      w.ascii('" stroke-width="');
      w.num(paint.strokeWidth ?? 1);
      w.ascii('"');
    }
    if (paint.dash) {
      w.ascii(' stroke-dasharray="');
      this.numbers(w, paint.dash);
      w.ascii('"');
    }
    if (marker) w.ascii(` marker-end="url(#${marker})"`);
    w.ascii('>');
    return w;
  }

  private textGroup(layer: Layer, style: TextStyle): ByteWriter {
    const w = this.out[layer] as ByteWriter;
    const current = this.open[layer];
    if (current?.text && sameText(current.style, style)) return w;
    if (current) w.ascii('</g>\n');
    this.open[layer] = { text: true, style };
    w.ascii('<g font-size="');
    w.num(style.size);
    w.ascii('"');
    if (style.weight === 'bold') w.ascii(' font-weight="bold"');
    if (style.anchor !== 'start') {
      w.ascii(' text-anchor="');
      w.ascii(style.anchor === 'end' ? 'end' : 'middle');
      w.ascii('"');
    }
    w.ascii(' fill="');
    w.text(style.fill);
    w.ascii('">');
    return w;
  }

  private numbers(w: ByteWriter, list: readonly number[]): void {
    const last = list.length - 1;
    for (let i = 0; i < last; i++) w.num(list[i] as number, SPACE);
    if (last >= 0) w.num(list[last] as number);
  }

  rect(layer: Layer, x: number, y: number, width: number, h: number, rx: number, paint: Paint) {
    const w = this.shapeGroup(layer, paint);
    w.put('<rect x="', x, QUOTE);
    w.put(' y="', y, QUOTE);
    w.put(' width="', width, QUOTE);
    w.put(' height="', h, QUOTE);
    if (rx) w.put(' rx="', rx, QUOTE);
    w.ascii('/>');
  }

  path(layer: Layer, d: string, _box: unknown, paint: Paint): void {
    const w = this.shapeGroup(layer, paint);
    w.ascii('<path d="');
    w.text(d);
    w.ascii('"/>');
  }

  /** The curve with relative control points (shorter numbers), its head a marker. */
  flowLine(c: Curve, _head: readonly number[], _box: unknown, paint: Paint): void {
    const color = paint.stroke ?? '#000000';
    let marker = this.markers.get(color);
    if (marker === undefined) {
      // Named by colour, so two SVGs on one web page that share an id share its look too.
      marker = `procmap-arrow-${color.replace(/[^0-9a-zA-Z]/g, '')}`;
      this.markers.set(color, marker);
    }
    const w = this.shapeGroup(LAYER.lines, paint, marker);
    w.put('<path d="M', c.x0, SPACE);
    w.num(c.y0, 99); // c
    w.num(c.x1 - c.x0, SPACE);
    w.num(c.y1 - c.y0, SPACE);
    w.num(c.x2 - c.x0, SPACE);
    w.num(c.y2 - c.y0, SPACE);
    w.num(c.x3 - c.x0, SPACE);
    w.num(c.y3 - c.y0, QUOTE);
    w.ascii('/>');
  }

  polygon(layer: Layer, points: readonly number[], paint: Paint): void {
    const w = this.shapeGroup(layer, paint);
    w.ascii('<polygon points="');
    this.numbers(w, points);
    w.ascii('"/>');
  }

  text(layer: Layer, x: number, y: number, text: string, style: TextStyle): void {
    const w = this.textGroup(layer, style);
    w.put('<text x="', x, QUOTE);
    w.put(' y="', y, QUOTE);
    w.ascii('>');
    w.text(text);
    w.ascii('</text>');
  }

  /**
   * The markers' definitions, then every layer bottom to top; open groups are closed. A head
   * is the triangle drawMap gives a flow: 10 long, 10 wide, from the line's end.
   */
  finish(): ByteWriter[] {
    const defs = new ByteWriter(256);
    if (this.markers.size > 0) {
      defs.ascii('<defs>');
      for (const [color, id] of this.markers) {
        defs.ascii(
          `<marker id="${id}" viewBox="0 -5 10 10" refX="0" refY="0" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 -5L10 0L0 5Z" fill="`,
        );
        defs.text(color);
        defs.ascii('"/></marker>');
      }
      defs.ascii('</defs>\n');
    }
    for (let layer = 0; layer < LAYER_COUNT; layer++) {
      if (this.open[layer]) this.out[layer]?.ascii('</g>\n');
      this.open[layer] = undefined;
    }
    return [defs, ...this.out];
  }
}

SvgPainter.kept = new SvgPainter();
