import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLogger } from '../log';
import { PersistQueue } from '../rooms/persist-queue';
import {
  type PgCluster,
  postgresUnavailable,
  startPostgres,
  type TestDatabase,
  testDatabase,
  testDatabaseUnavailable,
} from '../test-support/postgres';
import { waitFor } from '../test-support/wait';
import { type MapRecord, StorageError } from './adapter';
import { storageContract } from './contract';
import { MIGRATIONS, type Migration, migrate } from './postgres-migrations';
import { PostgresStorage } from './postgres-storage';

const noDatabase = testDatabaseUnavailable();
if (noDatabase) console.warn(`PostgresStorage tests skipped: ${noDatabase}`);
const noCluster = postgresUnavailable();
if (noCluster) console.warn(`PostgresStorage outage tests skipped: ${noCluster}`);

const quiet = createLogger('silent');
/** A logger that keeps its lines, to check what was said. */
function capturingLog() {
  const lines: string[] = [];
  return { log: createLogger('debug', (line) => lines.push(line)), lines };
}

const databases: TestDatabase[] = [];
// At once: a cluster with fsync on checkpoints for each drop, and concurrent drops share one.
afterAll(() => Promise.all(databases.splice(0).map((database) => database.drop())), 60_000);
/** The URL of a new empty database, dropped after this file's tests. */
async function freshDatabase(): Promise<string> {
  const database = await testDatabase();
  if (!database) throw new Error('no PostgreSQL to test against');
  databases.push(database);
  return database.url;
}

/** Runs `fn` with a plain client connected to `url`. */
async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const T0 = '2025-03-01T09:00:00.000Z';
const record = (id: string): MapRecord => ({
  id,
  title: `Map ${id}`,
  editTokenHash: 'e'.repeat(64),
  viewTokenHash: 'f'.repeat(64),
  createdAt: T0,
  updatedAt: T0,
});
/** Distinct bytes for update `n` of writer `w`. */
const bytes = (n: number, w = 0) => Uint8Array.of(w, n >> 8, n & 255, 7);
const hex = (update: Uint8Array) => Buffer.from(update).toString('hex');

describe.skipIf(noDatabase)('PostgresStorage', () => {
  storageContract(
    'PostgresStorage',
    async () => {
      const url = await freshDatabase();
      const open = () => PostgresStorage.open(url, { log: quiet });
      return { storage: await open(), reopen: open };
    },
    { persists: true },
  );

  /** Two adapters on one new database: two servers sharing it. */
  async function twoServers(log = quiet) {
    const url = await freshDatabase();
    const one = await PostgresStorage.open(url, { log });
    const two = await PostgresStorage.open(url, { log });
    return { url, one, two, close: () => Promise.all([one.close(), two.close()]) };
  }

  it('gives two servers appending to one map at once distinct seqs, losing nothing', async () => {
    const { one, two, close } = await twoServers();
    await one.createMap(record('m'), bytes(0));
    const batches = [1, 2].flatMap((w) =>
      Array.from({ length: 15 }, (_, k) => [0, 1, 2].map((i) => bytes(k * 3 + i, w))),
    );
    const seqs = await Promise.all(
      batches.map((batch, k) => (k % 2 === 0 ? one : two).appendUpdates('m', batch)),
    );
    const state = await two.loadState('m');
    const stored = (state?.updates ?? []).map(hex);
    expect(state?.lastSeq).toBe(1 + batches.length * 3);
    expect([...seqs].sort((a, b) => a - b)).toEqual(batches.map((_, k) => 4 + k * 3));
    // Each batch lies where its seq says, in order and unbroken.
    batches.forEach((batch, k) => {
      const last = seqs[k] as number;
      expect(stored.slice(last - 3, last)).toEqual(batch.map(hex));
    });
    await close();
  });

  it('merges a snapshot that lacks another server’s updates into the compaction', async () => {
    const { log, lines } = capturingLog();
    const { one, two, close } = await twoServers(log);
    const docOne = new Y.Doc();
    const docTwo = new Y.Doc();
    const everything = new Y.Doc();
    const stepsOf = (doc: Y.Doc) => doc.getMap<string>('steps');
    /** Makes an edit on `doc` and returns the update it produced. */
    const edit = (doc: Y.Doc, change: () => void) => {
      let update: Uint8Array = new Uint8Array();
      const take = (u: Uint8Array) => {
        update = u;
      };
      doc.once('update', take);
      doc.transact(change);
      Y.applyUpdate(everything, update);
      return update;
    };
    const first = edit(docOne, () => stepsOf(docOne).set('a0', 'Triage'));
    await one.createMap(record('m'), first);
    Y.applyUpdate(docTwo, first); // server two loads the map
    // The bus between the servers is down from here on: neither sees the other's edits.
    for (let i = 1; i <= 6; i++) {
      await one.appendUpdates('m', [edit(docOne, () => stepsOf(docOne).set(`a${i}`, `One ${i}`))]);
      await two.appendUpdates('m', [edit(docTwo, () => stepsOf(docTwo).set(`b${i}`, `Two ${i}`))]);
    }
    // A deletion alone carries no new items, only a delete set: it must survive too.
    const lastSeq = await two.appendUpdates('m', [
      edit(docTwo, () => stepsOf(docTwo).delete('a0')),
    ]);
    expect(stepsOf(docOne).has('a0')).toBe(true);

    await one.compact('m', Y.encodeStateAsUpdate(docOne), lastSeq);
    const state = await two.loadState('m');
    expect(state?.updates).toHaveLength(1);
    expect(state?.lastSeq).toBe(lastSeq);
    const loaded = new Y.Doc();
    for (const update of state?.updates ?? []) Y.applyUpdate(loaded, update);
    const expected = stepsOf(everything).toJSON();
    expect(Object.keys(expected).sort()).toEqual(
      ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6'].sort(),
    );
    expect(stepsOf(loaded).toJSON()).toEqual(expected);
    expect(lines.filter((line) => line.startsWith('info compaction-merged'))).toHaveLength(1);
    // Seqs go on after the compacted one.
    expect(await one.appendUpdates('m', [edit(docOne, () => stepsOf(docOne).set('c', 'x'))])).toBe(
      lastSeq + 1,
    );
    await close();
  });

  it('stores a snapshot that already holds every update it replaces as given', async () => {
    const { log, lines } = capturingLog();
    const storage = await PostgresStorage.open(await freshDatabase(), { log });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getMap('steps').set('s0', 'Start');
    await storage.createMap(record('m'), updates.shift() as Uint8Array);
    for (let i = 1; i <= 5; i++) doc.getMap('steps').set(`s${i}`, `Step ${i}`);
    doc.getMap('steps').delete('s2');
    const through = await storage.appendUpdates('m', updates.splice(0));
    const snapshot = Y.encodeStateAsUpdate(doc);
    await storage.compact('m', snapshot, through);
    expect((await storage.loadState('m'))?.updates.map(hex)).toEqual([hex(snapshot)]);
    expect(lines.filter((line) => line.includes('compaction-merged'))).toEqual([]);
    await storage.close();
  });

  it('refuses to compact Yjs updates with bytes that cannot be merged, changing nothing', async () => {
    const storage = await PostgresStorage.open(await freshDatabase(), { log: quiet });
    const doc = new Y.Doc();
    doc.getMap('steps').set('s', 'Step');
    const real = Y.encodeStateAsUpdate(doc);
    await storage.createMap(record('m'), Uint8Array.of(1, 2, 3)); // not a Yjs update
    await storage.appendUpdates('m', [real]);
    await expect(storage.compact('m', real, 2)).rejects.toThrow(/not a Yjs update/);
    await expect(storage.compact('m', Uint8Array.of(9, 9, 9, 9), 2)).rejects.toThrow(
      /snapshot is not a Yjs update/,
    );
    expect((await storage.loadState('m'))?.updates.map(hex)).toEqual(['010203', hex(real)]);
    await storage.close();
  });

  it('reports a full disk as disk-full, with nothing of the write stored', async () => {
    const url = await freshDatabase();
    const storage = await PostgresStorage.open(url, { log: quiet });
    await storage.createMap(record('m'), bytes(1));
    // PostgreSQL's own answer for a full disk (SQLSTATE 53100), raised where a write would be.
    await withClient(url, (client) =>
      client.query(`
        CREATE FUNCTION refuse_for_lack_of_space() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'could not extend file: No space left on device'
            USING ERRCODE = 'disk_full';
        END $$;
        CREATE TRIGGER full_disk BEFORE INSERT ON updates
          FOR EACH ROW EXECUTE FUNCTION refuse_for_lack_of_space();`),
    );
    const refused = await storage.appendUpdates('m', [bytes(2), bytes(3)]).catch((e) => e);
    expect(refused).toBeInstanceOf(StorageError);
    expect(refused).toMatchObject({ code: 'disk-full' });
    expect(refused.message).toMatch(/No space left on device/);
    await expect(storage.createMap(record('n'), bytes(4))).rejects.toMatchObject({
      code: 'disk-full',
    });
    expect(await storage.getMap('n')).toBeUndefined();
    expect(await storage.loadState('m')).toEqual({ updates: [bytes(1)], lastSeq: 1 });
    await withClient(url, (client) => client.query('DROP TRIGGER full_disk ON updates'));
    expect(await storage.appendUpdates('m', [bytes(5)])).toBe(2);
    await storage.close();
  });

  it('warns on opening a database whose commits are not flushed before they return', async () => {
    const url = await freshDatabase();
    const name = new URL(url).pathname.slice(1);
    await withClient(url, (client) =>
      client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`),
    );
    const { log, lines } = capturingLog();
    const storage = await PostgresStorage.open(url, { log });
    expect(lines.filter((line) => line.startsWith('warn postgres-not-durable'))).toEqual([
      expect.stringContaining('synchronous_commit=off'),
    ]);
    await storage.close();
  });

  describe('migrations', () => {
    const versionsIn = (url: string) =>
      withClient(url, async (client) => {
        const { rows } = await client.query(
          'SELECT version, name FROM procmap_migrations ORDER BY version',
        );
        return rows as { version: number; name: string }[];
      });

    it('migrates a fresh database once when several servers open it at the same moment', async () => {
      const url = await freshDatabase();
      const servers = await Promise.all(
        [1, 2, 3, 4].map(() => PostgresStorage.open(url, { log: quiet })),
      );
      expect(await versionsIn(url)).toEqual(
        MIGRATIONS.map(({ version, name }) => ({ version, name })),
      );
      await servers[0]?.createMap(record('m'), bytes(1));
      expect(await servers[3]?.getMap('m')).toEqual(record('m'));
      await Promise.all(servers.map((server) => server.close()));
    });

    it('takes turns applying a list of steps, each step once and in order', async () => {
      const url = await freshDatabase();
      // Later steps that need the earlier ones, one slow enough for the others to arrive.
      const steps: Migration[] = [
        ...MIGRATIONS,
        { version: 2, name: 'slow', sql: 'CREATE TABLE extra (a int); SELECT pg_sleep(0.2)' },
        { version: 3, name: 'after slow', sql: 'ALTER TABLE extra ADD COLUMN b int' },
      ].map((step, i) => ({ ...step, version: i + 1 }));
      const clients = await Promise.all(
        [1, 2, 3].map(async () => {
          const client = new Client({ connectionString: url });
          await client.connect();
          return client;
        }),
      );
      const results = await Promise.all(clients.map((client) => migrate(client, steps)));
      await Promise.all(clients.map((client) => client.end()));
      expect(results.map((r) => r.to)).toEqual([steps.length, steps.length, steps.length]);
      expect(results.filter((r) => r.from === 0)).toHaveLength(1);
      expect((await versionsIn(url)).map((row) => row.version)).toEqual(
        steps.map((s) => s.version),
      );
      const columns = await withClient(url, async (client) => {
        const { rows } = await client.query(
          "SELECT column_name FROM information_schema.columns WHERE table_name = 'extra' ORDER BY ordinal_position",
        );
        return rows.map((row: { column_name: string }) => row.column_name);
      });
      expect(columns).toEqual(['a', 'b']);
    });

    it('refuses a database recorded at a newer schema version, saying so', async () => {
      const url = await freshDatabase();
      await (await PostgresStorage.open(url, { log: quiet })).close();
      await withClient(url, (client) =>
        client.query("INSERT INTO procmap_migrations (version, name) VALUES (99, 'future')"),
      );
      const known = MIGRATIONS.at(-1)?.version;
      await expect(PostgresStorage.open(url, { log: quiet })).rejects.toThrow(
        `schema version 99 is newer than this server knows (${known})`,
      );
      expect((await versionsIn(url)).map((row) => row.version)).toEqual([
        ...MIGRATIONS.map((m) => m.version),
        99,
      ]);
    });
  });
});

describe.skipIf(noCluster)('PostgresStorage while its database goes away and comes back', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    const started = await startPostgres(); // fsync on: a cluster like one in production
    if (!started) throw new Error('PostgreSQL did not start');
    cluster = started;
  });
  afterAll(() => cluster?.destroy());

  /** A map in a new database of the cluster, with updates 1..3 stored. */
  async function storedMap(log = quiet) {
    const name = `outage_${Math.random().toString(36).slice(2, 10)}`;
    await withClient(cluster.url, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    const storage = await PostgresStorage.open(url.toString(), { log, poolSize: 4 });
    await storage.createMap(record('m'), bytes(1));
    // Concurrent appends, so the pool holds several connections when the server goes.
    await Promise.all([
      storage.appendUpdates('m', [bytes(2)]),
      storage.appendUpdates('m', [bytes(3)]),
    ]);
    return storage;
  }
  const storedHex = async (storage: PostgresStorage) =>
    ((await storage.loadState('m'))?.updates ?? []).map(hex);

  it('rejects while the database is down and works again once it is back, without reopening', async () => {
    const { log, lines } = capturingLog();
    const storage = await storedMap(log);
    await storage.ping();
    await cluster.stop();
    try {
      await expect(storage.appendUpdates('m', [bytes(9)])).rejects.toThrow();
      await expect(storage.loadState('m')).rejects.toThrow();
      await expect(storage.ping()).rejects.toThrow();
      expect(lines.some((line) => line.startsWith('warn postgres-connection-lost'))).toBe(true);
    } finally {
      await cluster.start();
    }
    await storage.ping();
    expect(await storage.appendUpdates('m', [bytes(4)])).toBe(4);
    expect(await storedHex(storage)).toEqual([1, 2, 3, 4].map((n) => hex(bytes(n))));
    await storage.close();
  });

  it('lets the persist queue retry through an outage until every update is saved', async () => {
    const storage = await storedMap();
    const saved: number[] = [];
    let failures = 0;
    const queue = new PersistQueue(
      storage,
      'm',
      { saved: (_, lastSeq) => saved.push(lastSeq), failed: () => failures++ },
      () => new Uint8Array(),
      20,
    );
    queue.push(bytes(4));
    await queue.flush();
    expect(saved).toEqual([4]);
    await cluster.stop();
    try {
      queue.push(bytes(5));
      queue.push(bytes(6));
      await waitFor(() => failures >= 2, 'two failed writes while the database is down', {
        seen: () => ({ failures, saved }),
      });
      expect(queue.pending).toBe(2);
    } finally {
      await cluster.start();
    }
    await waitFor(() => queue.pending === 0 && saved.at(-1) === 6, 'the queue to catch up', {
      seen: () => ({ pending: queue.pending, saved }),
    });
    expect(await storedHex(storage)).toEqual([1, 2, 3, 4, 5, 6].map((n) => hex(bytes(n))));
    queue.stop();
    await storage.close();
  });
});
