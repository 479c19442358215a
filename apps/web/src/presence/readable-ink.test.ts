import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS } from './identity';
import { contrastRatio, readableInk } from './readable-ink';

describe('text on a colleague’s colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps white text on our own palette, at 4.5:1 or more', () => {
    for (const colour of PRESENCE_COLOURS) {
      expect(readableInk(colour), colour).toBe('#ffffff');
      expect(contrastRatio('#ffffff', colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('picks dark text on a light colour a colleague’s browser sent', () => {
    expect(readableInk('#ffe14d')).not.toBe('#ffffff');
    expect(readableInk('#f5f5f5')).not.toBe('#ffffff');
  });

  it('reaches 4.5:1 on any colour at all', () => {
    for (let r = 0; r < 256; r += 17) {
      for (let g = 0; g < 256; g += 17) {
        for (let b = 0; b < 256; b += 17) {
          const colour = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(readableInk(colour), colour), colour).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
