import {
  type ColumnOverrides,
  type CsvPreview,
  decodeFile,
  detectFormat,
  type ImportFormat,
  type Imported,
  importFile,
  MAX_IMPORT_BYTES,
  previewCsv,
  refuseBinary,
  type UnitOverrides,
} from '@procmap/interop';
import { type ProcessMap, validateMap } from '@procmap/model';
import { jsonErrorPlace, titleFromFileName } from './review-text';

/*
 * What a file would become, read before anything is created: a map with the notes of what was
 * approximated (BPMN, draw.io, a procmap file), the preview of a spreadsheet (its columns can
 * still be chosen again), or a refusal with its place in the file. Loaded on the first import
 * only, with the importers, so the home page stays small.
 */

export { MAX_IMPORT_BYTES };

/** A file's bytes as text, in the encoding it was written in (a spreadsheet saved by Excel too). */
export const fileText = (bytes: Uint8Array): string => decodeFile(bytes).text;

/** A file's place in a refusal, from 1. */
export interface Refused {
  readonly kind: 'refused';
  readonly name: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type ImportReview =
  | {
      readonly kind: 'map';
      readonly name: string;
      readonly format: ImportFormat | 'procmap';
      readonly map: ProcessMap;
      /** What was approximated, in sentences. */
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'csv';
      readonly name: string;
      readonly text: string;
      readonly preview: CsvPreview;
    }
  | Refused;

/** The refusal of a file too large to read, before its bytes are read. */
export function tooLarge(name: string, bytes: number): Refused | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  // Rounded up, so a file just over the limit never reads as the limit itself.
  const mb = (n: number) => `${(Math.ceil((n / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
  return {
    kind: 'refused',
    name,
    message: `The file is ${mb(bytes)}; procmap imports files up to ${mb(MAX_IMPORT_BYTES)}.`,
  };
}

/** A procmap map file as it is, once `validateMap` accepts it. */
function readMapFile(name: string, text: string): ImportReview {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      kind: 'refused',
      name,
      message: `This is not a procmap map file: its JSON cannot be read (${message}).`,
      ...jsonErrorPlace(message, text),
    };
  }
  const checked = validateMap(parsed);
  if (!checked.ok) {
    const errors = checked.problems.filter((p) => p.severity === 'error');
    const first = errors
      .slice(0, 3)
      .map((p) => `${p.path}: ${p.message}`)
      .join('; ');
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
    return {
      kind: 'refused',
      name,
      message: `This map file is not valid, so nothing was created. ${first}${more}.`,
    };
  }
  const notes = checked.problems.map((p) => `${p.path}: ${p.message}`);
  return { kind: 'map', name, format: 'procmap', map: checked.map, notes };
}

/** What the file `name` holding `text` would become. */
export async function reviewFile(name: string, text: string): Promise<ImportReview> {
  // A PNG or a zip renamed .csv or .bpmn is refused for what it is, before any reader sees it.
  const binary = refuseBinary(text);
  if (binary) return refusedAs(name, binary);
  const format = detectFormat(name, text);
  if (format === 'procmap') {
    const large = tooLarge(name, text.length);
    return large ?? readMapFile(name, text);
  }
  if (format === 'csv') {
    const preview = previewSheet(text, {}, {});
    // A sheet that cannot even be read as a table is refused now; one that lacks a label
    // column is previewed, so the column can be chosen.
    if (preview.refusal && preview.columns.length === 0) return refusedAs(name, preview.refusal);
    return { kind: 'csv', name, text, preview };
  }
  const imported = await importFile(text, {
    name,
    ...(format === undefined ? {} : { format }),
    // The note on the map that keeps what was approximated is dated now.
    notes: { createdAt: new Date().toISOString() },
  });
  if (!imported.ok) return refusedAs(name, imported);
  return {
    kind: 'map',
    name,
    format: imported.format,
    map: imported.map,
    notes: imported.notes.map((n) => n.message),
  };
}

function refusedAs(
  name: string,
  refusal: { message: string; line?: number; column?: number },
): Refused {
  return {
    kind: 'refused',
    name,
    message: refusal.message,
    ...(refusal.line === undefined ? {} : { line: refusal.line }),
    ...(refusal.column === undefined ? {} : { column: refusal.column }),
  };
}

/** The choices made in a spreadsheet's preview: each column's field, each time column's unit. */
export interface SheetChoices {
  readonly columns: ColumnOverrides;
  readonly units: UnitOverrides;
}

/** How the sheet reads with these choices (quick: run again on every change). */
export function previewSheet(
  text: string,
  columns: ColumnOverrides,
  units: UnitOverrides,
): CsvPreview {
  return previewCsv(text, { columns, units });
}

/**
 * The sheet imported with these choices and title: the map to create, with the note that keeps
 * what was approximated dated now, or why not.
 */
export function importSheet(
  name: string,
  text: string,
  choices: SheetChoices,
  title: string,
): Promise<Imported> {
  return importFile(text, {
    name,
    format: 'csv',
    csv: {
      columns: choices.columns,
      units: choices.units,
      title: title || titleFromFileName(name),
    },
    notes: { createdAt: new Date().toISOString() },
  });
}
