import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { filterAwareness } from '../protocol/awareness-filter';
import { CLOSE } from '@procmap/protocol';
import { checkStateVector, MESSAGE, parseClientMessage } from '../protocol/messages';
import { connectClient, stateOf, type TestClient, whenSynced } from './clients';
import type { FuzzMessage } from './fuzz-corpus';
import { removeDataDir, type ServerProcess, startServer } from './server-process';
import { waitFor } from './wait';

/*
 * The machinery of the protocol fuzz tests (sync/fuzz, partial-update and limits): raw attacker
 * connections, what the server must do with each message, replica comparison, honest stock
 * clients, and setup.
 */

export const TEST_TIMEOUT = 60_000;

export type Access = 'edit' | 'view';
export type MapInfo = { id: string; editToken: string; viewToken: string };

// ---------------------------------------------------------------------------------------------
// Raw attacker connections

/** A raw websocket that counts the sync step 2 answers it gets and remembers how it closed. */
export class RawClient {
  step2s = 0;
  closed: { code: number; reason: string } | undefined;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      if (data[0] === MESSAGE.sync && data[1] === 1) this.step2s++;
      this.wake();
    });
    ws.on('close', (code: number, reason: Buffer) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('error', () => undefined); // a close follows
  }

  static open(server: ServerProcess, mapId: string, token: string): Promise<RawClient> {
    const ws = new WebSocket(`${server.wsUrl}/${mapId}?token=${encodeURIComponent(token)}`);
    const client = new RawClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
      ws.once('error', reject);
    });
  }

  send(bytes: Uint8Array, text = false): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (text) this.ws.send(Buffer.from(bytes).toString('latin1'));
    else this.ws.send(bytes, { binary: true });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** Resolves once `check` holds (checked after every message and on close). */
  until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    return waitFor(check, what, {
      timeoutMs,
      seen: () => ({ step2s: this.step2s, closed: this.closed }),
      wake: (recheck) => {
        this.waiters.add(recheck);
        return () => this.waiters.delete(recheck);
      },
    });
  }

  /** Closes from our side and waits for the close to finish. */
  async close(): Promise<void> {
    if (!this.closed) this.ws.close(1000);
    await this.until(() => this.closed !== undefined, 'the socket to close');
  }
}

// ---------------------------------------------------------------------------------------------
// What the server must do with each message, worked out locally with the server's own parsers

export type Expected = 'accept' | 'malformed' | 'update';

export function expectedFor(message: FuzzMessage): { expected: Expected; step1: boolean } {
  if (message.text) return { expected: 'malformed', step1: false };
  try {
    const parsed = parseClientMessage(message.bytes);
    if (parsed.type === 'sync-step1') {
      checkStateVector(parsed.stateVector);
      return { expected: 'accept', step1: true };
    }
    if (parsed.type === 'awareness') filterAwareness(parsed.update, () => true); // and its limits
    if (parsed.type === 'update') return { expected: 'update', step1: false };
    return { expected: 'accept', step1: false };
  } catch {
    return { expected: 'malformed', step1: false };
  }
}

/** Close codes the server may use for a bad message (docs/server.md), plus a broken socket. */
export const DOCUMENTED = new Set<number>([
  ...Object.values(CLOSE),
  1009,
  1005, // no status (socket broke)
  1006, // abnormal closure (socket broke)
]);

/** The outcomes allowed for each expectation. */
export function allowed(expected: Expected, access: Access): readonly (number | 'accepted')[] {
  if (expected === 'malformed') return [CLOSE.malformed];
  if (expected === 'accept') return ['accepted'];
  // A document update that parses: applied when it applies (or waits for a missing one), and
  // refused with 4400 when it does not. On a view link an update that applies is refused with
  // 4403 — unless it changes nothing: that is what the stock client's answer to our sync step 1
  // looks like.
  return access === 'edit'
    ? ['accepted', CLOSE.malformed]
    : ['accepted', CLOSE.malformed, CLOSE.readOnly];
}

// ---------------------------------------------------------------------------------------------
// Replica comparison

const ROOT_MAPS = ['meta', 'roles', 'steps', 'flows', 'comments'] as const;
/** The key, in the map's own fields, of a list the honest editors push to. */
export const HONEST_ARRAY = 'fuzz-honest';

/** JSON with object keys sorted: a Y.Map lists its keys in the order they arrived. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** Everything that identifies a replica: state vector, delete set and content. */
export function summary(doc: Y.Doc) {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);
  const snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
  const content = canonical(ROOT_MAPS.map((name) => doc.getMap(name).toJSON()));
  return { sv, snapshot, content };
}

/** The state as a fresh replica built from this one encodes it. */
export function rebuiltState(doc: Y.Doc): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const state = stateOf(copy);
  copy.destroy();
  return state;
}

export const pending = (doc: Y.Doc) =>
  doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** Whether a replica changed: its state vector, delete set or encoded state (which may throw). */
export function fingerprint(doc: Y.Doc): string {
  try {
    return `${Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')}|${stateOf(doc)}`;
  } catch (error) {
    return `broken: ${String(error)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Honest clients

export interface Honest {
  readonly client: TestClient;
  readonly name: string;
  /** The updates this client made itself. */
  readonly own: Uint8Array[];
  edits: number;
  /** Every disconnect or non-connected status after the first sync. */
  readonly troubles: string[];
}

export function honestClient(
  server: ServerProcess,
  map: MapInfo,
  name: string,
  token: string,
): Honest {
  const client = connectClient(server.wsUrl, map.id, token);
  const honest: Honest = { client, name, own: [], edits: 0, troubles: [] };
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider) honest.own.push(update);
  });
  return honest;
}

/** From now on, any disconnect of this client counts as trouble. */
export function watch(honest: Honest): void {
  const { provider } = honest.client;
  provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
    honest.troubles.push(`${honest.name}: connection closed ${event?.code} ${event?.reason ?? ''}`);
  });
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') honest.troubles.push(`${honest.name}: status ${status}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Setup

/** Kills the servers a test file started and removes their data folders. */
export async function stopServers(servers: readonly ServerProcess[]): Promise<void> {
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
  for (const s of servers) removeDataDir(s.dataDir);
}

/** What the tests of a file leave behind (stock clients above all), undone after each test. */
export class Cleanups {
  private readonly cleanups: (() => void)[] = [];

  push(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Connects a stock client, waits for its sync, and destroys it after the test. */
  async syncedClient(server: ServerProcess, map: MapInfo, token = map.editToken) {
    const client = connectClient(server.wsUrl, map.id, token);
    this.push(() => client.destroy());
    await whenSynced(client);
    return client;
  }

  runAll(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }
}

/**
 * The lifecycle of a protocol test file: one real server per environment, started before its
 * tests (in parallel), clients cleaned up after each test, servers stopped after all.
 */
export function serverSuite(envs: readonly Record<string, string>[]): {
  readonly servers: ServerProcess[];
  readonly cleanups: Cleanups;
} {
  const servers: ServerProcess[] = [];
  const cleanups = new Cleanups();
  beforeAll(async () => {
    servers.push(...(await Promise.all(envs.map((env) => startServer({ env })))));
  }, 60_000);
  afterEach(() => cleanups.runAll());
  afterAll(async () => {
    cleanups.runAll();
    await stopServers(servers);
  });
  return { servers, cleanups };
}

export function expectAlive(server: ServerProcess): void {
  expect(server.child.exitCode, server.log()).toBeNull();
  expect(server.child.signalCode, server.log()).toBeNull();
}

export async function expectHealthy(server: ServerProcess): Promise<void> {
  expectAlive(server);
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
}
