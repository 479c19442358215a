import { describe, expect, it } from 'vitest';
import { LANE_COLOURS, laneColour } from './lane-colours';

describe('lane colours', () => {
  it('gives the first lanes of a map distinct colours, and keeps a lane’s own', () => {
    const firstFive = [0, 1, 2, 3, 4].map((i) => laneColour(undefined, i));
    expect(new Set(firstFive).size).toBe(5);
    expect(laneColour('#123456', 3)).toBe('#123456');
    expect(laneColour(undefined, LANE_COLOURS.length)).toBe(laneColour(undefined, 0));
    expect(laneColour(undefined, -1)).toBe(LANE_COLOURS[0]!.value);
  });

  it('offers only colours dark enough for white text (contrast at least 4.5:1)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const { name, value } of LANE_COLOURS) {
      expect(1.05 / (luminance(value) + 0.05) >= 4.5, name).toBe(true);
    }
  });
});
