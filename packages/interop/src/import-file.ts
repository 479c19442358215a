import { importBpmn } from './bpmn/import-bpmn';
import { importCsv } from './csv/import-csv';
import type { CsvImportOptions } from './csv/read-sheet';
import { detectFormat } from './detect-format';
import { importDrawio } from './drawio/import-drawio';
import { type ImportFormat, type Imported, refuse } from './imported';
import { checkSize } from './xml-guard';

/*
 * One door for every import (the CLI's `procmap import`, the server's POST /api/maps, the
 * editor's Import): the format from the caller, else from the file's name and content, then
 * that format's importer. The size is checked here first, whatever the format.
 */

export interface ImportFileOptions {
  /** The file's name, for its extension (a `.xml` file is still read by content). */
  readonly name?: string;
  /** The format, when the caller knows it (a content type, a flag): no guessing. */
  readonly format?: ImportFormat;
  /** How to read a spreadsheet: column overrides, the working day, the title. */
  readonly csv?: CsvImportOptions;
  /** Who the notes made from text annotations and text boxes are by, and when. */
  readonly notes?: { readonly author?: string; readonly createdAt?: string };
}

/** Imports a file of any format procmap reads: a valid map with its notes, or why not. */
export async function importFile(text: string, options: ImportFileOptions = {}): Promise<Imported> {
  const tooLarge = checkSize(text);
  if (tooLarge) return tooLarge;
  const format = options.format ?? detectFormat(options.name, text);
  switch (format) {
    case 'bpmn':
      return importBpmn(text);
    case 'drawio':
      return importDrawio(text, options.notes ?? {});
    case 'csv':
      return importCsv(text, options.csv ?? {});
    case 'procmap':
      return refuse(
        'not-recognised',
        'This is a procmap map file, not one to import: open it as it is (it needs no conversion).',
      );
    default:
      return refuse(
        'not-recognised',
        text.trim() === ''
          ? 'The file is empty.'
          : 'procmap cannot tell what kind of file this is. It imports BPMN 2.0 (.bpmn), draw.io diagrams (.drawio) and spreadsheets of steps (.csv).',
      );
  }
}
