/*
 * Where the files of one SQLite store live, by convention, next to `procmap.sqlite`:
 *   procmap.sqlite-wal, procmap.sqlite-shm   SQLite's write-ahead log and its index
 *   procmap.sqlite.last-commit              the number of the last acknowledged commit
 *   backups/procmap-<UTC time>.sqlite       rolling backups, newest last by name
 *   damaged-<UTC time>/                     files the recovery command moved aside
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

export const walPath = (dbPath: string) => `${dbPath}-wal`;
export const shmPath = (dbPath: string) => `${dbPath}-shm`;
export const recordPath = (dbPath: string) => `${dbPath}.last-commit`;
export const backupsDir = (dbPath: string) => join(dirname(dbPath), 'backups');

/** A time as it appears in file names: sortable, no colons. */
export const fileStamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

const STAMP = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/;

/** The parts of a backup's name: `procmap.sqlite` → `procmap-<stamp>.sqlite`. */
function nameParts(dbPath: string) {
  const ext = extname(dbPath);
  return { stem: `${basename(dbPath, ext)}-`, ext };
}

export function backupName(dbPath: string, at: Date): string {
  const { stem, ext } = nameParts(dbPath);
  return `${stem}${fileStamp(at)}${ext}`;
}

export interface BackupFile {
  readonly path: string;
  /** When the backup was started, from its name. */
  readonly takenAt: Date;
}

/** The backups of a store, newest first; partial files are never listed. */
export function listBackups(dbPath: string): BackupFile[] {
  const dir = backupsDir(dbPath);
  if (!existsSync(dir)) return [];
  const { stem, ext } = nameParts(dbPath);
  return readdirSync(dir)
    .filter((name) => name.startsWith(stem) && name.endsWith(ext))
    .map((name) => ({ name, stamp: name.slice(stem.length, name.length - ext.length) }))
    .filter(({ stamp }) => STAMP.test(stamp))
    .sort((a, b) => (a.name < b.name ? 1 : -1))
    .map(({ name, stamp }) => {
      const [date, time] = stamp.split('T') as [string, string];
      const [h, m, s, ms] = time.slice(0, -1).split('-');
      return { path: join(dir, name), takenAt: new Date(`${date}T${h}:${m}:${s}.${ms}Z`) };
    });
}
