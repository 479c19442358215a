/*
 * The PostgreSQL schema, as numbered migrations. Each applied one is recorded in
 * `procmap_migrations(version, name, applied_at)`; opening the store applies the missing ones in
 * order, each in a transaction of its own together with its record, so a failed step leaves the
 * database at the version before it. Every step runs under one transaction-scoped advisory lock,
 * so servers starting at the same moment take turns: the first applies a step, the others find
 * it recorded. A database recorded at a version newer than this code knows is refused, never
 * guessed at. Migrations only ever get added to the end of the list, never edited.
 */
import type { ClientBase } from 'pg';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/*
 * Text columns that are compared or ordered use the "C" collation: byte order, like SQLite, so
 * ISO 8601 times sort as times and ids compare exactly whatever the database's locale.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'maps and their update logs',
    sql: `
      CREATE TABLE maps (
        id text COLLATE "C" PRIMARY KEY,
        title text NOT NULL,
        edit_token_hash text NOT NULL,
        view_token_hash text NOT NULL,
        created_at text NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        last_seq bigint NOT NULL
      );
      CREATE INDEX maps_by_updated_at ON maps (updated_at DESC, id);
      CREATE TABLE updates (
        map_id text COLLATE "C" NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (map_id, seq)
      );
    `,
  },
];

/** The advisory lock key migrations take: "procmap" in ASCII, so it is easy to recognise. */
export const MIGRATION_LOCK = '31651020126642544'; // 0x70726f636d6170

const VERSIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS procmap_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )
`;

/** What migrate() did: the version found and the version the database is at now. */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings the database `client` is connected to up to the newest of `migrations` (sorted by
 * version, numbered from 1 without gaps). Throws for a database at a newer version.
 */
export async function migrate(
  client: ClientBase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationResult> {
  const latest = migrations.at(-1)?.version ?? 0;
  let from: number | undefined;
  for (;;) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // Under the lock: two servers creating the table at once would otherwise collide.
      await client.query(VERSIONS_TABLE);
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM procmap_migrations',
      );
      const current = rows[0]?.version ?? 0;
      from ??= current;
      if (current > latest) {
        throw new Error(
          `the database's schema version ${current} is newer than this server knows (${latest}); ` +
            'run the newer server, or restore a backup taken before it upgraded the database',
        );
      }
      const next = migrations.find((m) => m.version === current + 1);
      if (!next) {
        await client.query('COMMIT');
        return { from, to: current };
      }
      await client.query(next.sql);
      await client.query('INSERT INTO procmap_migrations (version, name) VALUES ($1, $2)', [
        next.version,
        next.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
