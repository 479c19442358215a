/*
 * Recognises SQLite errors that mean there is no room to write, and turns them into
 * StorageError 'disk-full' with a message saying which limit was hit: the store's own size
 * limit (PRAGMA max_page_count, from PROCMAP_MAX_DB_BYTES) or the disk itself. SQLite reports
 * a write refused for lack of space as SQLITE_FULL; some file systems only find out when the
 * data is flushed, which SQLite reports as an I/O error — counted as disk-full when the file
 * system has (almost) no space left at that moment. Either way the transaction was rolled
 * back: nothing of it was written.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from './adapter';

/** I/O errors that can mean "no space left" (ENOSPC during write, flush, truncate, mmap). */
const SPACE_IO_ERRORS = new Set([
  'SQLITE_IOERR',
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_FSYNC',
  'SQLITE_IOERR_DIR_FSYNC',
  'SQLITE_IOERR_TRUNCATE',
  'SQLITE_IOERR_SHMSIZE',
]);

/** Below this much free space, an I/O error on write is taken to mean the disk is full. */
const NEARLY_FULL_BYTES = 1024 * 1024;

/** Free bytes for unprivileged writers on the file system holding `path`, if it can be read. */
function freeBytes(path: string): number | undefined {
  try {
    const stats = statfsSync(dirname(path));
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

/**
 * The 'disk-full' StorageError for `error` when it means there is no room to write the store
 * at `path` (`maxBytes`: its configured size limit, if any); undefined for any other error.
 */
export function diskFullError(
  error: unknown,
  path: string,
  maxBytes: number | undefined,
): StorageError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || (code !== 'SQLITE_FULL' && !SPACE_IO_ERRORS.has(code))) {
    return undefined;
  }
  const free = path === ':memory:' ? undefined : freeBytes(path);
  const diskFull = free !== undefined && free < NEARLY_FULL_BYTES;
  if (code !== 'SQLITE_FULL' && !diskFull) return undefined;
  const reason = (error as Error).message;
  const message =
    maxBytes !== undefined && !diskFull
      ? `the data store ${path} has reached its size limit of ${maxBytes} bytes ` +
        `(PROCMAP_MAX_DB_BYTES); nothing was written (${code}: ${reason})`
      : `no space left on the disk for the data store ${path}; nothing was written ` +
        `(${code}: ${reason})`;
  return new StorageError('disk-full', message);
}
