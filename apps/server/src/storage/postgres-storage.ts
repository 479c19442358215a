/*
 * Storage in PostgreSQL through node-postgres (`pg`), for running several servers on one store.
 *
 * Schema (postgres-migrations.ts, versions recorded in procmap_migrations):
 *   maps(id PRIMARY KEY, title, edit_token_hash, view_token_hash, created_at, updated_at,
 *        last_seq bigint): times are the ISO 8601 text the interface speaks, stored and returned
 *        as given, ordered bytewise (COLLATE "C") as in SQLite; index (updated_at DESC, id).
 *   updates(map_id REFERENCES maps(id) ON DELETE CASCADE, seq bigint, data bytea,
 *           PRIMARY KEY(map_id, seq))
 * A map's document is its rows of `updates` in seq order. `maps.last_seq` is the last seq ever
 * given out for the map; appends continue from it, so a seq is never reused, not even after
 * compaction deleted rows. Compaction keeps the live rows one contiguous run, snapshot first.
 *
 * Several servers append to one map at once: appendUpdates is one statement that increments
 * last_seq with an UPDATE … RETURNING (which locks the map's row until commit, so appends to one
 * map queue up there) and inserts the whole batch with the seqs it claimed from one unnest() of
 * a bytea[] parameter: one round trip per batch, a prepared statement per connection. createMap,
 * loadState and the other reads are single statements too, each atomic and consistent.
 *
 * Compaction locks the map's row (SELECT … FOR UPDATE) and, in one transaction, replaces the
 * rows with seq ≤ throughSeq by one update at seq = throughSeq. With several servers, the caller's
 * snapshot can lack an update another server appended below throughSeq (its bus was slow or
 * down), so what is stored is the Yjs merge of those rows and the snapshot — unless the snapshot
 * already contains every one of them, then the snapshot as given. Compaction therefore never
 * loses an acknowledged update. Bytes that are not Yjs updates at all (neither the snapshot nor
 * any row decodes) cannot be merged and are replaced as given, as the other adapters do; a mix
 * of both is refused, leaving the log as it was.
 *
 * Durability: a write resolves only after its COMMIT returned, and with PostgreSQL's default
 * synchronous_commit = on the commit's WAL is flushed to disk (and to synchronous standbys, if
 * any are configured) before the server answers. Opening warns (`warn postgres-not-durable`)
 * when synchronous_commit or fsync is off, since then a "saved" edit can be lost in a crash.
 * A write whose answer is lost with the connection may or may not have committed; the server
 * then writes the updates again, and applying a Yjs update twice changes nothing.
 *
 * Connection loss: a Pool whose broken idle connections are logged (`warn
 * postgres-connection-lost`) and replaced, never thrown. While the database is away calls
 * reject — connecting gives up after CONNECT_TIMEOUT_MS, a query after QUERY_TIMEOUT_MS — and
 * work again once it is back, without reopening. A full disk (SQLSTATE 53100) rejects with
 * StorageError 'disk-full', the transaction rolled back (PostgreSQL stops altogether when it
 * cannot write its WAL; that surfaces as lost connections). Stored bytes are copied out into
 * plain Uint8Arrays, never Buffers sharing the driver's memory.
 */
import { Pool, type PoolClient, type QueryConfig } from 'pg';
import * as Y from 'yjs';
import { createLogger, type Logger } from '../log';
import {
  type MapRecord,
  type MapSummary,
  type StorageAdapter,
  StorageError,
  type StoredState,
} from './adapter';
import { type MapRow, recordFromRow } from './map-row';
import { migrate } from './postgres-migrations';

const CONNECT_TIMEOUT_MS = 5000;
const QUERY_TIMEOUT_MS = 30_000;
const PING_TIMEOUT_MS = 2000;
const IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_POOL_SIZE = 10;

const UNIQUE_VIOLATION = '23505';
const DISK_FULL = '53100';

export interface PostgresStorageOptions {
  readonly log?: Logger;
  /** The most connections this server holds open (default 10). */
  readonly poolSize?: number;
}

/** Prepared once per connection (by name), then only bound and executed. */
const SQL = {
  // Columns named, not *: a prepared `SELECT *` fails once a later schema adds a column.
  getMap: `SELECT id, title, edit_token_hash, view_token_hash, created_at, updated_at
    FROM maps WHERE id = $1`,
  listMaps: 'SELECT id, title, updated_at FROM maps ORDER BY updated_at DESC, id ASC',
  createMap: `
    WITH created AS (
      INSERT INTO maps (id, title, edit_token_hash, view_token_hash, created_at, updated_at,
        last_seq)
      VALUES ($1, $2, $3, $4, $5, $6, 1)
      RETURNING id
    )
    INSERT INTO updates (map_id, seq, data) SELECT id, 1, $7 FROM created`,
  touchMap: 'UPDATE maps SET title = COALESCE($2, title), updated_at = $3 WHERE id = $1',
  deleteMap: 'DELETE FROM maps WHERE id = $1',
  loadState: `
    SELECT m.last_seq, u.data FROM maps m LEFT JOIN updates u ON u.map_id = m.id
    WHERE m.id = $1 ORDER BY u.seq`,
  lastSeq: 'SELECT last_seq FROM maps WHERE id = $1',
  append: `
    WITH claimed AS (
      UPDATE maps SET last_seq = last_seq + cardinality($2::bytea[]) WHERE id = $1
      RETURNING last_seq
    ), appended AS (
      INSERT INTO updates (map_id, seq, data)
      SELECT $1, claimed.last_seq - cardinality($2::bytea[]) + batch.n, batch.data
      FROM claimed, unnest($2::bytea[]) WITH ORDINALITY AS batch (data, n)
    )
    SELECT last_seq FROM claimed`,
  lockMap: 'SELECT last_seq FROM maps WHERE id = $1 FOR UPDATE',
  takeThrough: 'DELETE FROM updates WHERE map_id = $1 AND seq <= $2 RETURNING seq, data',
  insertUpdate: 'INSERT INTO updates (map_id, seq, data) VALUES ($1, $2, $3)',
  countUpdates: 'SELECT count(*)::integer AS count FROM updates WHERE map_id = $1',
  durability: `SELECT current_setting('synchronous_commit') AS synchronous_commit,
    current_setting('fsync') AS fsync`,
} as const;

const statement = (name: keyof typeof SQL, values: unknown[]): QueryConfig => ({
  name: `procmap_${name}`,
  text: SQL[name],
  values,
});

/** A StorageAdapter over a PostgreSQL database, shared by any number of servers. */
export class PostgresStorage implements StorageAdapter {
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly log: Logger,
  ) {}

  /**
   * Connects to the database at `url` and brings its schema up to date; rejects when it cannot
   * be reached or its schema is newer than this server knows.
   */
  static async open(url: string, options: PostgresStorageOptions = {}): Promise<PostgresStorage> {
    const log = options.log ?? createLogger();
    const pool = new Pool({
      connectionString: url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: IDLE_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
      application_name: 'procmap-server',
    });
    // An idle connection the server dropped; without a listener this would crash the process.
    pool.on('error', (error) => log.warn('postgres-connection-lost', { error: error.message }));
    try {
      const client = await pool.connect();
      try {
        const { from, to } = await migrate(client);
        if (from !== to) log.info('postgres-migrated', { from, to });
        const { rows } = await client.query(statement('durability', []));
        const { synchronous_commit, fsync } = rows[0] as Record<string, string>;
        if (synchronous_commit === 'off' || fsync === 'off') {
          log.warn('postgres-not-durable', { synchronous_commit, fsync });
        }
        client.release();
      } catch (error) {
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Cannot open PostgreSQL storage at ${where(url)}: ${reason}`, {
        cause: error,
      });
    }
    return new PostgresStorage(pool, log);
  }

  /** Runs `fn` unless closed, turning what PostgreSQL reports into StorageErrors where one fits. */
  private async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw closedError();
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      if (this.closed) throw closedError();
      if (sqlState(error) === DISK_FULL) {
        throw new StorageError(
          'disk-full',
          `no space left for the PostgreSQL database; nothing was written (${errorText(error)})`,
        );
      }
      throw error;
    }
  }

  /**
   * Runs `fn` in one transaction on one connection. On any error the connection is closed, not
   * reused: it may still be busy with a query that timed out, or broken, and a ROLLBACK queued
   * behind that would wait as long. PostgreSQL rolls back a transaction whose connection closes.
   */
  private transaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.use(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        client.release(true);
        throw error;
      }
    });
  }

  async createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void> {
    const { id, title, editTokenHash, viewTokenHash, createdAt, updatedAt } = record;
    const data = bytesIn(initialUpdate);
    await this.use(async () => {
      try {
        await this.pool.query(
          statement('createMap', [
            id,
            title,
            editTokenHash,
            viewTokenHash,
            createdAt,
            updatedAt,
            data,
          ]),
        );
      } catch (error) {
        if (sqlState(error) === UNIQUE_VIOLATION) {
          throw new StorageError('exists', `map "${id}" exists`);
        }
        throw error;
      }
    });
  }

  async getMap(id: string): Promise<MapRecord | undefined> {
    const { rows } = await this.use(() => this.pool.query<MapRow>(statement('getMap', [id])));
    const row = rows[0];
    if (!row) return undefined;
    return recordFromRow(row);
  }

  async listMaps(): Promise<MapSummary[]> {
    const { rows } = await this.use(() => this.pool.query<MapRow>(statement('listMaps', [])));
    return rows.map((row) => ({ id: row.id, title: row.title, updatedAt: row.updated_at }));
  }

  async touchMap(
    id: string,
    fields: { readonly title?: string; readonly updatedAt: string },
  ): Promise<void> {
    await this.use(() =>
      this.pool.query(statement('touchMap', [id, fields.title ?? null, fields.updatedAt])),
    );
  }

  async deleteMap(id: string): Promise<boolean> {
    const result = await this.use(() => this.pool.query(statement('deleteMap', [id])));
    return (result.rowCount ?? 0) > 0;
  }

  async loadState(id: string): Promise<StoredState | undefined> {
    const { rows } = await this.use(() =>
      this.pool.query<{ last_seq: string; data: Buffer | null }>(statement('loadState', [id])),
    );
    const first = rows[0];
    if (!first) return undefined;
    const updates: Uint8Array[] = [];
    for (const row of rows) if (row.data) updates.push(new Uint8Array(row.data));
    return { updates, lastSeq: Number(first.last_seq) };
  }

  async appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number> {
    const data = updates.map(bytesIn);
    const { rows } = await this.use(() =>
      this.pool.query<{ last_seq: string }>(
        data.length === 0 ? statement('lastSeq', [id]) : statement('append', [id, data]),
      ),
    );
    const last = rows[0];
    if (!last) throw new StorageError('not-found', `no map "${id}"`);
    return Number(last.last_seq);
  }

  async compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (this.closed) throw closedError();
    const data = bytesIn(snapshot);
    if (data.length < 3) {
      throw new StorageError('empty-snapshot', `refusing an empty snapshot for map "${id}"`);
    }
    await this.transaction(async (client) => {
      const locked = await client.query<{ last_seq: string }>(statement('lockMap', [id]));
      const lastSeq = locked.rows[0]?.last_seq;
      if (lastSeq === undefined) throw new StorageError('not-found', `no map "${id}"`);
      if (!Number.isSafeInteger(throughSeq) || throughSeq < 1 || throughSeq > Number(lastSeq)) {
        throw new RangeError(`throughSeq ${throughSeq} is outside the log (last seq ${lastSeq})`);
      }
      const taken = await client.query<{ seq: string; data: Buffer }>(
        statement('takeThrough', [id, throughSeq]),
      );
      // None left at or below throughSeq: an earlier compaction already covers this one.
      if (taken.rows.length === 0) return;
      const rows = taken.rows
        .sort((a, b) => Number(a.seq) - Number(b.seq))
        .map((row) => new Uint8Array(row.data));
      const { update, merged } = compacted(id, rows, data);
      if (merged) this.log.info('compaction-merged', { map: id, through: throughSeq });
      await client.query(statement('insertUpdate', [id, throughSeq, update]));
    });
  }

  async countUpdates(id: string): Promise<number> {
    const { rows } = await this.use(() =>
      this.pool.query<{ count: number }>(statement('countUpdates', [id])),
    );
    return rows[0]?.count ?? 0;
  }

  /** Resolves when the database answers a query within PING_TIMEOUT_MS; rejects otherwise. */
  async ping(): Promise<void> {
    if (this.closed) throw closedError();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`PostgreSQL did not answer within ${PING_TIMEOUT_MS} ms`)),
        PING_TIMEOUT_MS,
      );
    });
    // query_timeout per query is supported by pg, though its type declarations leave it out.
    const config = { text: 'SELECT 1', query_timeout: PING_TIMEOUT_MS } as QueryConfig;
    const query = this.pool.query(config);
    query.catch(() => undefined); // it may settle after the timeout, unheard
    try {
      await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes every connection, after the queries under way; calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * What compaction stores in place of `rows` (the log through throughSeq, in order) given the
 * caller's `snapshot`: see the notes at the top. Throws, changing nothing, when only some of
 * them are Yjs updates.
 */
function compacted(
  id: string,
  rows: readonly Uint8Array[],
  snapshot: Uint8Array,
): { update: Uint8Array; merged: boolean } {
  const state = snapshotOf(snapshot);
  const contained = rows.map((row) => {
    if (!state) return decodes(row) ? 'yjs' : 'opaque';
    try {
      return Y.snapshotContainsUpdate(state, row) ? 'contained' : 'yjs';
    } catch {
      return 'opaque';
    }
  });
  const opaque = contained.filter((kind) => kind === 'opaque').length;
  if (!state && opaque === rows.length) return { update: snapshot, merged: false };
  if (!state || opaque > 0) {
    throw new Error(
      `cannot compact map "${id}": ${state ? `${opaque} stored update(s) are` : 'the snapshot is'}` +
        ' not a Yjs update, so it cannot be merged; the log was left as it was',
    );
  }
  if (contained.every((kind) => kind === 'contained')) return { update: snapshot, merged: false };
  return { update: Y.mergeUpdates([...rows, snapshot]), merged: true };
}

/** The state vector and delete set of a Yjs update, or undefined when it is not one. */
function snapshotOf(update: Uint8Array): Y.Snapshot | undefined {
  try {
    const stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
    // Merged with nothing: sorted and joined, the form snapshotContainsUpdate compares against.
    const deleteSet = Y.mergeDeleteSets([Y.decodeUpdate(update).ds]);
    return Y.createSnapshot(deleteSet, stateVector);
  } catch {
    return undefined;
  }
}

function decodes(update: Uint8Array): boolean {
  try {
    Y.parseUpdateMeta(update);
    return true;
  } catch {
    return false;
  }
}

/** A copy of an update handed in by a caller, taken now: later changes to it are not stored. */
function bytesIn(update: Uint8Array): Buffer {
  if (!(update instanceof Uint8Array)) throw new TypeError('an update must be a Uint8Array');
  return Buffer.from(update);
}

const closedError = () => new StorageError('closed', 'storage is closed');

const sqlState = (error: unknown): unknown => (error as { code?: unknown } | undefined)?.code;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Host, port and database of a connection URL, without its password, for messages. */
function where(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured URL';
  }
}
