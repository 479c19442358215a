import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort, removeDataDir, tempDataDir } from './server-process';
import { waitFor } from './wait';

/*
 * A real Redis for tests: `redis-server` as a child process on a free loopback port, with no
 * persistence, in its own temporary folder. Tests kill and restart it on the same port to see
 * the bus lose Redis and get it back. Without a redis-server binary the tests that need one
 * skip, saying why.
 */

export interface RedisProcess {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGKILL by default: a crash) and resolves once it has exited. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts it again on the same port and resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

const BINARY = process.env.PROCMAP_REDIS_SERVER ?? 'redis-server';

/** Whether a redis-server binary can be run here. */
export function hasRedisServer(): boolean {
  return spawnSync(BINARY, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Whether something on the port answers a Redis PING now. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** A redis-server on a free port, answering PING; undefined when there is no binary. */
export async function startRedis(): Promise<RedisProcess | undefined> {
  if (!hasRedisServer()) return undefined;
  const port = await freePort();
  const dir = tempDataDir();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    let output = '';
    // No snapshots, no append-only file: a restart comes back empty, as a lost Redis would
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    const proc = spawn(BINARY, [...args, '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    await waitFor(
      async () => {
        if (proc.exitCode !== null || proc.signalCode !== null) {
          throw new Error(`redis-server exited at start:\n${output}`);
        }
        return answersPing(port);
      },
      `redis-server answering PING on port ${port}`,
      { seen: () => output },
    );
  };

  const stop = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    destroy: async () => {
      await stop();
      removeDataDir(dir);
    },
  };
}

/**
 * A Redis to test against: PROCMAP_TEST_REDIS_URL when set (CI runs one), else one of our own;
 * undefined when there is neither. `release` stops what this started (never a shared one).
 */
export async function testRedisUrl(): Promise<
  { url: string; release(): Promise<void> } | undefined
> {
  const shared = process.env.PROCMAP_TEST_REDIS_URL;
  if (shared) return { url: shared, release: async () => {} };
  const own = await startRedis();
  return own && { url: own.url, release: () => own.destroy() };
}
