import { describe, expect, it } from 'vitest';
import { decodeText, dragHasFiles, droppedFile } from './import-text';

describe('reading a file’s bytes', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it('reads UTF-8 with or without its byte-order mark', () => {
    const text = 'Łódź, ß';
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)))).toBe(text);
  });

  it('reads UTF-16 by its byte-order mark, either way round', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00))).toBe('Aé');
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9))).toBe('Aé');
  });

  it('reads bytes that are not UTF-8 as Windows-1252, as an older Excel writes CSV', () => {
    // "Café,£5" in Windows-1252: é is 0xE9, £ is 0xA3 (neither valid UTF-8 alone).
    expect(decodeText(bytes(0x43, 0x61, 0x66, 0xe9, 0x2c, 0xa3, 0x35))).toBe('Café,£5');
  });
});

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
