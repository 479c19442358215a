import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The server as a real process, the way users run it: `node apps/server/bin/procmap-server.js`
 * with a real SQLite file in a temporary folder. Tests read the URL from its first line.
 */

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'procmap-server.js');

export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stderr so far (the log). */
  log(): string;
  /** Sends a signal and resolves with the exit code once the process has exited. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** A free TCP port on loopback (so a restarted server can come back on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A new empty data folder; remove it with `removeDataDir`. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'procmap-server-'));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Starts the server process and resolves once it prints the URL it listens on. */
export function startServer(
  options: { dataDir?: string; port?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, [BIN], {
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      PROCMAP_DATA: dataDir,
      PROCMAP_LOG: process.env.PROCMAP_TEST_LOG ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onExit = (code: number | null) =>
      reject(new Error(`server exited with ${code} before listening:\n${stderr}`));
    // 'close', not 'exit': only then has all of its stderr been read (under load 'exit' can
    // come first, and the message would lose the reason the server gave).
    child.once('close', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(/listening on (https?:\/\/[^\s]+)/);
      if (!match) return;
      child.off('close', onExit);
      const url = match[1] as string;
      resolve({
        url,
        wsUrl: `${url.replace(/^http/, 'ws')}/sync`,
        port: Number(new URL(url).port),
        dataDir,
        child,
        log: () => stderr,
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}

/** Creates a map over the REST API; returns its id and tokens. */
export async function createMap(
  server: { readonly url: string },
  body: unknown = { title: 'Test map' },
): Promise<{ id: string; editToken: string; viewToken: string }> {
  const res = await fetch(`${server.url}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; editToken: string; viewToken: string };
}
