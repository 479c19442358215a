/*
 * What the home page's Import needs before the importers load: which files the picker offers
 * and what a drop carries. Kept apart from the page so they can be tested without a browser.
 */

/** The file picker's `accept`: BPMN, draw.io, spreadsheets and procmap's own map files. */
export const IMPORT_ACCEPT = '.bpmn,.bpmn2,.xml,.drawio,.dio,.csv,.tsv,.json';

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
