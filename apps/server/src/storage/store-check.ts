/*
 * The integrity check a store must pass before it is served, and the read-only inspection it
 * (and the recovery command, and every backup) relies on. Nothing here writes: the database
 * is opened read-only, so SQLite never checkpoints or deletes its write-ahead log, and a
 * damaged store is left exactly as it was found.
 *
 * A store is refused when:
 *   - SQLite cannot read it, or `PRAGMA quick_check` reports a problem (garbage pages, a file
 *     cut short);
 *   - its commit counter is below the commit record (acknowledged commits were lost: the
 *     write-ahead log was damaged, cut short or deleted, or the file replaced by an older one);
 *   - it is empty (0 bytes) or missing while the record or the backups show it held data.
 * An empty or missing file with no record and no backups is a new store.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readRecord } from './commit-record';
import { StoreDamagedError } from './store-damaged';
import { backupsDir, listBackups, recordPath, walPath } from './store-files';

export interface StoreInspection {
  /** What SQLite's quick_check reports, or why the file cannot be read; empty when sound. */
  readonly problems: readonly string[];
  /** The commit counter (0 for a store written before the counter existed). */
  readonly commits: number;
  readonly maps: number;
}

const MAX_PROBLEMS = 20;

const hasTable = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
  undefined;

/** Reads a store read-only: quick_check, its commit counter and how many maps it holds. */
export function inspectStore(path: string): StoreInspection {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.pragma(`quick_check(${MAX_PROBLEMS})`) as { quick_check: string }[];
    // One row may hold several lines, under a "*** in database main ***" heading.
    const problems = rows
      .flatMap((r) => r.quick_check.split('\n'))
      .filter((line) => line !== 'ok' && line.trim() !== '' && !line.startsWith('***'));
    if (problems.length > 0) return { problems, commits: 0, maps: 0 };
    const commits = hasTable(db, 'store_state')
      ? ((db.prepare('SELECT commits FROM store_state WHERE id = 1').pluck().get() as number) ?? 0)
      : 0;
    const maps = hasTable(db, 'maps')
      ? (db.prepare('SELECT COUNT(*) FROM maps').pluck().get() as number)
      : 0;
    return { problems, commits, maps };
  } catch (error) {
    return {
      problems: [`SQLite cannot read it: ${(error as Error).message}`],
      commits: 0,
      maps: 0,
    };
  } finally {
    db?.close();
  }
}

/** One sentence for a list of quick_check problems. */
export function describeProblems(problems: readonly string[]): string {
  const [first] = problems;
  if (problems.length === 1 && first?.startsWith('SQLite cannot read it')) return first;
  const more =
    problems.length >= MAX_PROBLEMS
      ? ` (and more: run "PRAGMA integrity_check" in the sqlite3 shell for the list)`
      : problems.length > 1
        ? ` (and ${problems.length - 1} more)`
        : '';
  return `SQLite's integrity check (quick_check) reports "${first}"${more}`;
}

/**
 * Checks the store at `dbPath` before it is opened for writing; throws StoreDamagedError when
 * it must not be served. Returns the store's commit counter (0 for a new store).
 */
export function verifyStore(dbPath: string): { readonly commits: number } {
  const damaged = (reason: string) => new StoreDamagedError(dbPath, reason);
  const record = recordPath(dbPath);
  const recorded = readRecord(record);
  const evidence = () => {
    if (recorded) return `commit ${recorded} was acknowledged (${record})`;
    if (listBackups(dbPath).length > 0) return `it has backups in ${backupsDir(dbPath)}`;
    return undefined;
  };
  const empty = !existsSync(dbPath) ? 'missing' : statSync(dbPath).size === 0 ? 'empty' : '';
  if (empty) {
    const held = evidence();
    if (!held) return { commits: 0 };
    const what = empty === 'missing' ? 'the file is missing' : 'the file is empty (0 bytes)';
    throw damaged(`${what}, but ${held}`);
  }
  const wal = walPath(dbPath);
  const hadLog = existsSync(wal); // before opening: a reader may leave an empty one behind
  const found = inspectStore(dbPath);
  if (found.problems.length > 0) throw damaged(describeProblems(found.problems));
  if (recorded !== undefined && found.commits < recorded) {
    const cause = hadLog
      ? `its write-ahead log ${wal} was damaged or cut short`
      : `its write-ahead log ${wal} is missing`;
    throw damaged(
      `${recorded - found.commits} acknowledged commits are missing: it ends at commit ` +
        `${found.commits}, but commit ${recorded} was acknowledged (${record}); ${cause}, ` +
        'or the file was replaced by an older copy',
    );
  }
  return { commits: found.commits };
}
