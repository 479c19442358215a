import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExportFonts } from '@procmap/export';

/** The fonts bundled with @procmap/export, read from its package folder. */
export async function readExportFonts(): Promise<ExportFonts> {
  const dir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));
  const [regular, bold] = await Promise.all([
    readFile(join(dir, 'fonts', 'LiberationSans-Regular.ttf')),
    readFile(join(dir, 'fonts', 'LiberationSans-Bold.ttf')),
  ]);
  return { regular, bold };
}
