import { readFile } from 'node:fs/promises';
import { findJsonSyntaxError } from './json-syntax-error';

export type ReadErrorCode = 'not-found' | 'empty' | 'not-json' | 'unreadable';

export interface ReadError {
  readonly code: ReadErrorCode;
  /** One line, without the file name. */
  readonly message: string;
  /** Where the JSON breaks, for `not-json` syntax errors (1-based). */
  readonly line?: number;
  readonly column?: number;
}

export type ReadResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ReadError };

const utf8 = new TextDecoder('utf-8', { fatal: true }); // strips a leading BOM
const ONLY_WHITESPACE = /^[ \t\n\r]*$/;

/** Reads a file and parses it as JSON; every failure is a result, never a throw. */
export async function readMapFile(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { ok: false, error: describeReadFailure(err) };
  }
  return parseMapBytes(bytes);
}

/** Decodes UTF-8 bytes (BOM allowed) and parses them as JSON. */
export function parseMapBytes(bytes: Uint8Array): ReadResult {
  const fail = (code: ReadErrorCode, message: string): ReadResult => ({
    ok: false,
    error: { code, message },
  });
  if (bytes.length === 0) return fail('empty', 'the file is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('not-json', 'the file is UTF-16 text; save it as UTF-8');
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('not-json', 'the file is not UTF-8 text');
  }
  if (ONLY_WHITESPACE.test(text)) return fail('empty', 'the file is empty (only whitespace)');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const where = findJsonSyntaxError(text);
    if (!where) return fail('not-json', `not valid JSON: ${(err as Error).message}`);
    const { line, column, message } = where;
    return {
      ok: false,
      error: {
        code: 'not-json',
        message: `not valid JSON at line ${line}, column ${column}: ${message}`,
        line,
        column,
      },
    };
  }
}

/** A failed read (missing, a directory, no permission...) in one line. */
export function describeReadFailure(err: unknown): ReadError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'not-found', message: 'no such file' };
    case 'EISDIR':
      return { code: 'unreadable', message: 'is a directory, not a file' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable', message: 'permission denied' };
    default:
      return {
        code: 'unreadable',
        message: `cannot read the file (${code ?? (err as Error | undefined)?.message ?? 'unknown error'})`,
      };
  }
}
