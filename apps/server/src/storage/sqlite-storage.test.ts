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
    expect(await storage.pragmas()).toEqual({
      journalMode: 'wal',
      synchronous: 2,
      foreignKeys: true,
      busyTimeout: 5000,
      userVersion: 1,
    });
    const other = new Database(path, { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(other.pragma('user_version', { simple: true })).toBe(1);
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
