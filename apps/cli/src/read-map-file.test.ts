import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMapFile } from './read-map-file';
import { makeTempDir, type TempDir } from './test-support/temp-files';

describe('readMapFile', () => {
  let dir: TempDir;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir.remove();
  });

  it('given a JSON file, then it returns the parsed value', async () => {
    // given
    const file = await dir.write('ok.json', '{"title": "x"}');
    // when
    const result = await readMapFile(file);
    // then
    expect(result).toEqual({ ok: true, value: { title: 'x' } });
  });

  it('given a UTF-8 BOM, then it is skipped', async () => {
    // given
    const file = await dir.write('bom.json', '\uFEFF{"title": "x"}');
    // when
    const result = await readMapFile(file);
    // then
    expect(result).toEqual({ ok: true, value: { title: 'x' } });
  });

  it('given a missing file, then the error is not-found', async () => {
    // given
    const file = join(dir.path, 'nope.json');
    // when
    const result = await readMapFile(file);
    // then
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'no such file' } });
  });

  it('given an empty or whitespace-only file, then the error is empty', async () => {
    // given
    const empty = await dir.write('empty.json', '');
    const blank = await dir.write('blank.json', '\n  \n');
    const bomOnly = await dir.write('bom-only.json', '\uFEFF');
    // when
    const results = await Promise.all([empty, blank, bomOnly].map(readMapFile));
    // then
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('empty');
    }
  });

  it('given broken JSON, then the error is not-json with its line and column', async () => {
    // given
    const file = await dir.write('broken.json', '{\n  "title": "x",\n}\n');
    // when
    const result = await readMapFile(file);
    // then
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'not-json',
        message: 'not valid JSON at line 2, column 15: trailing comma before "}"',
        line: 2,
        column: 15,
      },
    });
  });

  it('given bytes that are not UTF-8, or UTF-16 text, then the error is not-json', async () => {
    // given
    const latin1 = await dir.write('latin1.json', Uint8Array.from([0x22, 0xe9, 0x22]));
    const utf16 = await dir.write('utf16.json', Uint8Array.from([0xff, 0xfe, 0x7b, 0x00]));
    // when
    const [a, b] = await Promise.all([readMapFile(latin1), readMapFile(utf16)]);
    // then
    expect(a).toEqual({
      ok: false,
      error: { code: 'not-json', message: 'the file is not UTF-8 text' },
    });
    expect(b).toEqual({
      ok: false,
      error: { code: 'not-json', message: 'the file is UTF-16 text; save it as UTF-8' },
    });
  });

  it('given a directory, then the error is unreadable', async () => {
    // given
    const path = dir.path;
    // when
    const result = await readMapFile(path);
    // then
    expect(result).toEqual({
      ok: false,
      error: { code: 'unreadable', message: 'is a directory, not a file' },
    });
  });
});
