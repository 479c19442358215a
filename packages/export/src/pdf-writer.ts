import fontkit from '@pdf-lib/fontkit';
import {
  clip,
  endPath,
  type PDFFont,
  type PDFPage,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
} from 'pdf-lib';
import { type FontFace, ShapedText } from './pdf-shaped-text';
import { Stamps } from './pdf-stamps';
import type { Item } from './scene';
import { type FontWeight, textWidth } from './text';

/*
 * Drawing scene items on pdf-lib pages: vector shapes, and text in the embedded font (subset
 * to the characters used), so every label stays selectable and searchable.
 */

/**
 * Font files (TrueType bytes) to embed, as subsets of the glyphs used; the caller reads them
 * (this package reads no files: see BUNDLED_FONTS for the ones it ships).
 */
export interface ExportFonts {
  /** Latin, Greek, Cyrillic and Hebrew text. */
  readonly regular: Uint8Array;
  /** Headings and lane names; the regular face is used when absent. */
  readonly bold?: Uint8Array;
  /**
   * Arabic-script text, shaped (joined letters, marks in place). Without it Arabic letters
   * print as "?": never as empty boxes or in the wrong order.
   */
  readonly arabic?: FontFace;
}

/** The font files shipped in this package's `fonts/` folder, as ExportFonts names them. */
export const BUNDLED_FONTS = {
  regular: 'LiberationSans-Regular.ttf',
  bold: 'LiberationSans-Bold.ttf',
  arabic: { regular: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf' },
} as const;

/** An open PDF with its fonts embedded. */
export interface PdfWriter {
  readonly doc: PDFDocument;
  font(weight: FontWeight): PDFFont;
  /** Rounded boxes drawn alike, as shared forms. */
  readonly stamps: Stamps;
  /** Right-to-left, mixed-direction and Arabic labels, shaped and drawn glyph by glyph. */
  readonly shaped: ShapedText;
}

/**
 * OpenType features off: pdf-lib writes glyph ids with the font's own advances, so kerning
 * worked out by the shaper is thrown away, and ligatures would join letters that our text
 * measure (font-metrics.ts) counts one by one. Plain glyphs keep the PDF's text where the
 * measure put it and skip most of a costly shaping pass per label. Only glyph composition stays
 * on: it turns a letter typed as base + combining accent into the accented glyph.
 */
const PLAIN = {
  ccmp: true,
  locl: false,
  rlig: false,
  mark: false,
  mkmk: false,
  calt: false,
  clig: false,
  liga: false,
  rclt: false,
  curs: false,
  kern: false,
};

/** Starts a PDF with the fonts embedded as subsets; no timestamps, so output is repeatable. */
export async function openPdf(fonts: ExportFonts, title: string): Promise<PdfWriter> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, features: PLAIN });
  const bold = fonts.bold
    ? await doc.embedFont(fonts.bold, { subset: true, features: PLAIN })
    : regular;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setProducer('procmap');
  doc.setCreator('procmap');
  const faces: FontFace[] = [
    { regular: fonts.regular, ...(fonts.bold ? { bold: fonts.bold } : {}) },
  ];
  if (fonts.arabic) faces.push(fonts.arabic);
  let charset: Set<number> | undefined;
  const shaped = new ShapedText(doc, faces, (cp) => {
    charset ??= new Set(regular.getCharacterSet());
    return charset.has(cp);
  });
  // The shaped fonts' subsets are known only once every page is drawn: they are written as
  // the document is saved, whoever saves it.
  const save = doc.save.bind(doc);
  doc.save = (options) => {
    shaped.finish();
    return save(options);
  };
  return {
    doc,
    font: (weight) => (weight === 'bold' ? bold : regular),
    stamps: new Stamps(doc, color),
    shaped,
  };
}

/** Where scene coordinates land on a page: page point = origin + (scene - offset) × scale. */
export interface Placement {
  /** Top-left of the drawing on the page, in points from the page's top-left. */
  readonly left: number;
  readonly top: number;
  readonly scale: number;
  /** The scene point drawn at (left, top). */
  readonly offsetX: number;
  readonly offsetY: number;
  /** Scene region to draw: items wholly outside it are skipped, the rest clipped to it. */
  readonly clip?: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
}

const colors = new Map<string, ReturnType<typeof rgb>>();
function color(hex: string) {
  let c = colors.get(hex);
  if (!c) {
    const v = (i: number) => Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    c = rgb(v(0), v(1), v(2));
    colors.set(hex, c);
  }
  return c;
}

/** A square-cornered box as a path (rounded ones are shared forms: pdf-stamps.ts). */
function boxPath(x: number, y: number, w: number, h: number): string {
  return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
}

function polygonPath(points: readonly number[]): string {
  let d = '';
  for (let i = 0; i + 1 < points.length; i += 2)
    d += `${i === 0 ? 'M' : 'L'}${points[i]} ${points[i + 1]}`;
  return `${d}Z`;
}

/** Bounds of an item in scene units, or undefined when unknown (always drawn). */
function boundsOf(
  it: Item,
  measure: (it: Item & { type: 'text' }) => number,
): readonly number[] | undefined {
  switch (it.type) {
    case 'rect':
      return [it.x, it.y, it.w, it.h];
    case 'polygon': {
      const xs = it.points.filter((_, i) => i % 2 === 0);
      const ys = it.points.filter((_, i) => i % 2 === 1);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return [x, y, Math.max(...xs) - x, Math.max(...ys) - y];
    }
    case 'path':
      return it.box;
    case 'text': {
      const w = measure(it);
      const x = it.anchor === 'start' ? it.x : it.anchor === 'middle' ? it.x - w / 2 : it.x - w;
      return [x, it.y - it.size, w, it.size * 1.3];
    }
  }
}

/** Draws scene items onto a page at a placement (clipped to its region when it has one). */
export function drawItems(
  writer: PdfWriter,
  page: PDFPage,
  list: readonly Item[],
  at: Placement,
): void {
  const pageH = page.getHeight();
  const { scale } = at;
  const px = (x: number) => at.left + (x - at.offsetX) * scale;
  const py = (y: number) => pageH - (at.top + (y - at.offsetY) * scale);
  // Bounds for skipping what a tile does not show: the text measure is close enough, and
  // laying every label out with the font on every page cost most of a big tiled map's time.
  const textW = (it: Item & { type: 'text' }) =>
    writer.shaped.needs(it.text)
      ? writer.shaped.width(it.text, it.weight, it.size)
      : textWidth(it.text, it.size, it.weight);
  const region = at.clip;
  if (region) {
    page.pushOperators(
      pushGraphicsState(),
      rectangle(px(region.x), py(region.y + region.h), region.w * scale, region.h * scale),
      clip(),
      endPath(),
    );
  }
  for (const it of list) {
    if (region) {
      const b = boundsOf(it, textW);
      if (
        b &&
        ((b[0] as number) > region.x + region.w ||
          (b[0] as number) + (b[2] as number) < region.x ||
          (b[1] as number) > region.y + region.h ||
          (b[1] as number) + (b[3] as number) < region.y)
      ) {
        continue;
      }
    }
    if (it.type === 'text') {
      const font = writer.font(it.weight);
      const size = it.size * scale;
      if (writer.shaped.needs(it.text)) {
        const w = writer.shaped.width(it.text, it.weight, size);
        const x =
          it.anchor === 'start'
            ? px(it.x)
            : it.anchor === 'middle'
              ? px(it.x) - w / 2
              : px(it.x) - w;
        writer.shaped.draw(page, it.text, it.weight, x, py(it.y), size, color(it.fill));
        continue;
      }
      const w = textWidth(it.text, size, it.weight);
      const x =
        it.anchor === 'start' ? px(it.x) : it.anchor === 'middle' ? px(it.x) - w / 2 : px(it.x) - w;
      page.drawText(it.text, { x, y: py(it.y), size, font, color: color(it.fill) });
      continue;
    }
    if (it.type === 'rect' && !it.rx && !it.dash) {
      page.drawRectangle({
        x: px(it.x),
        y: py(it.y + it.h),
        width: it.w * scale,
        height: it.h * scale,
        ...(it.fill ? { color: color(it.fill) } : {}),
        ...(it.stroke
          ? { borderColor: color(it.stroke), borderWidth: (it.strokeWidth ?? 1) * scale }
          : {}),
      });
      continue;
    }
    if (it.type === 'rect' && !it.fill && !it.stroke) continue; // nothing to paint
    if (it.type === 'rect' && it.rx) {
      writer.stamps.place(page, it, px(it.x), py(it.y), scale);
      continue;
    }
    const d =
      it.type === 'path'
        ? it.d
        : it.type === 'rect'
          ? boxPath(it.x, it.y, it.w, it.h)
          : polygonPath(it.points);
    page.drawSvgPath(d, {
      x: at.left - at.offsetX * scale,
      y: pageH - (at.top - at.offsetY * scale),
      scale,
      ...(it.fill ? { color: color(it.fill) } : {}),
      ...(it.stroke
        ? { borderColor: color(it.stroke), borderWidth: it.strokeWidth ?? 1 }
        : it.fill
          ? {}
          : { borderWidth: 0 }),
      ...(it.dash ? { borderDashArray: [...it.dash] } : {}),
    });
  }
  if (region) page.pushOperators(popGraphicsState());
}
