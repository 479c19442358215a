import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, configFromEnv } from './config';
import { createLogger } from './log';
import { createProcmapServer } from './server';
import { WorkerStorage } from './storage/worker-storage';

/** `npm start`: the server on the embedded SQLite store, configured from the environment. */
async function main(): Promise<void> {
  const log = createLogger();
  let config: ReturnType<typeof configFromEnv>;
  try {
    config = configFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`procmap server: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  let storage: WorkerStorage;
  const dbPath =
    config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'procmap.sqlite');
  try {
    if (config.dataDir !== ':memory:') mkdirSync(config.dataDir, { recursive: true });
    // SQLite on its own thread: fsyncs never stall the relay of everyone's edits.
    storage = await WorkerStorage.open(dbPath);
  } catch (error) {
    console.error(
      `procmap server: cannot open the data store at ${dbPath}: ${(error as Error).message}`,
    );
    process.exit(2);
  }
  const server = createProcmapServer(config, storage, log);
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
  log.info('started', { url, data: dbPath, admin: config.adminToken ? 'required' : 'open' });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    const force = setTimeout(() => {
      log.error('shutdown-timeout', { seconds: 10 });
      process.exit(1);
    }, 10_000);
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
}

void main();
