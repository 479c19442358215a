import type { ProcessMap } from '@procmap/model';

/*
 * What every importer answers: a valid map and what was approximated on the way in, or a
 * refusal in words with the place in the file, and then nothing at all is created.
 */

/** The formats procmap reads. */
export type ImportFormat = 'bpmn' | 'csv' | 'drawio';

/**
 * One thing the import could not carry over exactly, counted: "3 message flows between pools
 * kept as notes", "1 node in no lane put in Unassigned". Shown to the user and printed by the
 * CLI; `code` is stable for programs, `message` is the sentence people read.
 */
export interface ImportNote {
  readonly code: string;
  readonly count: number;
  readonly message: string;
}

export type Imported =
  | {
      readonly ok: true;
      readonly format: ImportFormat;
      readonly map: ProcessMap;
      readonly notes: readonly ImportNote[];
    }
  | ImportRefusal;

/** Why a file was not imported. `line` and `column` (from 1) say where, when known. */
export interface ImportRefusal {
  readonly ok: false;
  readonly code: ImportRefusalCode;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type ImportRefusalCode =
  | 'too-large'
  | 'unsafe-xml'
  | 'malformed'
  | 'not-recognised'
  | 'empty'
  | 'invalid-map';

/**
 * The largest file an import reads, in bytes (10 MiB), checked before any parsing. Real BPMN
 * files of large processes are a few hundred kilobytes; a spreadsheet of 10,000 steps is about
 * 1 MB.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function refuse(
  code: ImportRefusalCode,
  message: string,
  at?: { line?: number; column?: number },
): ImportRefusal {
  return {
    ok: false,
    code,
    message,
    ...(at?.line === undefined ? {} : { line: at.line }),
    ...(at?.column === undefined ? {} : { column: at.column }),
  };
}
