/*
 * Rolling backups of a running store with SQLite's online backup API: the copy is consistent
 * while editing goes on (the API follows writes made through the same connection). A backup is
 * written under a hidden temporary name, switched to rollback-journal mode so it is one
 * self-contained file, checked with quick_check, flushed, and only then renamed into place:
 * a crash never leaves a half-written file as the newest backup. The last few are kept.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { diskFullError } from './disk-full';
import { flushFile, flushFolder } from './file-sync';
import { describeProblems, inspectStore } from './store-check';
import { backupName, backupsDir, listBackups } from './store-files';

/** How many backups are kept; older ones are deleted after each new one. */
export const BACKUPS_KEPT = 3;

export interface BackupResult {
  /** The new backup file. */
  readonly file: string;
  /** How long it took, in milliseconds. */
  readonly ms: number;
  readonly bytes: number;
  /** The commit counter of the copy. */
  readonly commits: number;
}

const PARTIAL = '.partial';

/** Removes a partial backup and any journal SQLite left beside it. */
function removePartial(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm'])
    rmSync(`${path}${suffix}`, { force: true });
}

/** Writes a backup of `db` (the store at `dbPath`) into its backups folder; see above. */
export async function writeBackup(
  db: Database.Database,
  dbPath: string,
  keep = BACKUPS_KEPT,
  now = new Date(),
): Promise<BackupResult> {
  const dir = backupsDir(dbPath);
  mkdirSync(dir, { recursive: true });
  // Backups run one at a time, so any partial file here was left by a crash.
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') && name.includes(PARTIAL)) rmSync(join(dir, name), { force: true });
  }
  const file = join(dir, backupName(dbPath, now));
  const partial = join(dir, `.${basename(file)}${PARTIAL}`);
  const started = performance.now();
  try {
    await db.backup(partial);
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const checked = inspectStore(partial);
    if (checked.problems.length > 0) {
      throw new Error(`the new backup failed its check: ${describeProblems(checked.problems)}`);
    }
    flushFile(partial);
    renameSync(partial, file);
    flushFolder(dir);
    for (const old of listBackups(dbPath).slice(keep)) rmSync(old.path, { force: true });
    const ms = Math.round(performance.now() - started);
    return { file, ms, bytes: statSync(file).size, commits: checked.commits };
  } catch (error) {
    removePartial(partial);
    throw diskFullError(error, partial, undefined) ?? error;
  }
}
