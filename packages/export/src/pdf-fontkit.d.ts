/*
 * The part of fontkit's API the PDF writer uses (fontkit ships no type declarations). Only the
 * core, the TrueType format and the two shapers are imported, so no decompression code and no
 * file-system helpers come along.
 */

declare module 'fontkit/core' {
  export interface Glyph {
    readonly id: number;
    readonly codePoints: readonly number[];
    readonly advanceWidth: number;
    readonly name: string;
  }
  export interface GlyphPosition {
    readonly xAdvance: number;
    readonly yAdvance: number;
    readonly xOffset: number;
    readonly yOffset: number;
  }
  export interface GlyphRun {
    readonly glyphs: readonly Glyph[];
    readonly positions: readonly GlyphPosition[];
    readonly direction: 'ltr' | 'rtl';
  }
  export interface Subset {
    /** Adds a glyph (and the glyphs it is built from); returns its id in the subset. */
    includeGlyph(glyph: Glyph | number): number;
    encode(): Uint8Array;
  }
  export interface Font {
    readonly postscriptName: string | null;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly capHeight: number;
    readonly italicAngle: number;
    readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(
      text: string,
      features?: Record<string, boolean> | readonly string[],
      script?: string,
      language?: string,
      direction?: 'ltr' | 'rtl',
    ): GlyphRun;
    createSubset(): Subset;
  }
  export function create(data: Uint8Array): Font;
  export function registerFormat(format: unknown): void;
  export function registerShaper(shaper: unknown): void;
}

declare module 'fontkit/formats/TTFFont' {
  export const TTFFont: unknown;
}

declare module 'fontkit/shapers/ArabicShaper' {
  export const ArabicShaper: unknown;
}

declare module 'fontkit/shapers/HebrewShaper' {
  export const HebrewShaper: unknown;
}
