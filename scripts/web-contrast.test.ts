import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * WCAG 2.2 non-text contrast (1.4.11) in the web app's stylesheets: the focus ring and the
 * borders of input fields need 3:1 against the surfaces they sit on. Read from the stylesheets
 * themselves, so a colour changed there is checked here.
 */

const src = join(import.meta.dirname, '..', 'apps', 'web', 'src');
const base = readFileSync(join(src, 'app', 'base.css'), 'utf8');
const token = (name: string) => {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(base)?.[1];
  if (!value) throw new Error(`--${name} is not a #rrggbb colour in base.css`);
  return value;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('non-text contrast of focus and fields', () => {
  it('gives the focus ring and field borders 3:1 against the page and its surfaces', () => {
    for (const name of ['focus', 'field-border']) {
      for (const ground of ['surface', 'paper']) {
        expect(contrast(token(name), token(ground)), `${name} on ${ground}`).toBeGreaterThanOrEqual(
          3,
        );
      }
    }
  });

  it('draws every field border with the checked colour, not a colour of its own', () => {
    const sheets = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sheets(join(dir, e.name))
          : e.name.endsWith('.css')
            ? [join(dir, e.name)]
            : [],
      );
    for (const file of sheets(src)) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/#9aa6b2/i);
    }
  });
});
