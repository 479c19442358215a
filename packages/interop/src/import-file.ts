import { refuseBinary } from './binary-file';
import { importBpmn } from './bpmn/import-bpmn';
import { importCsv } from './csv/import-csv';
import type { CsvImportOptions } from './csv/read-sheet';
import { detectFormat } from './detect-format';
import { importDrawio } from './drawio/import-drawio';
import { type ImportFormat, type Imported, refuse } from './imported';
import { recordNotes } from './record-notes';
import { checkSize } from './xml-guard';

/*
 * One door for every import (the CLI's `procmap import`, the server's POST /api/maps, the
 * editor's Import): the format from the caller, else from the file's name and content, then
 * that format's importer. The size is checked here first, whatever the format, then that the
 * file is text at all (a PNG or a zip renamed .bpmn is refused for what it is). What was
 * approximated is kept in the map as one note on the whole map (`record`).
 */

export interface ImportFileOptions {
  /** The file's name, for its extension (a `.xml` file is still read by content). */
  readonly name?: string;
  /** The format, when the caller knows it (a content type, a flag): no guessing. */
  readonly format?: ImportFormat;
  /** How to read a spreadsheet: column overrides, the working day, the title. */
  readonly csv?: CsvImportOptions;
  /**
   * Who the notes made from text annotations and text boxes are by, and when: `createdAt` is
   * also the time of the note that records what was approximated. The package reads no clock,
   * so a caller passes the time (an ISO 8601 string); without one it is left empty.
   */
  readonly notes?: { readonly author?: string; readonly createdAt?: string };
  /**
   * Whether the map keeps what was approximated, as one comment of kind "note" on the whole
   * map by "Import" (default true); none is added when nothing was approximated.
   */
  readonly record?: boolean;
}

/** Imports a file of any format procmap reads: a valid map with its notes, or why not. */
export async function importFile(text: string, options: ImportFileOptions = {}): Promise<Imported> {
  const tooLarge = checkSize(text);
  if (tooLarge) return tooLarge;
  const binary = refuseBinary(text);
  if (binary) return binary;
  const imported = await importAs(text, options);
  return options.record === false
    ? imported
    : recordNotes(imported, options.name, options.notes?.createdAt ?? '');
}

async function importAs(text: string, options: ImportFileOptions): Promise<Imported> {
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
