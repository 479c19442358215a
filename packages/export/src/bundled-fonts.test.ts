import { describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, type ExportFonts, keepFonts, loadBundledFonts } from './index';

/** A reader that answers each file name with its own bytes and records what it was asked. */
function fakeFiles() {
  const asked: string[] = [];
  const read = async (name: string) => {
    asked.push(name);
    return new TextEncoder().encode(name);
  };
  return { asked, read };
}

const nameOf = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('loadBundledFonts', () => {
  it('reads the four bundled files through the caller and puts each in its face', async () => {
    const files = fakeFiles();
    const fonts = await loadBundledFonts(files.read);
    expect(files.asked.sort()).toEqual(
      [
        BUNDLED_FONTS.regular,
        BUNDLED_FONTS.bold,
        BUNDLED_FONTS.arabic.regular,
        BUNDLED_FONTS.arabic.bold,
      ].sort(),
    );
    expect(nameOf(fonts.regular)).toBe('LiberationSans-Regular.ttf');
    expect(nameOf(fonts.bold)).toBe('LiberationSans-Bold.ttf');
    expect(nameOf(fonts.arabic?.regular)).toBe('NotoSansArabic-Regular.ttf');
    expect(nameOf(fonts.arabic?.bold)).toBe('NotoSansArabic-Bold.ttf');
  });

  it('fails when a file cannot be read, with the reader’s own error', async () => {
    const read = async (name: string) => {
      if (name === BUNDLED_FONTS.bold) throw new Error('the export font could not be loaded (404)');
      return new Uint8Array(1);
    };
    await expect(loadBundledFonts(read)).rejects.toThrow('could not be loaded (404)');
  });
});

describe('keepFonts', () => {
  const someFonts: ExportFonts = { regular: new Uint8Array([1]) };

  it('loads once and hands the same fonts to every later export', async () => {
    let loads = 0;
    const fonts = keepFonts(async () => {
      loads++;
      return someFonts;
    });
    expect(await fonts()).toBe(someFonts);
    expect(await fonts()).toBe(someFonts);
    expect(loads).toBe(1);
  });

  it('forgets a failed load, so the next export tries again', async () => {
    let loads = 0;
    const fonts = keepFonts(async () => {
      loads++;
      if (loads === 1) throw new Error('disk unplugged');
      return someFonts;
    });
    await expect(fonts()).rejects.toThrow('disk unplugged');
    expect(await fonts()).toBe(someFonts);
    expect(loads).toBe(2);
  });
});
