import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExportFonts } from '@procmap/export';

let fonts: Promise<ExportFonts> | undefined;

/** The fonts bundled with @procmap/export, read from disk once per process. */
export function readExportFonts(): Promise<ExportFonts> {
  fonts ??= (async () => {
    const dir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));
    const [regular, bold] = await Promise.all([
      readFile(join(dir, 'fonts', 'LiberationSans-Regular.ttf')),
      readFile(join(dir, 'fonts', 'LiberationSans-Bold.ttf')),
    ]);
    return { regular, bold };
  })();
  fonts.catch(() => {
    fonts = undefined; // a failed read is tried again next time
  });
  return fonts;
}
