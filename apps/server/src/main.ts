/*
 * `npm start`: the server on the embedded SQLite store, configured from the environment; with
 * PROCMAP_DATABASE_URL on PostgreSQL, and with PROCMAP_REDIS_URL one of several instances
 * relaying through Redis (docs/deploy.md).
 * `procmap-server --recover` instead puts a damaged store back into service (storage/recover.ts).
 * Exit status: 0 stopped cleanly, 1 failed while running, 2 cannot start (configuration, port,
 * an unreadable data folder), 3 the data store is damaged and was not served.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configFromEnv, type ServerConfig } from './config';
import { createLogger, type Logger } from './log';
import type { RoomBus } from './rooms/bus';
import { RedisBus } from './rooms/redis-bus';
import { createProcmapServer } from './server';
import type { StorageAdapter } from './storage/adapter';
import { PostgresStorage } from './storage/postgres-storage';
import { recoverStore } from './storage/recover';
import { StoreDamagedError } from './storage/store-damaged';
import { WorkerStorage } from './storage/worker-storage';

const BIN = join(import.meta.dirname, '..', 'bin', 'procmap-server.js');
const EXIT_DAMAGED = 3;

const storePath = (config: ServerConfig) =>
  config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'procmap.sqlite');

/** A word as the shell reads it back. */
const shellWord = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/** The exact command that recovers the store in `dataDir`, runnable from any folder. */
const recoverCommand = (dataDir: string) =>
  `PROCMAP_DATA=${shellWord(dataDir)} node ${shellWord(BIN)} --recover`;

/** Tells the operator the store is damaged, what is wrong, and the command that recovers it. */
function refuseDamaged(error: StoreDamagedError, dataDir: string): never {
  console.error(
    [
      `procmap server: refusing to start: ${error.message}.`,
      'procmap server: nothing was changed. To move the damaged files aside and restore the',
      'procmap server: best copy there is (the newest good backup, or what the store still holds),',
      'procmap server: stop anything using the folder and run:',
      '',
      `    ${recoverCommand(dataDir)}`,
      '',
      'procmap server: see "Integrity, backups and recovery" in docs/server.md.',
    ].join('\n'),
  );
  process.exit(EXIT_DAMAGED);
}

/** `--recover`: restores the store in the configured data folder and says what it did. */
async function recover(config: ServerConfig): Promise<never> {
  if (config.dataDir === ':memory:') {
    console.error('procmap recover: PROCMAP_DATA is :memory:, there is nothing to recover');
    process.exit(2);
  }
  const outcome = await recoverStore(storePath(config));
  for (const line of outcome.lines) console.log(`procmap recover: ${line}`);
  process.exit(outcome.ok ? 0 : 1);
}

/** Opens the store on its thread, with rolling backups logged; exits when it cannot be served. */
async function openStorage(config: ServerConfig, log: Logger): Promise<WorkerStorage> {
  const dbPath = storePath(config);
  try {
    if (config.dataDir !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
    // SQLite on its own thread: fsyncs never stall the relay of everyone's edits.
    const storage = await WorkerStorage.open(dbPath, {
      maxBytes: config.maxDbBytes,
      backupEveryMs: config.dataDir === ':memory:' ? 0 : config.backupEveryMs,
      onBackup: (event) => {
        if (event.ok) {
          const { file, ms, bytes, commits } = event;
          log.info('backup', { file, ms, bytes, commit: commits });
        } else {
          log.error('backup-failed', { data: dbPath, error: event.error.message });
        }
      },
    });
    log.info('store-checked', {
      data: dbPath,
      ms: storage.checkMs,
      commit: storage.commitsAtOpen,
    });
    return storage;
  } catch (error) {
    if (error instanceof StoreDamagedError) refuseDamaged(error, config.dataDir);
    console.error(
      `procmap server: cannot open the data store at ${dbPath}: ${(error as Error).message}`,
    );
    process.exit(2);
  }
}

/** PostgreSQL, when configured: the schema is created or migrated on start. */
async function openPostgres(url: string, log: Logger): Promise<StorageAdapter> {
  try {
    const storage = await PostgresStorage.open(url, { log });
    log.info('store-opened', { store: 'postgresql' });
    return storage;
  } catch (error) {
    console.error(
      `procmap server: cannot open the PostgreSQL database: ${(error as Error).message}`,
    );
    process.exit(2);
  }
}

/** The Redis bus to the other instances, when configured; the server does not start without it. */
async function connectBus(config: ServerConfig, log: Logger): Promise<RoomBus | undefined> {
  if (!config.redisUrl) return undefined;
  // Unique per process, even for a restarted instance under the same name: other instances
  // track "stored through n" per id, and a new process numbers its updates from 1 again.
  const suffix = randomBytes(4).toString('hex');
  try {
    return await RedisBus.connect(config.redisUrl, {
      log,
      ...(config.instanceId ? { instanceId: `${config.instanceId}-${suffix}` } : {}),
    });
  } catch (error) {
    console.error(`procmap server: cannot reach Redis: ${(error as Error).message}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = configFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`procmap server: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(
    undefined,
    undefined,
    config.logFormat,
    config.instanceId ? { instance: config.instanceId } : {},
  );
  if (process.argv.includes('--recover')) {
    if (config.databaseUrl) {
      console.error(
        'procmap recover: PROCMAP_DATABASE_URL is set: --recover restores the SQLite store only; restore PostgreSQL from its own backups (docs/deploy.md)',
      );
      process.exit(2);
    }
    await recover(config);
  }
  const storage = config.databaseUrl
    ? await openPostgres(config.databaseUrl, log)
    : await openStorage(config, log);
  const dbPath = config.databaseUrl ? 'postgresql' : storePath(config);
  const bus = await connectBus(config, log);
  const server = createProcmapServer(config, storage, log, bus);
  let url: string;
  try {
    url = await server.listen();
  } catch (error) {
    console.error(
      `procmap server: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
    );
    process.exit(2);
  }
  // The first line on stdout is the URL: scripts and tests read it.
  process.stdout.write(`procmap server listening on ${url}\n`);
  log.info('started', {
    url,
    data: dbPath,
    admin: config.adminToken ? 'required' : 'open',
    instances: bus ? `several (bus ${bus.instanceId})` : 'one',
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const limitMs = 10_000 + config.drainMs;
    const force = setTimeout(() => {
      log.error('shutdown-timeout', { seconds: limitMs / 1000 });
      process.exit(1);
    }, limitMs);
    force.unref();
    server.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error) => {
        log.error('shutdown-failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // A promise nobody awaited that failed is one request or connection gone wrong, not the
  // server: say so and keep serving everyone else (connections guard their own steps too).
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled-rejection', { error: String(reason) });
  });
}

void main();
