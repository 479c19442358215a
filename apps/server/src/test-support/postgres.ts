import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './server-process';

/*
 * Real PostgreSQL for tests. `startPostgres` runs a throwaway cluster of its own (initdb into a
 * temporary folder, a free port on loopback, trust authentication for the superuser `procmap`)
 * that a test may stop and start again, e.g. to see what the server does while the database is
 * away. `testDatabase` hands each caller a fresh empty database: in the cluster named by
 * PROCMAP_TEST_DATABASE_URL when that is set (CI starts one), else in one cluster this process
 * starts for all its callers, with fsync off since nothing there tests durability.
 *
 * PostgreSQL refuses to run as root, so as root its programs run as the `postgres` user, which
 * must own the folder. A detached watchdog stops the cluster and removes the folder once this
 * process is gone, so a test run that dies or times out leaves no server behind.
 */

export interface PgCluster {
  /** Connection URL of the `postgres` database, as the superuser `procmap`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown: sessions are ended, the data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

export interface TestDatabase {
  readonly url: string;
  /** Drops the database, ending any sessions still connected. */
  drop(): Promise<void>;
}

const SUPERUSER = 'procmap';
const START_ATTEMPTS = 3;

/** The folder holding initdb and pg_ctl: the newest Debian-packaged version, else on PATH. */
function binDir(): string | undefined {
  const packaged = '/usr/lib/postgresql';
  const versions = existsSync(packaged)
    ? readdirSync(packaged)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join(packaged, version, 'bin'))
    : [];
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...versions, ...path].find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')),
  );
}

/** The uid and gid of the `postgres` user, when there is one. */
function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

const runningAsRoot = () => process.getuid?.() === 0;

/**
 * Why this process cannot start a cluster of its own, or undefined when it can. Test files use
 * it to skip (and say why) where PostgreSQL is not installed.
 */
export function postgresUnavailable(): string | undefined {
  if (!binDir()) return 'no PostgreSQL binaries (initdb, pg_ctl) found in the usual places or PATH';
  if (runningAsRoot() && !postgresUser()) {
    return 'running as root, and there is no `postgres` user to run PostgreSQL as';
  }
  return undefined;
}

/** Whether testDatabase() can give a database: a shared cluster is named, or one can start. */
export function testDatabaseUnavailable(): string | undefined {
  return process.env.PROCMAP_TEST_DATABASE_URL ? undefined : postgresUnavailable();
}

/** Runs a PostgreSQL program (as `postgres` when we are root); rejects with its output. */
function run(bin: string, program: string, args: readonly string[]): Promise<void> {
  const path = join(bin, program);
  const [command, argv] = runningAsRoot()
    ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
    : [path, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${program} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** A detached shell that stops the cluster and removes `dir` once process `pid` has ended. */
function watchdog(bin: string, dir: string, data: string): ChildProcess {
  const asPostgres = runningAsRoot() ? 'runuser -u postgres -- ' : '';
  const script =
    'while kill -0 "$0" 2>/dev/null; do sleep 1; done; ' +
    `${asPostgres}"$1/pg_ctl" -D "$2" -m immediate -w stop >/dev/null 2>&1; rm -rf "$3"`;
  const child = spawn('sh', ['-c', script, String(process.pid), bin, data, dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child;
}

/**
 * Starts a throwaway cluster in a new temporary folder; undefined when PostgreSQL is not
 * installed here. `fsync: false` trades crash safety for speed (default: on).
 */
export async function startPostgres(
  options: { readonly fsync?: boolean } = {},
): Promise<PgCluster | undefined> {
  const bin = binDir();
  if (!bin || postgresUnavailable()) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'procmap-pg-'));
  const data = join(dir, 'data');
  if (runningAsRoot()) {
    const user = postgresUser() as { uid: number; gid: number };
    chownSync(dir, user.uid, user.gid);
  }
  const guard = watchdog(bin, dir, data);
  const remove = () => {
    try {
      if (guard.pid !== undefined) process.kill(guard.pid);
    } catch {
      // the watchdog has ended already
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const settings = ['-c listen_addresses=127.0.0.1', '-c shared_buffers=16MB'];
  if (options.fsync === false) settings.push('-c fsync=off', '-c full_page_writes=off');
  let port = 0;
  const pgCtlStart = () =>
    run(bin, 'pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} ${settings.join(' ')}`,
      'start',
    ]);
  const logTail = () => {
    try {
      return readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000);
    } catch {
      return '';
    }
  };
  try {
    await run(bin, 'initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      SUPERUSER,
      '--no-sync',
      '--encoding=UTF8',
      '--locale=C',
    ]);
    // A free port can be taken by someone else before the server binds it: try another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await pgCtlStart();
        break;
      } catch (error) {
        if (attempt >= START_ATTEMPTS) throw new Error(`${error}\n${logTail()}`);
      }
    }
  } catch (error) {
    remove();
    throw error;
  }
  const stop = () => run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  return {
    url: `postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start: pgCtlStart,
    destroy: async () => {
      await stop().catch(() => undefined); // already stopped
      remove();
    },
  };
}

/** The cluster shared by every testDatabase() caller in this process, started on first use. */
const SHARED = Symbol.for('procmap.test-support.postgres');
type Shared = { [SHARED]?: Promise<PgCluster | undefined> };

function sharedClusterUrl(): Promise<string | undefined> {
  const url = process.env.PROCMAP_TEST_DATABASE_URL;
  if (url) return Promise.resolve(url);
  // On globalThis, so test files sharing a worker process share the cluster too.
  const shared = globalThis as Shared;
  shared[SHARED] ??= startPostgres({ fsync: false });
  return shared[SHARED].then((cluster) => cluster?.url);
}

/** Runs `sql` over a short-lived admin connection to `url`. */
async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new empty database (`procmap_t_<random>`) for one caller; undefined when there is neither
 * PROCMAP_TEST_DATABASE_URL nor PostgreSQL installed here.
 */
export async function testDatabase(): Promise<TestDatabase | undefined> {
  const clusterUrl = await sharedClusterUrl();
  if (!clusterUrl) return undefined;
  const name = `procmap_t_${randomBytes(6).toString('hex')}`;
  await admin(clusterUrl, `CREATE DATABASE ${name}`);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(clusterUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
