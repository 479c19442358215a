import { describe, expect, it } from 'vitest';
import { StorageError } from './adapter';
import { diskFullError } from './disk-full';
import { SqliteStorage } from './sqlite-storage';
import { WorkerStorage } from './worker-storage';
import { sampleRecord, sampleUpdate, tempStores } from './test-stores';

/*
 * A full disk, made real with the store's size limit (PRAGMA max_page_count): SQLite answers
 * SQLITE_FULL, which must reach the caller as StorageError 'disk-full' — through the worker
 * thread too — with nothing of the refused write stored and everything before it intact.
 */

const freshPath = tempStores('disk-full');

const LIMIT = 256 * 1024;
const record = sampleRecord;
const update = (n: number, length = 4000) => sampleUpdate(n, length);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('a write past the size limit', () => {
  it('rejects with disk-full through the WorkerStorage and keeps earlier data', async () => {
    const path = freshPath();
    const storage = await WorkerStorage.open(path, { maxBytes: LIMIT });
    await storage.createMap(record('a'), update(0));
    await storage.createMap(record('b'), update(1, 60_000));
    const stored = [update(0)];
    let refusal: unknown;
    for (let n = 2; n < 200 && !refusal; n++) {
      try {
        await storage.appendUpdates('a', [update(n)]);
        stored.push(update(n));
      } catch (error) {
        refusal = error;
      }
    }
    expect(refusal).toBeInstanceOf(StorageError);
    expect(refusal).toMatchObject({ code: 'disk-full' });
    expect((refusal as Error).message).toMatch(
      new RegExp(`${path}.*size limit of ${LIMIT} bytes .*nothing was written`),
    );
    expect(stored.length).toBeGreaterThan(10);
    const state = await storage.loadState('a');
    expect(state?.updates.map(hex)).toEqual(stored.map(hex));
    expect(state?.lastSeq).toBe(stored.length);
    await expect(storage.createMap(record('c'), update(3, 60_000))).rejects.toMatchObject({
      code: 'disk-full',
    });
    expect(await storage.getMap('c')).toBeUndefined();

    // Deleting a map frees room: writing works again without a restart.
    expect(await storage.deleteMap('b')).toBe(true);
    expect(await storage.appendUpdates('a', [update(500)])).toBe(stored.length + 1);
    await storage.close();

    const again = await WorkerStorage.open(path);
    const reopened = await again.loadState('a');
    expect(reopened?.updates.map(hex)).toEqual([...stored, update(500)].map(hex));
    await again.close();
  });

  it('rejects with disk-full on SqliteStorage itself, and applies the limit as max_page_count', async () => {
    const storage = SqliteStorage.open(freshPath(), { maxBytes: LIMIT });
    expect((await storage.pragmas()).maxPageCount).toBe(LIMIT / 4096);
    await storage.createMap(record('a'), update(0));
    const error = await storage
      .appendUpdates('a', [update(1, LIMIT)])
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'disk-full' });
    expect((await storage.loadState('a'))?.updates.map(hex)).toEqual([hex(update(0))]);
    expect(await storage.commits()).toBe(1);
    await storage.close();
  });
});

describe('diskFullError', () => {
  const sqliteError = (code: string, message: string) =>
    Object.assign(new Error(message), { code });

  it('takes SQLITE_FULL as disk-full, naming the disk when no size limit is set', () => {
    const error = diskFullError(
      sqliteError('SQLITE_FULL', 'database or disk is full'),
      '/x/y',
      undefined,
    );
    expect(error).toMatchObject({ code: 'disk-full' });
    expect(error?.message).toMatch(/no space left on the disk for the data store \/x\/y/);
  });

  it('leaves other errors alone, and I/O errors while the disk has room', () => {
    const path = freshPath();
    expect(diskFullError(sqliteError('SQLITE_BUSY', 'database is locked'), path, undefined)).toBe(
      undefined,
    );
    expect(diskFullError(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'), path, 1)).toBe(
      undefined,
    );
    expect(diskFullError(new Error('no code'), path, undefined)).toBeUndefined();
  });
});
