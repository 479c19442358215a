import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

/*
 * The servers the collaboration benchmark compares, each a separate real process on 127.0.0.1:
 * ours (`node apps/server/bin/procmap-server.js`, a real SQLite file in a temporary folder), the
 * reference (`@y/websocket-server`'s own `server.js`, in memory), Hocuspocus (started by
 * bench/server/hocuspocus.ts) and a plain websocket relay (bench/relay.ts). The clients are
 * stock y-websocket providers in the bench process.
 */

const ROOT = join(import.meta.dirname, '..');
/** BENCH_OUR_SERVER_BIN runs another build of our server (say, a candidate fix) instead. */
const OUR_BIN =
  process.env.BENCH_OUR_SERVER_BIN ?? join(ROOT, 'apps', 'server', 'bin', 'procmap-server.js');
const REFERENCE_BIN = join(ROOT, 'node_modules', '@y', 'websocket-server', 'src', 'server.js');
const RELAY = join(import.meta.dirname, 'relay.ts');

export interface Spawned {
  readonly label: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** Base URL of the websocket endpoint the provider appends `/<room>` to. */
  readonly wsUrl: string;
  readonly httpUrl: string;
  /** The WebSocket class clients pass to the provider, when not plain `ws` (Hocuspocus). */
  readonly socket?: typeof globalThis.WebSocket;
  /** Resident set size of the process, in bytes (from /proc/<pid>/status). */
  rss(): number;
  /**
   * Only for a process started with `inspect`: forces a full garbage collection in it through
   * the inspector protocol, then reads its `process.memoryUsage()`.
   */
  memoryAfterGc(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/** A free TCP port on loopback (for servers that cannot report the port they picked). */
function freePort(): Promise<number> {
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

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}

/** Talks to a process's inspector: one request, its result. */
function inspectorCall(url: string, calls: { method: string; params?: unknown }[]) {
  return new Promise<unknown[]>((resolve, reject) => {
    const ws = new WebSocket(url);
    const results: unknown[] = [];
    ws.on('error', reject);
    ws.on('open', () => {
      calls.forEach((call, id) => {
        ws.send(JSON.stringify({ id, ...call }));
      });
    });
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: unknown };
      if (msg.id === undefined) return;
      if (msg.error) reject(new Error(JSON.stringify(msg.error)));
      results[msg.id] = msg.result;
      if (Object.keys(results).length === calls.length) {
        ws.close();
        resolve(results);
      }
    });
  });
}

/** Spawns `node …args` and resolves once a stdout line matches `ready` (its group 1 = URL). */
export function spawnServer(
  label: string,
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  toUrls: (match: RegExpMatchArray) => { wsUrl: string; httpUrl: string },
  cleanup: () => void = () => undefined,
  inspect = false,
): Promise<Spawned> {
  if (inspect) args = ['--inspect=127.0.0.1:0', ...args];
  // e.g. BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile the servers.
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  args = [...extra, ...args];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let inspectorUrl: string | undefined;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    inspectorUrl ??= stderr.match(/Debugger listening on (ws:\/\/\S+)/)?.[1];
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onExit = (code: number | null) =>
      reject(new Error(`${label} exited with ${code} before listening:\n${stderr}`));
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = stdout.match(ready);
      if (!match) return;
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      child.off('exit', onExit);
      const pid = child.pid as number;
      resolve({
        label,
        child,
        pid,
        ...toUrls(match),
        rss: () => rssOf(pid),
        memoryAfterGc: async () => {
          const url = inspectorUrl;
          if (!url) throw new Error(`${label} was not started with the inspector`);
          const [, evaluated] = await inspectorCall(url, [
            { method: 'HeapProfiler.collectGarbage' },
            {
              method: 'Runtime.evaluate',
              params: { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true },
            },
          ]);
          return JSON.parse((evaluated as { result: { value: string } }).result.value);
        },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
          const log = stderr
            .split('\n')
            .filter(
              (l) => l.trim() && !/Debugger (listening|attached|ending)|For help, see/.test(l),
            )
            .join('\n');
          if (log) console.warn(`[${label} stderr]\n${log.slice(-2000)}`);
          cleanup();
        },
      });
    });
  });
}

/**
 * Our server as users run it, on port 0, logging warnings only, with a fresh data folder.
 * `env` adds or overrides settings (rate limits, idle unload).
 */
export function startOurs(
  label: string,
  env: Record<string, string> = {},
  inspect = false,
): Promise<Spawned> {
  const dataDir = mkdtempSync(join(tmpdir(), 'procmap-bench-'));
  return spawnServer(
    label,
    [OUR_BIN],
    { PORT: '0', HOST: '127.0.0.1', PROCMAP_DATA: dataDir, PROCMAP_LOG: 'warn', ...env },
    /listening on (http:\/\/\S+)/,
    (m) => ({ httpUrl: m[1] as string, wsUrl: `${(m[1] as string).replace(/^http/, 'ws')}/sync` }),
    () => rmSync(dataDir, { recursive: true, force: true }),
    inspect,
  );
}

/** The reference, `@y/websocket-server@0.1.1`'s own bin, unmodified (in-memory documents). */
export async function startReference(label: string, inspect = false): Promise<Spawned> {
  const port = await freePort();
  return spawnServer(
    label,
    [REFERENCE_BIN],
    { PORT: String(port), HOST: '127.0.0.1' },
    /running at/,
    () => ({ httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` }),
    undefined,
    inspect,
  );
}

/** The plain websocket relay of bench/relay.ts: forwards every message to the other sockets. */
export function startRelay(label: string): Promise<Spawned> {
  return spawnServer(
    label,
    ['--import', 'tsx', RELAY],
    { PORT: '0', HOST: '127.0.0.1' },
    /relay listening on (ws:\/\/\S+)/,
    (m) => ({ wsUrl: m[1] as string, httpUrl: (m[1] as string).replace(/^ws/, 'http') }),
  );
}

/** Creates a map on our server over the REST API (empty, or from a map file). */
export async function createMap(
  server: Spawned,
  body: unknown = { title: 'Bench map' },
): Promise<{ id: string; editToken: string }> {
  const res = await fetch(`${server.httpUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; editToken: string };
}

/** Rooms a server holds in memory (from /healthz: ours, and the bench's Hocuspocus). */
export async function openRooms(server: Spawned): Promise<number> {
  const res = await fetch(`${server.httpUrl}/healthz`);
  const body = (await res.json()) as { rooms?: number };
  return body.rooms ?? -1;
}

/** Where a client connects: a server, a room name, and the token when the server needs one. */
export interface Target {
  readonly server: Spawned;
  readonly room: string;
  readonly token?: string;
}

export interface Client {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

/** A stock y-websocket provider, as any Yjs program would connect. */
export function connect(target: Target, doc: Y.Doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(target.server.wsUrl, target.room, doc, {
    params: target.token ? { token: target.token } : {},
    WebSocketPolyfill:
      target.server.socket ?? (WebSocket as unknown as typeof globalThis.WebSocket),
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when the provider reports it is synced (rejects after `timeoutMs`). */
export function whenSynced(client: Client, timeoutMs = 30_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.provider.off('sync', on);
      reject(new Error(`no sync within ${timeoutMs} ms (${client.provider.url})`));
    }, timeoutMs);
    const on = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      client.provider.off('sync', on);
      resolve();
    };
    client.provider.on('sync', on);
  });
}

/** Resolves when the websocket of a provider is open (a relay never sends sync step 2). */
export function whenConnected(client: Client, timeoutMs = 30_000): Promise<void> {
  if (client.provider.wsconnected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection')), timeoutMs);
    const on = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      clearTimeout(timer);
      client.provider.off('status', on);
      resolve();
    };
    client.provider.on('status', on);
  });
}

/** Polls `check` every few ms until it holds; rejects after `timeoutMs` naming `what`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 5,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
