import { describe, expect, it } from 'vitest';
import { enterFrom, moveFrom, tabFrom } from './grid-keys';

const size = { rows: 40, columns: 9 };
const key = (k: string, ctrlKey = false) => ({ key: k, ctrlKey });

describe('moving around the grid', () => {
  it('moves one cell with the arrows and stops at the edges (row 0 is the headers)', () => {
    expect(moveFrom({ row: 3, column: 2 }, key('ArrowDown'), size)).toEqual({ row: 4, column: 2 });
    expect(moveFrom({ row: 3, column: 2 }, key('ArrowLeft'), size)).toEqual({ row: 3, column: 1 });
    expect(moveFrom({ row: 0, column: 0 }, key('ArrowUp'), size)).toEqual({ row: 0, column: 0 });
    expect(moveFrom({ row: 40, column: 8 }, key('ArrowRight'), size)).toEqual({
      row: 40,
      column: 8,
    });
    expect(moveFrom({ row: 40, column: 8 }, key('ArrowDown'), size)).toEqual({
      row: 40,
      column: 8,
    });
  });

  it('goes to the ends of the row with Home and End, to the corners with Ctrl', () => {
    expect(moveFrom({ row: 5, column: 4 }, key('Home'), size)).toEqual({ row: 5, column: 0 });
    expect(moveFrom({ row: 5, column: 4 }, key('End'), size)).toEqual({ row: 5, column: 8 });
    expect(moveFrom({ row: 5, column: 4 }, key('Home', true), size)).toEqual({ row: 0, column: 0 });
    expect(moveFrom({ row: 5, column: 4 }, key('End', true), size)).toEqual({ row: 40, column: 8 });
  });

  it('pages ten rows and ignores other keys', () => {
    expect(moveFrom({ row: 5, column: 1 }, key('PageDown'), size)).toEqual({ row: 15, column: 1 });
    expect(moveFrom({ row: 5, column: 1 }, key('PageUp'), size)).toEqual({ row: 0, column: 1 });
    expect(moveFrom({ row: 5, column: 1 }, key('a'), size)).toBeUndefined();
  });

  it('commits with Tab to the right, wrapping to the next step, and Shift+Tab back', () => {
    expect(tabFrom({ row: 2, column: 3 }, false, size)).toEqual({ row: 2, column: 4 });
    expect(tabFrom({ row: 2, column: 8 }, false, size)).toEqual({ row: 3, column: 0 });
    expect(tabFrom({ row: 40, column: 8 }, false, size)).toEqual({ row: 40, column: 8 });
    expect(tabFrom({ row: 2, column: 0 }, true, size)).toEqual({ row: 1, column: 8 });
    expect(tabFrom({ row: 1, column: 0 }, true, size)).toEqual({ row: 1, column: 0 });
  });

  it('commits with Enter to the cell below, staying on the last row', () => {
    expect(enterFrom({ row: 2, column: 3 }, size)).toEqual({ row: 3, column: 3 });
    expect(enterFrom({ row: 40, column: 3 }, size)).toEqual({ row: 40, column: 3 });
  });
});
