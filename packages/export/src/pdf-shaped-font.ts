/// <reference path="./pdf-fontkit.d.ts" />
import * as fontkit from 'fontkit/core';
import { TTFFont } from 'fontkit/formats/TTFFont';
import { ArabicShaper } from 'fontkit/shapers/ArabicShaper';
import { HebrewShaper } from 'fontkit/shapers/HebrewShaper';
import { type PDFDocument, PDFHexString, type PDFRef, PDFString } from 'pdf-lib';

/*
 * A font for shaped text, embedded in the PDF by us rather than by pdf-lib: pdf-lib lays a
 * string out in one piece, in one direction, and keeps only the glyphs' own widths, which loses
 * the order of mixed-direction text and where Arabic dots and marks sit. Here a run is shaped by
 * fontkit (joining forms, required ligatures, mark positions), its glyphs go into a subset of the
 * font, and the PDF gets a Type 0 font with a ToUnicode map, so the text stays selectable.
 */

fontkit.registerFormat(TTFFont);
fontkit.registerShaper(ArabicShaper);
fontkit.registerShaper(HebrewShaper);

/** One glyph as drawn: its id in the subset and its measures in 1/1000 em. */
export interface PlacedGlyph {
  readonly cid: number;
  /** The width the PDF gives the glyph (its own advance). */
  readonly width: number;
  /** How far the shaper moves the pen after it. */
  readonly advance: number;
  readonly dx: number;
  readonly dy: number;
}

/**
 * Latin and Hebrew are set as the plain text elsewhere in the PDF is (no kerning or ligatures,
 * so a label is as wide as the text measure says); scripts that join their letters get the
 * shaper's defaults, which they need.
 */
const PLAIN = { kern: false, liga: false, clig: false, calt: false, dlig: false };

/** A subset tag: six capital letters from the font's place in the writer, so output repeats. */
function subsetTag(n: number): string {
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag = String.fromCharCode(65 + (n % 26)) + tag;
    n = Math.floor(n / 26);
  }
  return tag;
}

/** A font of the PDF that draws shaped runs; it writes itself into the document at `finish`. */
export class ShapedFont {
  private readonly font: fontkit.Font;
  private readonly subset: fontkit.Subset;
  private readonly scale: number;
  private readonly widths = new Map<number, number>();
  private readonly unicode = new Map<number, readonly number[]>();
  private readonly cids = new Map<number, number>();
  private readonly features: Record<string, boolean> | undefined;
  private pdfRef: PDFRef | undefined;
  private readonly tag: string;

  constructor(
    bytes: Uint8Array,
    /** Whether its script joins letters (Arabic): shaped with all of the shaper's features. */
    readonly joining: boolean,
    /** Its place among the writer's shaped fonts. */
    index: number,
  ) {
    this.font = fontkit.create(bytes);
    this.subset = this.font.createSubset();
    this.scale = 1000 / this.font.unitsPerEm;
    this.features = joining ? undefined : PLAIN;
    this.tag = subsetTag(index); // AAAAAA, AAAAAB…
  }

  /** Whether the font has a glyph for the character. */
  covers(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /** The PDF object of the font (reserved on first use, written by `finish`). */
  ref(doc: PDFDocument): PDFRef {
    this.pdfRef ??= doc.context.nextRef();
    return this.pdfRef;
  }

  get name(): string {
    return `${this.tag}+${(this.font.postscriptName ?? 'Font').replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
  }

  /** Shapes a run typed in logical order; its glyphs come back in visual order, left to right. */
  shape(text: string, rtl: boolean, script?: string): PlacedGlyph[] {
    const run = this.font.layout(text, this.features, script, undefined, rtl ? 'rtl' : 'ltr');
    const out: PlacedGlyph[] = [];
    const k = this.scale;
    run.glyphs.forEach((glyph, i) => {
      const at = run.positions[i] as fontkit.GlyphPosition;
      let cid = this.cids.get(glyph.id);
      if (cid === undefined) {
        cid = this.subset.includeGlyph(glyph);
        this.cids.set(glyph.id, cid);
        this.widths.set(cid, Math.round(glyph.advanceWidth * k));
      }
      if (glyph.codePoints.length > 0 && !this.unicode.has(cid)) {
        this.unicode.set(cid, glyph.codePoints);
      }
      out.push({
        cid,
        width: this.widths.get(cid) as number,
        advance: Math.round(at.xAdvance * k),
        dx: Math.round(at.xOffset * k),
        dy: Math.round(at.yOffset * k),
      });
    });
    return out;
  }

  /** Writes the subset, its widths and its ToUnicode map into the document, if it was used. */
  finish(doc: PDFDocument): void {
    if (!this.pdfRef) return;
    const ctx = doc.context;
    const bytes = this.subset.encode();
    const file = ctx.register(ctx.flateStream(bytes, { Length1: bytes.length }));
    const k = this.scale;
    const box = this.font.bbox;
    const name = this.name;
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: 4,
        FontBBox: [box.minX * k, box.minY * k, box.maxX * k, box.maxY * k].map(Math.round),
        ItalicAngle: this.font.italicAngle,
        Ascent: Math.round(this.font.ascent * k),
        Descent: Math.round(this.font.descent * k),
        CapHeight: Math.round((this.font.capHeight || this.font.ascent) * k),
        StemV: 80,
        FontFile2: file,
      }),
    );
    const cidFont = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: {
          Registry: PDFString.of('Adobe'),
          Ordering: PDFString.of('Identity'),
          Supplement: 0,
        },
        FontDescriptor: descriptor,
        W: widthArray(this.widths),
        CIDToGIDMap: 'Identity',
      }),
    );
    const toUnicode = ctx.register(ctx.flateStream(toUnicodeCMap(this.unicode)));
    ctx.assign(
      this.pdfRef,
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }
}

/** The W array: runs of consecutive ids as `first [w1 w2 …]`. */
function widthArray(widths: ReadonlyMap<number, number>): (number | number[])[] {
  const ids = [...widths.keys()].sort((a, b) => a - b);
  const out: (number | number[])[] = [];
  let run: number[] = [];
  let next = -1;
  for (const id of ids) {
    if (id !== next) {
      run = [];
      out.push(id, run);
    }
    run.push(widths.get(id) as number);
    next = id + 1;
  }
  return out;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** UTF-16 code units of code points, as hex. */
function utf16Hex(codePoints: readonly number[]): string {
  return PDFHexString.fromText(String.fromCodePoint(...codePoints))
    .asString()
    .slice(4); // without the byte order mark
}

/** The CMap that tells readers which characters each glyph stands for. */
function toUnicodeCMap(unicode: ReadonlyMap<number, readonly number[]>): string {
  const entries = [...unicode.entries()].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    blocks.push(
      `${part.length} beginbfchar\n${part.map(([cid, cps]) => `<${hex4(cid)}> <${utf16Hex(cps)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
