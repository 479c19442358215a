import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecord } from './commit-record';
import { SqliteStorage } from './sqlite-storage';
import { verifyStore } from './store-check';
import { StoreDamagedError } from './store-damaged';
import { backupsDir, recordPath, walPath } from './store-files';
import { WorkerStorage } from './worker-storage';
import { sampleRecord, sampleUpdate, tempStores } from './test-stores';

/*
 * The integrity check on open, on real SQLite files: copies of a store taken while it was
 * still open (as after kill -9: the latest commits only in the write-ahead log), then damaged.
 */

const freshPath = tempStores('store-check');

const record = sampleRecord;
const update = sampleUpdate;

/** Copies a store's files (database, write-ahead log, commit record) into a new folder. */
function copyStore(path: string): string {
  const copy = freshPath();
  for (const file of [path, walPath(path), recordPath(path)]) {
    if (existsSync(file)) copyFileSync(file, file.replace(path, copy));
  }
  return copy;
}

/** A store with map "m" and `appends` more commits, copied while still open: a crash image. */
async function crashImage(appends = 12): Promise<string> {
  const path = freshPath();
  const storage = SqliteStorage.open(path);
  await storage.createMap(record('m'), update(0));
  for (let n = 1; n <= appends; n++) await storage.appendUpdates('m', [update(n)]);
  const copy = copyStore(path);
  await storage.close();
  return copy;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Expects `open` to throw StoreDamagedError for `path` with a reason matching `reason`. */
function expectDamaged(path: string, reason: RegExp, open = () => SqliteStorage.open(path)) {
  let thrown: unknown;
  try {
    open();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StoreDamagedError);
  expect((thrown as StoreDamagedError).path).toBe(path);
  expect((thrown as StoreDamagedError).reason).toMatch(reason);
  expect((thrown as Error).message).toContain(path);
}

describe('the commit counter and record', () => {
  it('counts every write transaction, records it beside the database, and not a refused one', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    expect(await storage.commits()).toBe(0);
    await storage.createMap(record('m'), update(0));
    await storage.appendUpdates('m', [update(1), update(2)]);
    await storage.touchMap('m', { title: 'Renamed', updatedAt: '2025-03-02T00:00:00.000Z' });
    await storage.compact('m', update(9, 60), 2);
    await storage.createMap(record('gone'), update(0));
    await storage.deleteMap('gone');
    expect(await storage.commits()).toBe(6);
    expect(readRecord(recordPath(path))).toBe(6);
    await expect(storage.appendUpdates('nope', [update(3)])).rejects.toThrow();
    await expect(storage.createMap(record('m'), update(0))).rejects.toThrow();
    expect(await storage.commits()).toBe(6);
    expect(readRecord(recordPath(path))).toBe(6);
    await storage.close();
  });
});

describe('opening a store', () => {
  it('opens a crash image with every commit (no false alarm after kill -9)', async () => {
    const path = await crashImage();
    expect(statSync(walPath(path)).size).toBeGreaterThan(0);
    const storage = SqliteStorage.open(path);
    expect(await storage.commits()).toBe(13);
    expect((await storage.loadState('m'))?.lastSeq).toBe(13);
    await storage.close();
  });

  it('refuses a store whose write-ahead log was cut short, and changes nothing', async () => {
    const path = await crashImage();
    const frame = 24 + 4096;
    truncateSync(walPath(path), statSync(walPath(path)).size - frame);
    const before = [sha(path), sha(walPath(path))];
    expectDamaged(path, /1 acknowledged commits are missing: it ends at commit 12, but commit 13/);
    expectDamaged(path, /write-ahead log .*procmap\.sqlite-wal was damaged or cut short/);
    expect([sha(path), sha(walPath(path))]).toEqual(before);
  });

  it('refuses a store with garbage in its write-ahead log (SQLite drops the frames after it)', async () => {
    const path = await crashImage();
    const wal = readFileSync(walPath(path));
    wal.fill(0xa5, Math.floor(wal.length / 2), Math.floor(wal.length / 2) + 100);
    writeFileSync(walPath(path), wal);
    expectDamaged(path, /acknowledged commits are missing/);
  });

  it('refuses a store whose write-ahead log was deleted', async () => {
    const path = await crashImage();
    rmSync(walPath(path));
    expectDamaged(path, /13 acknowledged commits are missing: .*-wal is missing/);
  });

  it('refuses garbage pages in the middle of the database (quick_check)', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    await storage.createMap(record('m'), update(0));
    for (let n = 1; n <= 40; n++) await storage.appendUpdates('m', [update(n, 10_000)]);
    await storage.close(); // checkpointed: everything is in the database file
    const bytes = readFileSync(path);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(60);
    for (let i = 4096 * Math.floor(pages / 3); i < 4096 * Math.floor(pages / 3 + 20); i++) {
      bytes[i] = (i * 7919) & 255;
    }
    writeFileSync(path, bytes);
    expectDamaged(path, /quick_check\) reports/);
  });

  it('refuses a database that is not SQLite, as damaged', () => {
    const path = freshPath();
    writeFileSync(path, 'Meeting notes, not a database.\n'.repeat(200));
    expectDamaged(path, /SQLite cannot read it: file is not a database/);
  });

  it('refuses an empty or missing database where the record or backups show there was data', async () => {
    const emptied = await crashImage();
    truncateSync(emptied, 0);
    expectDamaged(emptied, /the file is empty \(0 bytes\), but commit 13 was acknowledged/);

    const missing = await crashImage();
    rmSync(missing);
    expectDamaged(missing, /the file is missing, but commit 13 was acknowledged/);

    const backedUp = freshPath();
    writeFileSync(backedUp, '');
    mkdirSync(backupsDir(backedUp));
    writeFileSync(join(backupsDir(backedUp), 'procmap-2025-03-01T09-00-00-000Z.sqlite'), 'x');
    expectDamaged(backedUp, /the file is empty \(0 bytes\), but it has backups in/);
  });

  it('opens an empty file with no record and no backups as a new store', async () => {
    const path = freshPath();
    writeFileSync(path, '');
    const storage = SqliteStorage.open(path);
    expect(await storage.listMaps()).toEqual([]);
    await storage.close();
  });

  it('opens a store whose record lags behind (a record lost in a power cut) and updates it', async () => {
    const path = await crashImage();
    writeFileSync(recordPath(path), '5\n');
    expect(verifyStore(path)).toEqual({ commits: 13 });
    const storage = SqliteStorage.open(path);
    expect(readRecord(recordPath(path))).toBe(13);
    await storage.appendUpdates('m', [update(99)]);
    expect(readRecord(recordPath(path))).toBe(14);
    await storage.close();
  });

  it('reaches the main thread as StoreDamagedError through the worker', async () => {
    const path = await crashImage();
    truncateSync(walPath(path), statSync(walPath(path)).size - (24 + 4096));
    const error = await WorkerStorage.open(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreDamagedError);
    expect(error).toMatchObject({ path, reason: expect.stringMatching(/commits are missing/) });
  });
});
