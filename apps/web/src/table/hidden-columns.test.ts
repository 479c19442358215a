import { describe, expect, it } from 'vitest';
import { hiddenColumns, hiddenWords } from './hidden-columns';

const spans = [0, 100, 200, 300].map((left) => ({ left, width: 100 }));
const headers = ['Role', 'Step', 'Data entered', 'Systems'];

describe('columns past the edge of the grid’s region', () => {
  it('names the columns cut off on the right, then on the left once scrolled', () => {
    const start = hiddenColumns(spans, 0, 250);
    expect(start).toEqual({ left: [], right: [2, 3] });
    expect(hiddenWords(headers, start)).toBe(
      'More columns to the right: Data entered, Systems →. Scroll sideways, or move with the arrow keys.',
    );
    const end = hiddenColumns(spans, 150, 250);
    expect(end).toEqual({ left: [0, 1], right: [] });
    expect(hiddenWords(headers, end)).toMatch(/^More columns ← to the left: Role, Step\./);
    expect(hiddenColumns(spans, 100, 200)).toEqual({ left: [0], right: [3] });
  });

  it('says nothing when every column shows, a border’s pixel cut off included', () => {
    const all = hiddenColumns(spans, 0, 399);
    expect(all).toEqual({ left: [], right: [] });
    expect(hiddenWords(headers, all)).toBe('');
  });
});
