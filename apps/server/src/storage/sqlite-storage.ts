/*
 * The embedded default storage: one SQLite file through better-sqlite3, so `npm start` needs
 * nothing else.
 *
 * Schema (PRAGMA user_version = 2; each version adds a migration step in `migrate`):
 *   maps(id TEXT PRIMARY KEY, title, edit_token_hash, view_token_hash, created_at, updated_at)
 *   updates(map_id REFERENCES maps(id) ON DELETE CASCADE, seq, data BLOB, PRIMARY KEY(map_id, seq))
 *   store_state(id = 1, commits): a counter every write transaction increments (version 2)
 * A map's document is the rows of `updates` in seq order, applied one after another. Seqs start
 * at 1 (the initial update written by createMap) and only grow: an append continues from the
 * map's largest seq. Compaction deletes the rows with seq ≤ throughSeq and inserts the snapshot
 * at seq = throughSeq, so the live rows are always one contiguous run with the snapshot first.
 * A file written by a newer schema version is refused rather than guessed at.
 *
 * Durability: journal_mode = WAL with synchronous = FULL, so every commit fsyncs the WAL before
 * it returns. Each appendUpdates / createMap / compact is one IMMEDIATE transaction, and its
 * promise resolves only after the commit returned: a resolved append survives `kill -9` and
 * power loss (given a disk that honours fsync). A crash mid-transaction leaves no partial write.
 * Compaction refuses a snapshot shorter than 3 bytes (an empty document), so a failed load can
 * never be written over stored data. Opening refuses a file that is not SQLite, or whose
 * journal mode cannot be WAL, with an error naming the path.
 *
 * Integrity: before a file is opened for writing it must pass store-check.ts (quick_check, and
 * its commit counter not below the commit record, commit-record.ts), else StoreDamagedError.
 * After every commit the record is brought up to the new counter. `backup()` writes a rolling
 * backup (sqlite-backup.ts). A size limit (`maxBytes`, PRAGMA max_page_count) and a full disk
 * both surface as StorageError 'disk-full' (disk-full.ts), with the transaction rolled back.
 *
 * better-sqlite3 is synchronous; every method is `async` so errors surface as rejections.
 * Stored bytes are copied out into plain Uint8Arrays, never Buffers that alias driver memory.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type MapRecord,
  type MapSummary,
  type StorageAdapter,
  StorageError,
  type StoredState,
} from './adapter';
import { type MapRow, recordFromRow } from './map-row';
import { CommitRecord } from './commit-record';
import { diskFullError } from './disk-full';
import { type BackupResult, writeBackup } from './sqlite-backup';
import { verifyStore } from './store-check';
import { StoreDamagedError } from './store-damaged';
import { recordPath } from './store-files';

const SCHEMA_VERSION = 2;
const BUSY_TIMEOUT_MS = 5000;

/** SQLite's answers for a file it cannot read as a database. */
const UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export interface SqliteStorageOptions {
  /** The most the database file may grow to (PRAGMA max_page_count); unset for no limit. */
  readonly maxBytes?: number;
}

const SCHEMA_V1 = `
  CREATE TABLE IF NOT EXISTS maps (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    edit_token_hash TEXT NOT NULL,
    view_token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS maps_by_updated_at ON maps (updated_at);
  CREATE TABLE IF NOT EXISTS updates (
    map_id TEXT NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (map_id, seq)
  );
`;

const SCHEMA_V2 = `
  CREATE TABLE IF NOT EXISTS store_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    commits INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO store_state (id, commits) VALUES (1, 0);
`;

/** The connection settings that durability depends on, as SQLite reports them. */
export interface SqlitePragmas {
  readonly journalMode: string;
  /** 2 = FULL. */
  readonly synchronous: number;
  readonly foreignKeys: boolean;
  readonly busyTimeout: number;
  readonly userVersion: number;
  /** In pages; SQLite's own ceiling when no size limit is set. */
  readonly maxPageCount: number;
}

/** Creates the schema in an empty file and refuses files from a newer version. */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`schema version ${version} is newer than this server (${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version < 1) db.exec(SCHEMA_V1);
    if (version < 2) db.exec(SCHEMA_V2);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** Opens and configures a connection; throws an error naming the path when it cannot. */
function connect(path: string, options: SqliteStorageOptions): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && path !== ':memory:') {
      throw new Error(`journal mode is "${String(mode)}", WAL is required`);
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if (options.maxBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      // SQLite keeps it at least the current size: a store already larger cannot grow.
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
    }
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNREADABLE.has(code)) {
      throw new StoreDamagedError(path, `SQLite cannot read it: ${reason}`);
    }
    const full = diskFullError(error, path, options.maxBytes);
    if (full) throw full;
    throw new Error(`Cannot open SQLite database "${path}": ${reason}`, { cause: error });
  }
}

/** Every statement the adapter runs, prepared once per connection. */
function prepareStatements(db: Database.Database) {
  const p = <P extends unknown[], R = unknown>(sql: string) => db.prepare<P, R>(sql);
  return {
    getMap: p<[string], MapRow>('SELECT * FROM maps WHERE id = ?'),
    listMaps: p<[], MapSummary>(
      'SELECT id, title, updated_at AS updatedAt FROM maps ORDER BY updated_at DESC, id ASC',
    ),
    insertMap: p<[string, string, string, string, string, string]>(
      'INSERT INTO maps (id, title, edit_token_hash, view_token_hash, created_at, updated_at)' +
        ' VALUES (?, ?, ?, ?, ?, ?)',
    ),
    touchMap: p<[string | null, string, string]>(
      'UPDATE maps SET title = COALESCE(?, title), updated_at = ? WHERE id = ?',
    ),
    deleteMap: p<[string]>('DELETE FROM maps WHERE id = ?'),
    exists: p<[string], { one: number }>('SELECT 1 AS one FROM maps WHERE id = ?'),
    range: p<[string], { first: number | null; last: number | null; count: number }>(
      'SELECT MIN(seq) AS first, MAX(seq) AS last, COUNT(*) AS count FROM updates WHERE map_id = ?',
    ),
    log: p<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq',
    ),
    insertUpdate: p<[string, number, Uint8Array]>(
      'INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)',
    ),
    deleteThrough: p<[string, number]>('DELETE FROM updates WHERE map_id = ? AND seq <= ?'),
    countCommit: p<[], number>(
      'UPDATE store_state SET commits = commits + 1 WHERE id = 1 RETURNING commits',
    ).pluck(),
    commits: p<[], number>('SELECT commits FROM store_state WHERE id = 1').pluck(),
  };
}

/** A StorageAdapter over one SQLite file (WAL, synchronous=FULL); see the notes above. */
export class SqliteStorage implements StorageAdapter {
  private closed = false;
  private readonly stmt: ReturnType<typeof prepareStatements>;
  private readonly record: CommitRecord | undefined;
  /** The commit counter of the newest backup this connection wrote. */
  private backedUpCommits: number | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly options: SqliteStorageOptions,
  ) {
    this.stmt = prepareStatements(db);
    const commits = this.stmt.commits.get() ?? 0;
    this.record = path === ':memory:' ? undefined : new CommitRecord(recordPath(path), commits);
  }

  /**
   * Opens (creating if needed, with its folder) the database at `path`; ':memory:' for tests.
   * Throws StoreDamagedError for a store that must not be served (see store-check.ts).
   */
  static open(path: string, options: SqliteStorageOptions = {}): SqliteStorage {
    if (path !== ':memory:') verifyStore(path);
    const db = connect(path, options);
    try {
      return new SqliteStorage(db, path, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private check(): void {
    if (this.closed) throw new StorageError('closed', 'storage is closed');
  }

  /** Runs `fn`, reporting a lack of space as StorageError 'disk-full'. */
  private guard<T>(fn: () => T): T {
    this.check();
    try {
      return fn();
    } catch (error) {
      throw diskFullError(error, this.path, this.options.maxBytes) ?? error;
    }
  }

  /** Runs `fn` as one IMMEDIATE write transaction that counts a commit, then records it. */
  private write<T>(fn: () => T): T {
    return this.guard(() => {
      let commit = 0;
      const result = this.db
        .transaction(() => {
          const value = fn();
          commit = this.stmt.countCommit.get() ?? 0;
          return value;
        })
        .immediate();
      this.record?.note(commit);
      return result;
    });
  }

  private requireMap(id: string): void {
    if (!this.stmt.exists.get(id)) throw new StorageError('not-found', `no map "${id}"`);
  }

  async createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void> {
    const { id, title, editTokenHash, viewTokenHash, createdAt, updatedAt } = record;
    this.write(() => {
      if (this.stmt.exists.get(id)) throw new StorageError('exists', `map "${id}" exists`);
      this.stmt.insertMap.run(id, title, editTokenHash, viewTokenHash, createdAt, updatedAt);
      this.stmt.insertUpdate.run(id, 1, bytesIn(initialUpdate));
    });
  }

  async getMap(id: string): Promise<MapRecord | undefined> {
    const row = this.guard(() => this.stmt.getMap.get(id));
    if (!row) return undefined;
    return recordFromRow(row);
  }

  async listMaps(): Promise<MapSummary[]> {
    return this.guard(() => this.stmt.listMaps.all());
  }

  async touchMap(
    id: string,
    fields: { readonly title?: string; readonly updatedAt: string },
  ): Promise<void> {
    this.write(() => this.stmt.touchMap.run(fields.title ?? null, fields.updatedAt, id));
  }

  async deleteMap(id: string): Promise<boolean> {
    return this.write(() => this.stmt.deleteMap.run(id).changes > 0);
  }

  async loadState(id: string): Promise<StoredState | undefined> {
    return this.guard(() =>
      this.db.transaction(() => {
        if (!this.stmt.exists.get(id)) return undefined;
        const rows = this.stmt.log.all(id);
        return {
          updates: rows.map((r) => new Uint8Array(r.data)),
          lastSeq: rows.at(-1)?.seq ?? 0,
        };
      })(),
    );
  }

  async appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number> {
    this.check();
    const data = updates.map(bytesIn);
    return this.write(() => {
      this.requireMap(id);
      let seq = this.stmt.range.get(id)?.last ?? 0;
      for (const update of data) this.stmt.insertUpdate.run(id, ++seq, update);
      return seq;
    });
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    this.check();
    const data = bytesIn(snapshot);
    if (data.length < 3) {
      throw new StorageError('empty-snapshot', `refusing an empty snapshot for map "${id}"`);
    }
    this.write(() => {
      this.requireMap(id);
      const { first, last } = this.stmt.range.get(id) ?? { first: null, last: null };
      if (!compactionNeeded(throughSeq, first ?? 0, last ?? 0)) return;
      this.stmt.deleteThrough.run(id, throughSeq);
      this.stmt.insertUpdate.run(id, throughSeq, data);
    });
  }

  async countUpdates(id: string): Promise<number> {
    return this.guard(() => this.stmt.range.get(id)?.count ?? 0);
  }

  /** The number of write transactions committed to this store so far. */
  async commits(): Promise<number> {
    return this.guard(() => this.stmt.commits.get() ?? 0);
  }

  /**
   * Writes a backup into the store's backups folder (see sqlite-backup.ts), unless nothing was
   * committed since the last one this connection wrote; resolves to what was written.
   */
  async backup(): Promise<BackupResult | undefined> {
    this.check();
    if (this.path === ':memory:') return undefined;
    if (this.stmt.commits.get() === this.backedUpCommits) return undefined;
    const result = await writeBackup(this.db, this.path);
    this.backedUpCommits = result.commits;
    return result;
  }

  /** The durability-relevant pragmas of this connection, for tests and diagnostics. */
  async pragmas(): Promise<SqlitePragmas> {
    this.check();
    const get = (name: string) => this.db.pragma(name, { simple: true });
    return {
      journalMode: String(get('journal_mode')),
      synchronous: Number(get('synchronous')),
      foreignKeys: get('foreign_keys') === 1,
      busyTimeout: Number(get('busy_timeout')),
      userVersion: Number(get('user_version')),
      maxPageCount: Number(get('max_page_count')),
    };
  }

  /** Closes the connection (checkpointing the WAL); calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
    this.record?.close();
  }
}

/** Checks an update handed in by a caller; better-sqlite3 copies the viewed bytes on bind. */
function bytesIn(update: Uint8Array): Uint8Array {
  if (!(update instanceof Uint8Array)) throw new TypeError('an update must be a Uint8Array');
  return update;
}

/**
 * Whether compacting through `throughSeq` changes a log whose live seqs run first..last:
 * false when an earlier compaction already covers it; throws for a seq the log has not reached.
 */
function compactionNeeded(throughSeq: number, first: number, last: number): boolean {
  if (!Number.isSafeInteger(throughSeq) || throughSeq < 1 || throughSeq > last) {
    throw new RangeError(`throughSeq ${throughSeq} is outside the log (last seq ${last})`);
  }
  return throughSeq >= first;
}
