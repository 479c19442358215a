import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { keepFonts, loadBundledFonts } from '@procmap/export';

/** Reads a file of @procmap/export's `fonts/` folder, wherever npm installed the package. */
function readFontFile(name: string): Promise<Uint8Array> {
  const dir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));
  return readFile(join(dir, 'fonts', name));
}

/** The fonts bundled with @procmap/export, read once per process (a failed read, next time). */
export const readExportFonts = keepFonts(() => loadBundledFonts(readFontFile));
