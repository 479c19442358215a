/*
 * Flushing files and folders to disk, for the steps that replace a file by renaming a new one
 * over it (backups, recovery): the new file is flushed before the rename, the folder after.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';

export function flushFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename); some platforms cannot, and the rename stays atomic. */
export function flushFolder(dir: string): void {
  try {
    flushFile(dir);
  } catch {
    // Not supported here (e.g. Windows); nothing more can be done.
  }
}
