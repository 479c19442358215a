/*
 * The commit record: a small file beside the database holding the number of the last commit
 * the store acknowledged. Every write transaction increments a counter inside the database;
 * once the commit has returned (and so was flushed to the write-ahead log), its number is
 * written here. On start, a database whose counter is below the record has lost acknowledged
 * commits — which SQLite cannot notice by itself: it ignores write-ahead-log frames whose
 * checksums fail, and a log cut short just looks shorter.
 *
 * The record is written after the commit and without its own fsync: after a crash it may lag
 * behind the database (harmless) but can never be ahead of what was flushed, so it is never
 * the cause of a false alarm.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

/** The recorded commit number, or undefined when there is no (readable) record. */
export function readRecord(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8').trim();
  const n = Number(text);
  return text !== '' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Replaces the record, flushed to disk (for the recovery command). */
export function replaceRecord(path: string, commits: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${commits}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The record kept open by a running store and rewritten in place after every commit. */
export class CommitRecord {
  private fd: number | undefined;

  constructor(path: string, commits: number) {
    this.fd = openSync(path, 'w');
    this.note(commits);
  }

  /** Records commit `n`; counters only grow, so the new text always covers the old. */
  note(n: number): void {
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, `${n}\n`, 0);
    } catch {
      // A record that lags behind is safe; it is checked only for being ahead of the database.
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
