/*
 * The recovery command (`procmap-server --recover`): puts a damaged store back into service
 * from the best copy there is, keeping the damaged files.
 *
 *   1. A store that passes the integrity check (store-check.ts) is left alone.
 *   2. A store some process still has open (a running server) is left alone.
 *   3. The candidates are what the damaged store still holds, if SQLite can read it and its
 *      quick_check passes (a write-ahead log cut short leaves the commits before the cut), and
 *      every backup that passes quick_check. The one with the highest commit counter wins; on a
 *      tie, the store itself. With no candidate, nothing is changed.
 *   4. The database, its write-ahead log and commit record move to `damaged-<time>/` beside it,
 *      untouched; the winner is copied in under a temporary name and renamed into place, and
 *      the commit record is set to its counter.
 * Every step is reported as a line of text.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { replaceRecord } from './commit-record';
import { flushFile, flushFolder } from './file-sync';
import { describeProblems, inspectStore, type StoreInspection, verifyStore } from './store-check';
import { StoreDamagedError } from './store-damaged';
import { fileStamp, listBackups, recordPath, shmPath, walPath } from './store-files';
import { storeInUse } from './store-in-use';

export interface RecoveryOutcome {
  /** True when the store can be served now (restored, or nothing was wrong). */
  readonly ok: boolean;
  /** What was found and done, one sentence a line. */
  readonly lines: readonly string[];
}

interface Candidate extends StoreInspection {
  /** The file to restore from; undefined for the damaged store itself. */
  readonly backup?: { readonly path: string; readonly takenAt: Date };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Recovers the store at `dbPath`; see above. Never throws for a damaged store. */
export async function recoverStore(dbPath: string, now = new Date()): Promise<RecoveryOutcome> {
  const lines: string[] = [];
  let damage: StoreDamagedError;
  try {
    verifyStore(dbPath);
    const found = existsSync(dbPath) ? 'passes the integrity check' : 'does not exist yet';
    return { ok: true, lines: [`${dbPath} ${found}: nothing to recover.`] };
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    damage = error;
  }
  lines.push(`${dbPath} is damaged: ${damage.reason}.`);
  if (storeInUse(dbPath)) {
    lines.push(
      'Another process has it open (a server still running?): stop it, then run this again.',
    );
    return { ok: false, lines };
  }

  const candidates: Candidate[] = [];
  if (existsSync(dbPath) && statSync(dbPath).size > 0) {
    const current = inspectStore(dbPath);
    if (current.problems.length === 0) candidates.push(current);
  }
  for (const backup of listBackups(dbPath)) {
    const checked = inspectStore(backup.path);
    if (checked.problems.length === 0) candidates.push({ ...checked, backup });
    else lines.push(`Backup ${backup.path} is unusable: ${describeProblems(checked.problems)}.`);
  }
  // Highest counter first; the sort is stable, so on a tie the store itself (first) wins.
  const best = [...candidates].sort((a, b) => b.commits - a.commits)[0];
  if (!best) {
    lines.push(
      'No usable copy was found, so nothing was changed. The sqlite3 shell can salvage what is ' +
        `readable ("sqlite3 ${dbPath} .recover"); to start an empty store instead, move ` +
        `${basename(dbPath)}* and ${basename(recordPath(dbPath))} out of ${dirname(dbPath)}.`,
    );
    return { ok: false, lines };
  }

  const aside = join(dirname(dbPath), `damaged-${fileStamp(now)}`);
  mkdirSync(aside, { recursive: true });
  const moved: string[] = [];
  for (const file of [dbPath, walPath(dbPath), recordPath(dbPath)]) {
    if (!existsSync(file)) continue;
    renameSync(file, join(aside, basename(file)));
    moved.push(basename(file));
  }
  rmSync(shmPath(dbPath), { force: true }); // the log's index; rebuilt on open
  lines.push(`Moved the damaged files to ${aside}: ${moved.join(', ') || 'none'}.`);

  const restoring = `${dbPath}.restoring`;
  rmSync(restoring, { force: true });
  if (best.backup) {
    copyFileSync(best.backup.path, restoring);
  } else {
    // What SQLite can still read of the damaged store (its log up to the damage, applied).
    const source = new Database(join(aside, basename(dbPath)), { readonly: true });
    try {
      await source.backup(restoring);
    } finally {
      source.close();
    }
  }
  flushFile(restoring);
  renameSync(restoring, dbPath);
  flushFolder(dirname(dbPath));
  replaceRecord(recordPath(dbPath), best.commits);

  const holds = `${plural(best.maps, 'map')}, up to commit ${best.commits}`;
  if (best.backup) {
    lines.push(
      `Restored the backup ${best.backup.path}, taken ${best.backup.takenAt.toISOString()} ` +
        `(${holds}); what was saved after it is not in the store.`,
    );
  } else {
    lines.push(
      `Kept what the damaged store still holds (${holds}): no backup holds more. ` +
        'What was saved after that is not in the store.',
    );
  }
  lines.push(
    'Editors still open on a map send what they have again when they reconnect, so some of ' +
      'the lost edits may come back.',
  );
  verifyStore(dbPath);
  lines.push('The store passes the integrity check: start the server as usual.');
  return { ok: true, lines };
}
