import { BUNDLED_FONTS, type ExportFonts } from './pdf-writer';

/*
 * The fonts this package ships, gathered into ExportFonts by whoever can read them: the server
 * and the command line read the files, the editor's worker fetches them. Only the reading is
 * theirs; which files make which face is decided here.
 */

/** Reads one of the files in this package's `fonts/` folder, by name. */
export type ReadFontFile = (name: string) => Promise<Uint8Array>;

/** The bundled fonts (Latin and Hebrew, Arabic), each file read through `read`. */
export async function loadBundledFonts(read: ReadFontFile): Promise<ExportFonts> {
  const [regular, bold, arabic, arabicBold] = await Promise.all([
    read(BUNDLED_FONTS.regular),
    read(BUNDLED_FONTS.bold),
    read(BUNDLED_FONTS.arabic.regular),
    read(BUNDLED_FONTS.arabic.bold),
  ]);
  return { regular, bold, arabic: { regular: arabic, bold: arabicBold } };
}

/**
 * `load`, run once and its fonts kept for every later export; a failed load is forgotten, so the
 * next export tries again rather than failing for good.
 */
export function keepFonts(load: () => Promise<ExportFonts>): () => Promise<ExportFonts> {
  let fonts: Promise<ExportFonts> | undefined;
  return () => {
    if (!fonts) {
      const loading = load();
      fonts = loading;
      loading.catch(() => {
        if (fonts === loading) fonts = undefined;
      });
    }
    return fonts;
  };
}
