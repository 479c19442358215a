import {
  beginText,
  endText,
  PDFArray,
  type PDFDocument,
  PDFHexString,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames as Ops,
  type PDFPage,
  endMarkedContent,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
} from 'pdf-lib';
import { type BidiRun, hasBidi, visualRuns } from './pdf-bidi';
import { type PlacedGlyph, ShapedFont } from './pdf-shaped-font';
import type { FontWeight } from './text';

/*
 * Labels that the plain text path cannot print: right-to-left or mixed-direction text, and
 * characters the main font lacks (Arabic). Each label is split into bidi runs, each run set in
 * the first font that has its letters and shaped, and drawn glyph by glyph where the shaper put
 * it. The label is wrapped in an ActualText span holding the text as typed, so copying and
 * searching give it in reading order whatever order the glyphs were drawn in.
 */

/** The faces of one font family: regular, and bold when there is one. */
export interface FontFace {
  readonly regular: Uint8Array;
  readonly bold?: Uint8Array;
}

/** A label laid out: its runs' glyphs left to right, and its width in 1/1000 em. */
export interface ShapedLine {
  readonly runs: readonly {
    readonly font: ShapedFont;
    readonly glyphs: readonly PlacedGlyph[];
    readonly rtl: boolean;
    /** Whether it starts with a space or a sign, not a letter or digit. */
    readonly neutralStart: boolean;
    /** Its first character. */
    readonly first: string;
  }[];
  readonly width: number;
}

/** Everything the plain path prints as it is: Latin, Greek, Cyrillic and common signs. */
const PLAIN_RANGE =
  /^[\u0020-\u058f\u1e00-\u1fff\u2000-\u200d\u2010-\u2029\u2030-\u205f\u20a0-\u20cf\u2100-\u218f]*$/;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/;

/** Shaped text of one PDF: its fonts (made on first use) and the labels laid out so far. */
export class ShapedText {
  private chains: Record<FontWeight, ShapedFont[]> | undefined;
  private readonly lines = new Map<string, ShapedLine>();

  constructor(
    private readonly doc: PDFDocument,
    /** The main face (Latin, Greek, Cyrillic, Hebrew) first, then the Arabic one if given. */
    private readonly faces: readonly FontFace[],
    /** Whether the main face has a character (so plain text needs no shaping). */
    private readonly mainCovers: (codePoint: number) => boolean,
  ) {}

  /** Whether a label needs this path: bidi text, or a character the main face lacks. */
  needs(text: string): boolean {
    if (PLAIN_RANGE.test(text)) return false;
    if (hasBidi(text)) return true;
    for (const ch of text) if (!this.mainCovers(ch.codePointAt(0) as number)) return true;
    return false;
  }

  private chain(weight: FontWeight): ShapedFont[] {
    if (!this.chains) {
      const regular: ShapedFont[] = [];
      const bold: ShapedFont[] = [];
      let n = 0;
      this.faces.forEach((face, i) => {
        const joining = i > 0; // the main face sets Latin and Hebrew; the next one, Arabic
        const r = new ShapedFont(face.regular, joining, n++);
        regular.push(r);
        bold.push(face.bold ? new ShapedFont(face.bold, joining, n++) : r);
      });
      this.chains = { normal: regular, bold };
    }
    return this.chains[weight];
  }

  /** Lays a label out (once per text and weight). */
  layout(text: string, weight: FontWeight): ShapedLine {
    const key = `${weight}\u0000${text}`;
    const known = this.lines.get(key);
    if (known) return known;
    const fonts = this.chain(weight);
    const runs = visualRuns(text, (cp, previous) => {
      const prev = fonts[previous];
      if (prev?.covers(cp) && !LETTER.test(String.fromCodePoint(cp))) return previous;
      return fonts.findIndex((f) => f.covers(cp));
    });
    let width = 0;
    const shaped = runs.map((run: BidiRun) => {
      const font = fonts[run.font] as ShapedFont;
      const glyphs = font.shape(run.text, run.rtl, scriptOf(run.text, font));
      for (const g of glyphs) width += g.advance;
      return {
        font,
        glyphs,
        rtl: run.rtl,
        neutralStart: !LETTER_OR_DIGIT.test(run.text),
        first: String.fromCodePoint(run.text.codePointAt(0) ?? 32),
      };
    });
    const line = { runs: shaped, width };
    this.lines.set(key, line);
    return line;
  }

  /** Width of a label in points at `size`. */
  width(text: string, weight: FontWeight, size: number): number {
    return (this.layout(text, weight).width * size) / 1000;
  }

  /** Draws a label with its left end at page point (x, y) on the baseline. */
  draw(
    page: PDFPage,
    text: string,
    weight: FontWeight,
    x: number,
    y: number,
    size: number,
    color: RGB,
  ): void {
    const line = this.layout(text, weight);
    const ops: PDFOperator[] = [
      pushGraphicsState(),
      beginText(),
      setFillingRgbColor(color.red, color.green, color.blue),
      setTextMatrix(1, 0, 0, 1, round(x), round(y)),
    ];
    const u = size / 1000;
    let pieces: (PDFHexString | PDFNumber)[] = [];
    const flush = () => {
      if (pieces.length === 0) return;
      const array = PDFArray.withContext(this.doc.context);
      for (const piece of pieces) array.push(piece);
      ops.push(PDFOperator.of(Ops.ShowTextAdjusted, [array]));
      pieces = [];
    };
    let rise = 0;
    line.runs.forEach((run, r) => {
      flush();
      const key = page.node.newFontDictionary(run.font.name, run.font.ref(this.doc));
      ops.push(setFontAndSize(key, size));
      // Readers rebuild reading order from where glyphs stand, and poppler carries the space
      // after a right-to-left run over to its other side ("טריאז׳step"). A left-to-right mark
      // given as the space's ActualText tells it where that run ends.
      const marked = r > 0 && line.runs[r - 1]?.rtl === true && !run.rtl && run.neutralStart;
      run.glyphs.forEach((g, i) => {
        const mark = marked && i === 0;
        if (mark) {
          flush();
          // pdf-lib's operator types leave out dictionaries; it writes one like any operand.
          const properties = this.doc.context.obj({
            ActualText: PDFHexString.fromText(`\u200e${run.first}`),
          }) as unknown as PDFName;
          ops.push(
            PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), properties]),
          );
        }
        // One stream of glyphs (readers join them into words): a mark is moved sideways by
        // TJ's spacing and up or down by the text rise, then the pen goes on by its advance.
        if (g.dy !== rise) {
          flush();
          ops.push(setTextRise(round(g.dy * u)));
          rise = g.dy;
        }
        if (g.dx !== 0) pieces.push(PDFNumber.of(-g.dx));
        pieces.push(glyphHex(g.cid));
        const back = g.dx + g.width - g.advance; // TJ moves the pen back by n/1000 em
        if (back !== 0) pieces.push(PDFNumber.of(back));
        if (mark) {
          flush();
          ops.push(endMarkedContent());
        }
      });
    });
    flush();
    if (rise !== 0) ops.push(setTextRise(0));
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }

  /** Writes the fonts that were used; call before saving. */
  finish(): void {
    if (!this.chains) return;
    for (const font of new Set([...this.chains.normal, ...this.chains.bold])) font.finish(this.doc);
  }
}

const round = (v: number) => Math.round(v * 100) / 100;

function glyphHex(cid: number): PDFHexString {
  return PDFHexString.of(cid.toString(16).padStart(4, '0'));
}

/** The OpenType script of a run, so the right shaper runs even when it starts with a digit. */
function scriptOf(text: string, font: ShapedFont): string | undefined {
  if (font.joining) return 'arab';
  return HEBREW.test(text) ? 'hebr' : undefined;
}
