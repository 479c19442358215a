/*
 * Text on a colleague's colour: their colour comes from their browser (any #rrggbb), so the
 * colour of the text on it is worked out, never assumed, to keep 4.5:1 (WCAG 1.4.3).
 */

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE = '#ffffff';
const INK = '#1d2733';
const BLACK = '#000000';

/**
 * White text on a colour when it reads at 4.5:1, else the page's ink, else black (one of white
 * and black always reaches 4.5:1).
 */
export function readableInk(background: string): string {
  if (contrastRatio(WHITE, background) >= 4.5) return WHITE;
  if (contrastRatio(INK, background) >= 4.5) return INK;
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}
