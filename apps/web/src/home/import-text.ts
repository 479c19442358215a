/*
 * What the home page's Import needs before the importers load: which files the picker offers,
 * how a file's bytes become text, and what a drop carries. Kept apart from the page so they can
 * be tested without a browser.
 */

/** The file picker's `accept`: BPMN, draw.io, spreadsheets and procmap's own map files. */
export const IMPORT_ACCEPT = '.bpmn,.bpmn2,.xml,.drawio,.dio,.csv,.tsv,.json';

/**
 * The text of a file's bytes: UTF-8 (with or without its byte-order mark), UTF-16 when it
 * starts with that byte-order mark (spreadsheets saved as "Unicode text"), and Windows-1252
 * when the bytes are not UTF-8 (an older Excel's CSV), so no letter turns into "�".
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The one file of a drop, or why not: nothing, or several files at once. */
export function droppedFile<F>(files: ArrayLike<F> | null | undefined): F | { refused: string } {
  const count = files?.length ?? 0;
  if (count === 0 || !files) return { refused: 'Nothing was dropped: drop a file to import it.' };
  if (count > 1) {
    return { refused: `Drop one file at a time: ${count} files were dropped, none was read.` };
  }
  return files[0] as F;
}

/** Whether a drag carries files (not text or a link being dragged about the page). */
export function dragHasFiles(types: readonly string[] | undefined): boolean {
  return types?.includes('Files') ?? false;
}
