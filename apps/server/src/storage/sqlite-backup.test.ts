import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../test-support/wait';
import { BACKUPS_KEPT, writeBackup } from './sqlite-backup';
import { SqliteStorage } from './sqlite-storage';
import { inspectStore } from './store-check';
import { backupsDir, listBackups } from './store-files';
import { type BackupEvent, WorkerStorage } from './worker-storage';
import { sampleRecord, sampleUpdate, tempStores } from './test-stores';

/* Rolling backups with SQLite's online backup API, on real files. */

const freshPath = tempStores('backup');

const record = sampleRecord;
const update = sampleUpdate;

/** The updates of map "m" in a database file, read with a plain read-only connection. */
function storedUpdates(file: string): number {
  const db = new Database(file, { readonly: true });
  const n = db.prepare("SELECT COUNT(*) FROM updates WHERE map_id = 'm'").pluck().get() as number;
  db.close();
  return n;
}

describe('SqliteStorage.backup', () => {
  it('writes a checked, self-contained copy into backups/ and leaves no partial file', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    await storage.createMap(record('m'), update(0));
    await storage.appendUpdates('m', [update(1), update(2)]);
    const result = await storage.backup();
    expect(result).toMatchObject({ commits: 2, bytes: expect.any(Number), ms: expect.any(Number) });
    expect(result?.file.startsWith(join(backupsDir(path), 'procmap-'))).toBe(true);
    expect(listBackups(path).map((b) => b.path)).toEqual([result?.file]);
    expect(readdirSync(backupsDir(path))).toEqual([expect.stringMatching(/^procmap-.*\.sqlite$/)]);
    // Rollback-journal mode (file format bytes 1, 1): one file, no write-ahead log needed.
    const header = readFileSync(result!.file).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    expect(inspectStore(result!.file)).toEqual({ problems: [], commits: 2, maps: 1 });
    expect(storedUpdates(result!.file)).toBe(3);
    await storage.close();
  });

  it('skips a backup when nothing was committed since the last one', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    await storage.createMap(record('m'), update(0));
    expect(await storage.backup()).toBeDefined();
    expect(await storage.backup()).toBeUndefined();
    await storage.appendUpdates('m', [update(1)]);
    expect((await storage.backup())?.commits).toBe(2);
    await storage.close();
  });

  it('copies a consistent state while writes go on', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    await storage.createMap(record('m'), update(0));
    for (let n = 1; n <= 300; n++) await storage.appendUpdates('m', [update(n, 8000)]);
    const backup = storage.backup();
    const writes = Array.from({ length: 50 }, (_, n) => storage.appendUpdates('m', [update(n)]));
    const [result] = await Promise.all([backup, ...writes]);
    expect(result && inspectStore(result.file).problems).toEqual([]);
    expect(result && storedUpdates(result.file)).toBeGreaterThanOrEqual(301);
    await storage.close();
  });

  it(`keeps the newest ${BACKUPS_KEPT} and clears a partial file left by a crash`, async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    await storage.close();
    const db = new Database(path);
    const stale = join(backupsDir(path), '.procmap-2025-01-01T00-00-00-000Z.sqlite.partial');
    const times = [1, 2, 3, 4, 5].map((h) => new Date(`2025-03-01T0${h}:00:00.000Z`));
    for (const [i, at] of times.entries()) {
      if (i === 2) writeFileSync(stale, 'half a backup');
      await writeBackup(db, path, BACKUPS_KEPT, at);
    }
    db.close();
    expect(existsSync(stale)).toBe(false);
    expect(listBackups(path).map((b) => b.takenAt)).toEqual(times.slice(2).reverse());
    expect(readdirSync(backupsDir(path))).toHaveLength(BACKUPS_KEPT);
  });
});

describe('WorkerStorage backups', () => {
  it('writes backups on its timer and reports each (file, time, size)', async () => {
    const path = freshPath();
    const events: BackupEvent[] = [];
    const storage = await WorkerStorage.open(path, {
      backupEveryMs: 20,
      onBackup: (event) => events.push(event),
    });
    await storage.createMap(record('m'), update(0));
    // (Within the test's own 5 s, so that a failure says what never came.)
    const waiting = { timeoutMs: 4_000, seen: () => events };
    await waitFor(() => events.length > 0, 'the first backup', waiting);
    await storage.appendUpdates('m', [update(1)]);
    await waitFor(
      () => events.some((e) => e.ok && e.commits === 2),
      'a backup of both commits',
      waiting,
    );
    await storage.close();
    expect(events.every((e) => e.ok)).toBe(true);
    const last = events.at(-1);
    expect(last).toMatchObject({ ok: true, commits: 2 });
    if (last?.ok) expect(storedUpdates(last.file)).toBe(2);
    expect(readdirSync(backupsDir(path)).every((name) => !name.endsWith('.partial'))).toBe(true);
  });
});
