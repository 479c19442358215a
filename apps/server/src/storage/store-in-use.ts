/*
 * Whether another process (a running server) has a store open, asked without touching it.
 * A read-write connection would checkpoint the write-ahead log when it closes, changing the
 * very files a recovery must keep as they were found; so the probe opens a hard link to the
 * database file instead. SQLite's locks belong to the file, not its name, so an exclusive lock
 * through the link fails while any other connection has the store open, and the link has a
 * (non-existent) write-ahead log of its own, so nothing is checkpointed into the database.
 */
import { existsSync, linkSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** True when another connection holds the database open; false when free or unreadable. */
export function storeInUse(dbPath: string): boolean {
  // An empty file is no database anyone can have open (SQLite writes its header at once),
  // and opening one for writing could give it a header: leave it as found.
  if (!existsSync(dbPath) || statSync(dbPath).size === 0) return false;
  const link = `${dbPath}.in-use-probe`;
  rmSync(link, { force: true });
  try {
    linkSync(dbPath, link);
  } catch {
    return false; // no file, or no hard links here: nothing to ask
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(link, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_BUSY';
  } finally {
    db?.close();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${link}${suffix}`, { force: true });
  }
}
