import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecord } from './commit-record';
import { recoverStore } from './recover';
import { SqliteStorage } from './sqlite-storage';
import { verifyStore } from './store-check';
import { listBackups, recordPath, walPath } from './store-files';
import { sampleRecord, sampleUpdate, tempStores } from './test-stores';

/* The recovery command's choices, on real damaged stores and real backups. */

const freshPath = tempStores('recover');

const record = sampleRecord;
const update = sampleUpdate;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const NOW = new Date('2025-03-01T12:00:00.000Z');

/** How many updates map "m" has in the store at `path` once it opens. */
async function updatesIn(path: string): Promise<number> {
  const storage = SqliteStorage.open(path);
  const n = (await storage.loadState('m'))?.updates.length ?? 0;
  await storage.close();
  return n;
}

/**
 * A store whose map "m" got `before` updates, then a backup, then `after` more, left as after
 * kill -9 (files copied while open); returns the copy's path.
 */
async function storeWithBackup(before: number, after: number) {
  const path = freshPath();
  const storage = SqliteStorage.open(path);
  await storage.createMap(record('m'), update(0));
  for (let n = 1; n < before; n++) await storage.appendUpdates('m', [update(n)]);
  await storage.backup();
  for (let n = 0; n < after; n++) await storage.appendUpdates('m', [update(n)]);
  const copy = freshPath();
  for (const suffix of ['', '-wal', '.last-commit']) {
    if (existsSync(`${path}${suffix}`)) copyFileSync(`${path}${suffix}`, `${copy}${suffix}`);
  }
  mkdirSync(join(dirname(copy), 'backups'));
  for (const backup of listBackups(path)) {
    copyFileSync(backup.path, backup.path.replace(dirname(path), dirname(copy)));
  }
  await storage.close();
  return copy;
}

describe('recoverStore', () => {
  it('restores the newest good backup over a store SQLite finds damaged', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    await storage.createMap(record('m'), update(0));
    for (let n = 1; n < 30; n++) await storage.appendUpdates('m', [update(n, 8000)]);
    await storage.backup();
    await storage.appendUpdates('m', [update(99)]);
    await storage.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 10, 4096 * 30);
    writeFileSync(path, bytes);
    const damagedSha = sha(path);

    const outcome = await recoverStore(path, NOW);
    expect(outcome.ok).toBe(true);
    expect(outcome.lines.join('\n')).toMatch(/is damaged: SQLite's integrity check/);
    expect(outcome.lines.join('\n')).toMatch(/Restored the backup .*\(1 map, up to commit 30\)/);
    const aside = join(dirname(path), 'damaged-2025-03-01T12-00-00-000Z');
    expect(sha(join(aside, 'procmap.sqlite'))).toBe(damagedSha);
    expect(readRecord(recordPath(path))).toBe(30);
    expect(verifyStore(path)).toEqual({ commits: 30 });
    expect(await updatesIn(path)).toBe(30);
  });

  it('keeps what the store still holds when that is newer than every backup', async () => {
    const path = await storeWithBackup(3, 10);
    truncateSync(walPath(path), statSync(walPath(path)).size - (24 + 4096)); // loses 1 commit
    const outcome = await recoverStore(path, NOW);
    expect(outcome.ok).toBe(true);
    expect(outcome.lines.join('\n')).toMatch(/Kept what the damaged store still holds/);
    expect(await updatesIn(path)).toBe(12);
    expect(readRecord(recordPath(path))).toBe(12);
  });

  it('takes the backup when it holds more than what is left of the store', async () => {
    const path = await storeWithBackup(10, 5);
    truncateSync(path, 0);
    const outcome = await recoverStore(path, NOW);
    expect(outcome.ok).toBe(true);
    expect(outcome.lines.join('\n')).toMatch(/Restored the backup/);
    expect(await updatesIn(path)).toBe(10);
  });

  it('passes over a damaged backup for an older good one', async () => {
    const path = await storeWithBackup(5, 0);
    const storage = SqliteStorage.open(path);
    await storage.appendUpdates('m', [update(7)]);
    const newer = await storage.backup();
    await storage.close();
    writeFileSync(newer!.file, 'not a database any more'.repeat(500));
    rmSync(path);
    const outcome = await recoverStore(path, NOW);
    expect(outcome.ok).toBe(true);
    const text = outcome.lines.join('\n');
    expect(text).toContain(`Backup ${newer!.file} is unusable`);
    expect(text).toMatch(/Restored the backup .*up to commit 5\)/);
    expect(await updatesIn(path)).toBe(5);
  });

  it('changes nothing when no usable copy exists, and says how to salvage', async () => {
    const path = freshPath();
    writeFileSync(path, 'SQLite format 3\0'.padEnd(8192, '?'));
    writeFileSync(recordPath(path), '40\n');
    const outcome = await recoverStore(path, NOW);
    expect(outcome.ok).toBe(false);
    expect(outcome.lines.join('\n')).toMatch(/No usable copy was found, so nothing was changed/);
    expect(readdirSync(dirname(path)).sort()).toEqual([
      'procmap.sqlite',
      'procmap.sqlite.last-commit',
    ]);
  });

  it('leaves a sound store alone, and a store some process still has open', async () => {
    const path = await storeWithBackup(4, 2);
    const before = sha(path);
    expect(await recoverStore(path, NOW)).toEqual({
      ok: true,
      lines: [`${path} passes the integrity check: nothing to recover.`],
    });
    expect(sha(path)).toBe(before);

    const running = SqliteStorage.open(path);
    writeFileSync(recordPath(path), '999\n'); // now it looks damaged, but it is in use
    const outcome = await recoverStore(path, NOW);
    expect(outcome.ok).toBe(false);
    expect(outcome.lines.join('\n')).toMatch(/Another process has it open/);
    expect(readdirSync(dirname(path)).some((name) => name.startsWith('damaged-'))).toBe(false);
    await running.close();
  });
});
