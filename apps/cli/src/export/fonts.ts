import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type ExportFonts, loadBundledFonts } from '@procmap/export';

/** Reads a file of @procmap/export's `fonts/` folder, wherever npm installed the package. */
function readFontFile(name: string): Promise<Uint8Array> {
  const dir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));
  return readFile(join(dir, 'fonts', name));
}

/** The fonts bundled with @procmap/export (Latin and Hebrew, Arabic), read from its folder. */
export function readExportFonts(): Promise<ExportFonts> {
  return loadBundledFonts(readFontFile);
}
