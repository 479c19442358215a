import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storageContract } from './contract';
import { SqliteStorage } from './sqlite-storage';

const here = fileURLToPath(new URL('.', import.meta.url));
let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'procmap-sqlite-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
/** A database path in a new folder of its own. */
const freshPath = () => join(mkdtempSync(join(root, 'db-')), 'maps.db');

storageContract(
  'SqliteStorage',
  async () => {
    const path = freshPath();
    return { storage: SqliteStorage.open(path), reopen: async () => SqliteStorage.open(path) };
  },
  { persists: true },
);
storageContract('SqliteStorage :memory:', async () => ({
  storage: SqliteStorage.open(':memory:'),
}));

describe('SqliteStorage', () => {
  it('runs in WAL mode with synchronous=FULL, foreign keys and a busy timeout', async () => {
    const path = freshPath();
    const storage = SqliteStorage.open(path);
    const pragmas = await storage.pragmas();
    expect(pragmas).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: true,
      busyTimeout: 5000,
      userVersion: 2,
      maxPageCount: pragmas.maxPageCount,
    });
    expect(pragmas.maxPageCount, 'no size limit unless one is set').toBeGreaterThan(2 ** 30);
    const other = new Database(path, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(other.pragma('user_version', { simple: true })).toBe(2);
    other.close();
    await storage.close();
  });

  it('creates the folder of a new database file', async () => {
    const path = join(root, 'not', 'yet', 'there', 'maps.db');
    expect(existsSync(join(root, 'not'))).toBe(false);
    const storage = SqliteStorage.open(path);
    expect(existsSync(path)).toBe(true);
    await storage.close();
  });

  it('refuses a file that is not a SQLite database, naming the path', () => {
    const path = join(mkdtempSync(join(root, 'bad-')), 'notes.db');
    writeFileSync(path, 'Workshop notes: this is plain text, not a database.\n'.repeat(40));
    expect(() => SqliteStorage.open(path)).toThrow(path);
    expect(() => SqliteStorage.open(path)).toThrow(/not a database/);
  });

  it('refuses a database written by a newer schema version', () => {
    const path = freshPath();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteStorage.open(path)).toThrow(path);
    expect(() => SqliteStorage.open(path)).toThrow(/schema version 99 is newer/);
  });

  it('brings a version-1 file up to version 2, keeping its maps, with a commit counter', async () => {
    const path = freshPath();
    const v1 = new Database(path);
    v1.pragma('journal_mode = WAL');
    v1.exec(`
      CREATE TABLE maps (id TEXT PRIMARY KEY, title TEXT NOT NULL, edit_token_hash TEXT NOT NULL,
        view_token_hash TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX maps_by_updated_at ON maps (updated_at);
      CREATE TABLE updates (map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (map_id, seq));
      INSERT INTO maps VALUES ('old', 'Old map', 'e', 'f', '2024-01-01', '2024-01-01');
      INSERT INTO updates VALUES ('old', 1, x'010203');
      PRAGMA user_version = 1;
    `);
    v1.close();
    const storage = SqliteStorage.open(path);
    expect((await storage.pragmas()).userVersion).toBe(2);
    expect(await storage.commits()).toBe(0);
    expect(await storage.loadState('old')).toEqual({
      updates: [Uint8Array.of(1, 2, 3)],
      lastSeq: 1,
    });
    await storage.appendUpdates('old', [Uint8Array.of(4, 5, 6)]);
    expect(await storage.commits()).toBe(1);
    await storage.close();
  });

  it('keeps every acknowledged update when the writer is killed without closing', {
    timeout: 60_000,
  }, async () => {
    const path = freshPath();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'sqlite-crash-writer.fixture.ts'), path],
      { cwd: here, encoding: 'utf8', timeout: 60_000 },
    );
    const [json, marker] = child.stdout.trim().split('\n');
    expect(marker, child.stderr).toBe('written');
    expect(child.signal).toBe('SIGKILL');
    const written = JSON.parse(json ?? '{}') as { updates: string[]; steps: unknown };
    expect(written.updates.length).toBeGreaterThan(40);
    // The writes are still in the WAL, never checkpointed: reopening must recover them.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);

    const storage = SqliteStorage.open(path);
    const state = await storage.loadState('crash');
    const stored = (state?.updates ?? []).map((u) => Buffer.from(u).toString('hex'));
    expect(stored).toEqual(written.updates);
    expect(state?.lastSeq).toBe(written.updates.length);
    const doc = new Y.Doc();
    for (const update of state?.updates ?? []) Y.applyUpdate(doc, update);
    expect(doc.getMap('steps').toJSON()).toEqual(written.steps);
    await storage.close();
  });
});
