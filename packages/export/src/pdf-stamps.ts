import {
  appendBezierCurve,
  closePath,
  concatTransformationMatrix,
  drawObject,
  fill,
  fillAndStroke,
  lineTo,
  moveTo,
  type PDFDocument,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  setDashPattern,
  setFillingRgbColor,
  setLineWidth,
  setStrokingRgbColor,
  stroke,
} from 'pdf-lib';
import type { RectItem } from './scene';

/*
 * Rounded boxes drawn many times alike — every task of a map is the same box in another place —
 * as one PDF form each, placed by a matrix. A thousand steps then cost a thousand short
 * placements instead of a thousand paths of curves, in the file and in the time to write it.
 */

/** Bezier handle length for a quarter circle of radius 1. */
const K = 0.5523;

/** A rounded rectangle's outline with its top-left corner at the origin, y down. */
function outline(w: number, h: number, r0: number): PDFOperator[] {
  const r = Math.min(r0, w / 2, h / 2);
  const k = r * K;
  return [
    moveTo(r, 0),
    lineTo(w - r, 0),
    appendBezierCurve(w - r + k, 0, w, r - k, w, r),
    lineTo(w, h - r),
    appendBezierCurve(w, h - r + k, w - r + k, h, w - r, h),
    lineTo(r, h),
    appendBezierCurve(r - k, h, 0, h - r + k, 0, h - r),
    lineTo(0, r),
    appendBezierCurve(0, r - k, r - k, 0, r, 0),
    closePath(),
  ];
}

/** The forms of one PDF, and each page's names for them. */
export class Stamps {
  private readonly forms = new Map<string, PDFRef>();
  private readonly names = new Map<PDFPage, Map<PDFRef, PDFName>>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly color: (hex: string) => RGB,
  ) {}

  /** Draws a rounded box with its top-left corner at page point (x, y), scaled. */
  place(page: PDFPage, it: RectItem, x: number, y: number, scale: number): void {
    const key = `${it.w} ${it.h} ${it.rx} ${it.fill} ${it.stroke} ${it.strokeWidth} ${it.dash}`;
    let form = this.forms.get(key);
    if (!form) {
      form = this.doc.context.register(this.form(it));
      this.forms.set(key, form);
    }
    let names = this.names.get(page);
    if (!names) {
      names = new Map();
      this.names.set(page, names);
    }
    let name = names.get(form);
    if (!name) {
      name = page.node.newXObject('Box', form);
      names.set(form, name);
    }
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(scale, 0, 0, -scale, x, y),
      drawObject(name),
      popGraphicsState(),
    );
  }

  private form(it: RectItem) {
    const ops: PDFOperator[] = [];
    if (it.fill) {
      const c = this.color(it.fill);
      ops.push(setFillingRgbColor(c.red, c.green, c.blue));
    }
    const width = it.strokeWidth ?? 1;
    if (it.stroke) {
      const c = this.color(it.stroke);
      ops.push(setStrokingRgbColor(c.red, c.green, c.blue), setLineWidth(width));
      if (it.dash) ops.push(setDashPattern([...it.dash], 0));
    }
    ops.push(...outline(it.w, it.h, it.rx ?? 0));
    ops.push(it.fill && it.stroke ? fillAndStroke() : it.stroke ? stroke() : fill());
    const pad = it.stroke ? width : 0;
    return this.doc.context.formXObject(ops, {
      BBox: this.doc.context.obj([-pad, -pad, it.w + pad, it.h + pad]),
    });
  }
}
