import { type ValidationResult, validateMap } from '@procmap/model';
import { EXIT, type ExitCode } from './exit-codes';
import { type Io, writeJson } from './output';
import { readMapFile } from './read-map-file';
import { reportReadError, reportValidation, validationJson } from './validate-report';

/** A map file that read and validated, or the exit code after its problem was reported. */
export type Opened =
  | { readonly ok: true; readonly validation: ValidationResult & { ok: true } }
  | { readonly ok: false; readonly code: ExitCode };

/**
 * Reads and validates a map file for a command that needs a valid map. Problems are reported
 * as `procmap validate` reports them (as JSON with `json`): 2 for an unreadable file, 1 for an
 * invalid one.
 */
export async function openValidMap(io: Io, file: string, json: boolean): Promise<Opened> {
  const read = await readMapFile(file);
  if (!read.ok) {
    reportReadError(io, file, read.error, json);
    return { ok: false, code: EXIT.usage };
  }
  const validation = validateMap(read.value);
  if (!validation.ok) {
    if (json) writeJson(io, validationJson(file, validation));
    else reportValidation(io, file, validation);
    return { ok: false, code: EXIT.invalid };
  }
  return { ok: true, validation };
}
