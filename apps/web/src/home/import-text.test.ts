import { describe, expect, it } from 'vitest';
import { dragHasFiles, droppedFile } from './import-text';

describe('a drop', () => {
  it('takes one file, and refuses nothing or several', () => {
    expect(droppedFile(['a.bpmn'])).toBe('a.bpmn');
    expect(droppedFile([])).toEqual({ refused: expect.stringContaining('Nothing was dropped') });
    expect(droppedFile(null)).toEqual({ refused: expect.stringContaining('Nothing') });
    expect(droppedFile(['a.csv', 'b.csv', 'c.csv'])).toEqual({
      refused: 'Drop one file at a time: 3 files were dropped, none was read.',
    });
  });

  it('is a file drop only when the drag carries files', () => {
    expect(dragHasFiles(['text/plain', 'Files'])).toBe(true);
    expect(dragHasFiles(['text/uri-list'])).toBe(false);
    expect(dragHasFiles(undefined)).toBe(false);
  });
});
