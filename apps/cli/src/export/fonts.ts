import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLED_FONTS, type ExportFonts } from '@procmap/export';

/** The fonts bundled with @procmap/export (Latin and Hebrew, Arabic), read from its folder. */
export async function readExportFonts(): Promise<ExportFonts> {
  const dir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));
  const read = (name: string) => readFile(join(dir, 'fonts', name));
  const [regular, bold, arabic, arabicBold] = await Promise.all([
    read(BUNDLED_FONTS.regular),
    read(BUNDLED_FONTS.bold),
    read(BUNDLED_FONTS.arabic.regular),
    read(BUNDLED_FONTS.arabic.bold),
  ]);
  return { regular, bold, arabic: { regular: arabic, bold: arabicBold } };
}
