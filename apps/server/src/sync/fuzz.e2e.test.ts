import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MapDoc } from '@procmap/doc';
import { createPrng, type Prng } from '@procmap/test-kit';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { filterAwareness } from '../protocol/awareness-filter';
import { CLOSE } from '../protocol/close-codes';
import {
  checkStateVector,
  MESSAGE,
  parseClientMessage,
  syncStep1,
  syncStep2,
  syncUpdate,
} from '../protocol/messages';
import {
  connectClient,
  stateOf,
  type TestClient,
  waitFor,
  whenSynced,
} from '../test-support/clients';
import { mutate, randomMessage } from '../test-support/mutate';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * Protocol fuzzing against the real server process. Attackers are raw websockets holding a
 * real token (an editor's client gone wrong is the worst case) sending mutated real messages
 * and random ones; honest stock y-websocket clients keep editing the same map throughout.
 *
 * Every attacker message is followed by a probe (a valid sync step 1), and the attacker waits
 * for either the probe's answer or the close: messages are handled strictly in order, so this
 * tells exactly which message was accepted and which one closed the connection. That gives an
 * oracle for "no partial update": the server's document must equal the stored map plus the
 * honest edits plus the attacker updates that were accepted — nothing else.
 *
 * Replay a run with PROCMAP_PROTOCOL_FUZZ_SEED=<seed> (and _MESSAGES=<n> for a longer one).
 * The corpus is a function of the seed and of the stored map as the server serves it; the
 * server picks the Yjs client id of an imported map at random, so when that id needs one more
 * varint byte, mutation offsets shift and the outcome counts differ slightly between runs.
 */

const SEED = Number(process.env.PROCMAP_PROTOCOL_FUZZ_SEED || 20_260_611);
const MESSAGES = Number(process.env.PROCMAP_PROTOCOL_FUZZ_MESSAGES || 5000);
const ATTACKERS = 8;
/** Each honest editor makes an edit this often (ms). */
const HONEST_EDIT_MS = 20;
const TEST_TIMEOUT = 60_000;

const referral = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      '..',
      'examples',
      'outpatient-referral.procmap.json',
    ),
    'utf8',
  ),
);

type Access = 'edit' | 'view';
type MapInfo = { id: string; editToken: string; viewToken: string };

// ---------------------------------------------------------------------------------------------
// Raw attacker connections

/** A raw websocket that counts the sync step 2 answers it gets and remembers how it closed. */
class RawClient {
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
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Closes from our side and waits for the close to finish. */
  async close(): Promise<void> {
    if (!this.closed) this.ws.close(1000);
    await this.until(() => this.closed !== undefined, 'the socket to close');
  }
}

// ---------------------------------------------------------------------------------------------
// Almost-valid material: edits of the real map, state vectors, presence

const COLLECTIONS = ['roles', 'steps', 'flows', 'comments'] as const;
const TEXTS = ['Triage', 'Référence', '予約', 'Book 📅 slot', '', 'x'.repeat(40), '<b>hi</b>'];

const someText = (prng: Prng) =>
  prng.chance(0.5) ? prng.pick(TEXTS) : `t${prng.int(0, 1_000_000)}`;

const someValue = (prng: Prng): unknown => {
  switch (prng.int(0, 5)) {
    case 0:
      return prng.int(-1000, 1_000_000);
    case 1:
      return prng.next() * 100;
    case 2:
      return prng.chance(0.5);
    case 3:
      return { x: prng.int(0, 2000), y: prng.int(0, 2000) };
    case 4:
      return [someText(prng), prng.int(0, 9)];
    default:
      return someText(prng);
  }
};

/** One transaction of one to four realistic edits, as the editor would make them. */
function attackerEdit(doc: Y.Doc, prng: Prng, tag: string): void {
  doc.transact(() => {
    const edits = prng.int(1, 4);
    for (let k = 0; k < edits; k++) {
      const collection = doc.getMap<unknown>(prng.pick(COLLECTIONS));
      const ids = [...collection.keys()];
      const record = ids.length > 0 ? collection.get(prng.pick(ids)) : undefined;
      const op = prng.int(0, 9);
      if (op <= 1 || !(record instanceof Y.Map)) {
        const id = `fz-${tag}-${k}`;
        const fresh = new Y.Map<unknown>();
        collection.set(id, fresh);
        fresh.set('id', id);
        fresh.set('label', someText(prng));
        fresh.set('position', { x: prng.int(0, 2000), y: prng.int(0, 2000) });
      } else if (op === 2) {
        collection.delete(prng.pick(ids));
      } else if (op === 3) {
        doc.getMap('meta').set('title', someText(prng));
      } else if (op === 4) {
        const keys = [...record.keys()].filter((key) => key !== 'id');
        if (keys.length > 0) record.delete(prng.pick(keys));
      } else if (op === 5) {
        const list = record.get('replies');
        if (list instanceof Y.Array && list.length > 0 && prng.chance(0.3)) list.delete(0, 1);
        else if (list instanceof Y.Array) list.insert(prng.int(0, list.length), [someText(prng)]);
        else record.set('replies', Y.Array.from([someText(prng), someText(prng)]));
      } else {
        record.set(
          prng.pick(['label', 'name', 'note', 'processTime', 'position']),
          someValue(prng),
        );
      }
    }
  });
}

/** Makes almost-valid document updates: real edits of the real map by unseen client ids. */
class UpdateFactory {
  private doc: Y.Doc | undefined;
  private made = 0;

  constructor(
    private readonly template: Uint8Array,
    private readonly prng: Prng,
    /** A fresh replica every `reuse` updates; in between, updates may depend on each other. */
    private readonly reuse = 8,
  ) {}

  next(): Uint8Array {
    if (!this.doc || this.made % this.reuse === 0) {
      this.doc?.destroy();
      this.doc = new Y.Doc();
      Y.applyUpdate(this.doc, this.template);
    }
    this.made++;
    // a new client id for every update, so any struct that sneaks in is recognisable
    this.doc.clientID = this.prng.int(1, 2 ** 31);
    let update: Uint8Array | undefined;
    const capture = (u: Uint8Array) => {
      update = u;
    };
    this.doc.on('update', capture);
    attackerEdit(this.doc, this.prng, String(this.made));
    this.doc.off('update', capture);
    if (!update) throw new Error('the edit changed nothing');
    return update;
  }

  stateVector(): Uint8Array {
    return this.doc ? Y.encodeStateVector(this.doc) : Uint8Array.of(0);
  }

  destroy(): void {
    this.doc?.destroy();
  }
}

/** A presence update as y-protocols encodes it. */
function presence(prng: Prng): Uint8Array {
  const e = encoding.createEncoder();
  const count = prng.chance(0.8) ? 1 : prng.int(0, 3);
  encoding.writeVarUint(e, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(e, prng.int(1, 2 ** 31));
    encoding.writeVarUint(e, prng.int(0, 500));
    const state = prng.chance(0.1)
      ? null
      : {
          user: { name: someText(prng), color: prng.pick(['#4f7cff', '#d64545', 'red']) },
          cursor: { x: prng.int(0, 2000), y: prng.int(0, 2000) },
        };
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

const wrapPresence = (update: Uint8Array) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
};

interface FuzzMessage {
  readonly index: number;
  readonly kind: string;
  readonly steps: readonly string[];
  readonly bytes: Uint8Array;
  /** Sent as a text frame. */
  readonly text: boolean;
}

/**
 * The seeded corpus. Most mutations are made inside a well-framed message (mutate the update,
 * then wrap it), so they get past the framing and reach Y.applyUpdate; the rest mutate the whole
 * message or are random.
 */
function buildCorpus(template: Uint8Array, seed: number, count: number): FuzzMessage[] {
  const prng = createPrng(seed);
  const factory = new UpdateFactory(template, prng.fork());
  const templateDoc = new Y.Doc();
  Y.applyUpdate(templateDoc, template);
  const templateSv = Y.encodeStateVector(templateDoc);
  templateDoc.destroy();
  const out: FuzzMessage[] = [];
  for (let index = 0; index < count; index++) {
    const roll = prng.next();
    let kind: string;
    let bytes: Uint8Array;
    let steps: readonly string[];
    let text = false;
    if (roll < 0.5) {
      const update = factory.next();
      const wrap = prng.chance(0.5) ? syncUpdate : syncStep2;
      if (prng.chance(0.8)) {
        const m = mutate(update, prng);
        [kind, bytes, steps] = ['update', wrap(m.bytes), m.steps];
      } else {
        const m = mutate(wrap(update), prng);
        [kind, bytes, steps] = ['update-framing', m.bytes, m.steps];
      }
    } else if (roll < 0.6) {
      const sv = prng.pick([templateSv, factory.stateVector(), Uint8Array.of(0)]);
      const inner = prng.chance(0.6);
      const m = inner ? mutate(sv, prng) : mutate(syncStep1(sv), prng);
      [kind, bytes, steps] = ['step1', inner ? syncStep1(m.bytes) : m.bytes, m.steps];
    } else if (roll < 0.75) {
      const update = presence(prng);
      const m = prng.chance(0.7) ? mutate(update, prng) : undefined;
      if (m) [kind, bytes, steps] = ['awareness', wrapPresence(m.bytes), m.steps];
      else {
        const whole = mutate(wrapPresence(update), prng);
        [kind, bytes, steps] = ['awareness-framing', whole.bytes, whole.steps];
      }
    } else if (roll < 0.8) {
      const base = prng.pick([
        Uint8Array.of(MESSAGE.queryAwareness),
        Uint8Array.of(MESSAGE.saved),
        Uint8Array.of(MESSAGE.auth, 0, 1, 0x61),
      ]);
      const m = mutate(base, prng);
      [kind, bytes, steps] = ['small', m.bytes, m.steps];
    } else if (roll < 0.98) {
      const m = randomMessage(prng);
      [kind, bytes, steps] = ['random', m.bytes, m.steps];
    } else {
      const m = randomMessage(prng);
      [kind, bytes, steps, text] = ['text-frame', m.bytes, m.steps, true];
    }
    out.push({ index, kind, steps, bytes, text });
  }
  factory.destroy();
  return out;
}

// ---------------------------------------------------------------------------------------------
// What the server must do with each message, worked out locally with the server's own parsers

type Expected = 'accept' | 'malformed' | 'update';

function expectedFor(message: FuzzMessage): { expected: Expected; step1: boolean } {
  if (message.text) return { expected: 'malformed', step1: false };
  try {
    const parsed = parseClientMessage(message.bytes);
    if (parsed.type === 'sync-step1') {
      checkStateVector(parsed.stateVector);
      return { expected: 'accept', step1: true };
    }
    if (parsed.type === 'awareness') filterAwareness(parsed.update, () => true);
    if (parsed.type === 'update') return { expected: 'update', step1: false };
    return { expected: 'accept', step1: false };
  } catch {
    return { expected: 'malformed', step1: false };
  }
}

/** Close codes the server may use for a bad message (docs/server.md), plus a broken socket. */
const DOCUMENTED = new Set<number>([
  ...Object.values(CLOSE),
  1009,
  1005, // no status (socket broke)
  1006, // abnormal closure (socket broke)
]);

/** The outcomes allowed for each expectation. */
function allowed(expected: Expected, access: Access): readonly (number | 'accepted')[] {
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
const HONEST_ARRAY = 'fuzz-honest';

/** JSON with object keys sorted: a Y.Map lists its keys in the order they arrived. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** Everything that identifies a replica: state vector, delete set and content. */
function summary(doc: Y.Doc) {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);
  const snapshot = Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64');
  const content = canonical([
    ...ROOT_MAPS.map((name) => doc.getMap(name).toJSON()),
    doc.getArray(HONEST_ARRAY).toJSON(),
  ]);
  return { sv, snapshot, content };
}

/** The state as a fresh replica built from this one encodes it. */
function rebuiltState(doc: Y.Doc): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const state = stateOf(copy);
  copy.destroy();
  return state;
}

const pending = (doc: Y.Doc) => doc.store.pendingStructs !== null || doc.store.pendingDs !== null;

/** Whether a replica changed: its state vector, delete set or encoded state (which may throw). */
function fingerprint(doc: Y.Doc): string {
  try {
    return `${Buffer.from(Y.encodeSnapshot(Y.snapshot(doc))).toString('base64')}|${stateOf(doc)}`;
  } catch (error) {
    return `broken: ${String(error)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Honest clients

interface Honest {
  readonly client: TestClient;
  readonly name: string;
  /** The updates this client made itself. */
  readonly own: Uint8Array[];
  edits: number;
  /** Every disconnect or non-connected status after the first sync. */
  readonly troubles: string[];
}

function honestClient(server: ServerProcess, map: MapInfo, name: string, token: string): Honest {
  const client = connectClient(server.wsUrl, map.id, token);
  const honest: Honest = { client, name, own: [], edits: 0, troubles: [] };
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== client.provider) honest.own.push(update);
  });
  return honest;
}

/** From now on, any disconnect of this client counts as trouble. */
function watch(honest: Honest): void {
  const { provider } = honest.client;
  provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
    honest.troubles.push(`${honest.name}: connection closed ${event?.code} ${event?.reason ?? ''}`);
  });
  provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') honest.troubles.push(`${honest.name}: status ${status}`);
  });
}

// ---------------------------------------------------------------------------------------------

const servers: ServerProcess[] = [];
let fuzzServer: ServerProcess;
let smallServer: ServerProcess;
let slowServer: ServerProcess;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  [fuzzServer, smallServer, slowServer] = await Promise.all([
    startServer(),
    startServer({ env: { PROCMAP_MAX_MESSAGE_BYTES: '65536' } }),
    startServer({ env: { PROCMAP_MESSAGES_PER_SECOND: '50', PROCMAP_MESSAGE_BURST: '100' } }),
  ]);
  servers.push(fuzzServer, smallServer, slowServer);
}, 60_000);

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

afterAll(async () => {
  for (const cleanup of cleanups) cleanup();
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
  for (const s of servers) removeDataDir(s.dataDir);
});

/** Connects a stock client, waits for its sync, and destroys it after the tests. */
async function syncedClient(server: ServerProcess, map: MapInfo, token = map.editToken) {
  const client = connectClient(server.wsUrl, map.id, token);
  cleanups.push(() => client.destroy());
  await whenSynced(client);
  return client;
}

function expectAlive(server: ServerProcess): void {
  expect(server.child.exitCode, server.log()).toBeNull();
  expect(server.child.signalCode, server.log()).toBeNull();
}

async function expectHealthy(server: ServerProcess): Promise<void> {
  expectAlive(server);
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
}

describe('protocol fuzzing: mutated and random messages against a real server', () => {
  it('builds the same corpus from the same seed, and a different one from another', () => {
    const local = MapDoc.fromFile(referral);
    const template = Y.encodeStateAsUpdate(local.ydoc);
    local.destroy();
    const a = buildCorpus(template, SEED, 300);
    const b = buildCorpus(template, SEED, 300);
    const c = buildCorpus(template, SEED + 1, 300);
    const bytes = (corpus: FuzzMessage[]) =>
      corpus.map((m) => Buffer.from(m.bytes).toString('hex'));
    expect(bytes(a)).toEqual(bytes(b));
    expect(a.map((m) => m.steps)).toEqual(b.map((m) => m.steps));
    expect(bytes(c)).not.toEqual(bytes(a));
    // and it covers every kind of message
    expect(new Set(a.map((m) => m.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it(`survives ${MESSAGES} messages (seed ${SEED}): closes each offender with a documented code, applies no partial update, honest clients never notice`, {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = fuzzServer;
    const map = await createMap(server, referral);

    // The stored map, as the server serves it: the base of every almost-valid message.
    const first = connectClient(server.wsUrl, map.id, map.viewToken);
    await whenSynced(first);
    const template = Y.encodeStateAsUpdate(first.doc);
    first.destroy();

    // Three honest editors and one honest viewer.
    const editors = [0, 1, 2].map((k) => honestClient(server, map, `editor-${k}`, map.editToken));
    const viewer = honestClient(server, map, 'viewer', map.viewToken);
    const honest = [...editors, viewer];
    cleanups.push(() => {
      for (const h of honest) h.client.destroy();
    });
    await Promise.all(honest.map((h) => whenSynced(h.client)));
    for (const h of honest) watch(h);

    const corpus = buildCorpus(template, SEED, MESSAGES);

    // A probe: a valid sync step 1 claiming everything the honest clients and the stored map
    // have made, so the answer stays small.
    const known = new Map<number, number>();
    for (const [client] of Y.decodeStateVector(Y.encodeStateVector(editors[0]!.client.doc))) {
      known.set(client, 2 ** 31);
    }
    for (const h of honest) known.set(h.client.doc.clientID, 2 ** 31);
    const probe = syncStep1(Y.encodeStateVector(known));

    // Honest editing, every few milliseconds, for as long as the attack lasts.
    let attacking = true;
    const editing = editors.map(async (h, k) => {
      while (attacking) {
        const n = h.edits++;
        const doc = h.client.doc;
        if (n % 5 === 4) doc.getArray<string>(HONEST_ARRAY).push([`${k}:${n}`]);
        else doc.getMap('meta').set(`honest-${k}-${n}`, n);
        await new Promise((r) => setTimeout(r, HONEST_EDIT_MS));
      }
    });

    // The attack: ATTACKERS workers, worker w sends messages w, w + ATTACKERS, …
    interface Result {
      readonly message: FuzzMessage;
      readonly access: Access;
      readonly expected: Expected;
      readonly outcome: number | 'accepted';
    }
    const results: Result[] = [];
    let connections = 0;
    const started = performance.now();
    const attack = async (w: number) => {
      const prng = createPrng(SEED * 31 + w);
      let conn: RawClient | undefined;
      let access: Access = 'edit';
      let budget = 0;
      for (let i = w; i < corpus.length; i += ATTACKERS) {
        const message = corpus[i] as FuzzMessage;
        if (!conn || conn.closed || budget <= 0) {
          await conn?.close();
          access = prng.chance(0.15) ? 'view' : 'edit';
          conn = await RawClient.open(
            server,
            map.id,
            access === 'edit' ? map.editToken : map.viewToken,
          );
          connections++;
          budget = prng.int(3, 40);
        }
        budget--;
        const { expected, step1 } = expectedFor(message);
        const target = conn.step2s + (step1 ? 2 : 1);
        const c = conn;
        c.send(message.bytes, message.text);
        c.send(probe);
        await c.until(
          () => c.closed !== undefined || c.step2s >= target,
          `the answer to message ${i} (seed ${SEED})`,
        );
        const outcome = c.closed ? c.closed.code : 'accepted';
        results.push({ message, access, expected, outcome });
      }
      await conn?.close();
    };
    await Promise.all(Array.from({ length: ATTACKERS }, (_, w) => attack(w)));
    const attackMs = performance.now() - started;
    attacking = false;
    await Promise.all(editing);

    // Outcomes: every message got one of the outcomes allowed for it.
    const counts: Record<string, number> = {};
    const wrong: string[] = [];
    for (const r of results) {
      const key = `${r.outcome}`;
      counts[key] = (counts[key] ?? 0) + 1;
      if (!allowed(r.expected, r.access).includes(r.outcome)) {
        wrong.push(
          `#${r.message.index} ${r.message.kind} [${r.message.steps.join(', ')}] on ${r.access}: expected ${r.expected}, got ${r.outcome}`,
        );
      }
    }
    const byKind: Record<string, Record<string, number>> = {};
    for (const r of results) {
      const kind = byKind[r.message.kind] ?? {};
      kind[`${r.outcome}`] = (kind[`${r.outcome}`] ?? 0) + 1;
      byKind[r.message.kind] = kind;
    }
    console.info(
      `protocol fuzz (seed ${SEED}): ${results.length} messages over ${connections} attacker connections in ${Math.round(attackMs)} ms; outcomes ${JSON.stringify(counts)}; by kind ${JSON.stringify(byKind)}; honest edits ${editors.map((h) => h.edits).join('/')}`,
    );
    expect(results).toHaveLength(MESSAGES);
    expect(wrong.slice(0, 20), `${wrong.length} messages had the wrong outcome`).toEqual([]);
    const codes = new Set(results.map((r) => r.outcome).filter((o) => o !== 'accepted'));
    for (const code of codes)
      expect(DOCUMENTED.has(code as number), `close code ${code}`).toBe(true);
    expect(counts[CLOSE.malformed]).toBeGreaterThan(MESSAGES / 4);
    expect(counts[CLOSE.readOnly]).toBeGreaterThan(0);
    expect(counts.accepted).toBeGreaterThan(MESSAGES / 20);
    // Some mutated updates are valid and were applied; some were refused after parsing.
    const updates = results.filter((r) => r.expected === 'update' && r.access === 'edit');
    expect(updates.some((r) => r.outcome === 'accepted')).toBe(true);
    expect(updates.some((r) => r.outcome === CLOSE.malformed)).toBe(true);

    // Each close by the server came with a log line.
    const refusals = results.filter(
      (r) => r.outcome === CLOSE.malformed || r.outcome === CLOSE.readOnly,
    ).length;
    const logLines = server
      .log()
      .split('\n')
      .filter((line) => /^warn (connection-closed|update-rejected|update-refused) /.test(line));
    if (['debug', 'info', 'warn', undefined].includes(process.env.PROCMAP_TEST_LOG)) {
      expect(logLines.length).toBe(refusals);
    }
    expect(server.log()).not.toMatch(/^error /m);

    // The server is alive and healthy; the honest clients never noticed a thing.
    await expectHealthy(server);
    expect(honest.flatMap((h) => h.troubles)).toEqual([]);

    // All honest clients and a late joiner converge, byte for byte. (Compared as rebuilt
    // replicas: how Yjs splits and merges structs depends on the order they arrived in, and
    // attacker updates arrive in odd orders; the content, ids and deletions must not differ.)
    const late = await syncedClient(server, map);
    const everyone = [...honest.map((h) => h.client), late];
    await waitFor(
      () => everyone.every((c) => rebuiltState(c.doc) === rebuiltState(late.doc)),
      'the honest clients and a late joiner to converge',
      20_000,
    );
    // …containing every honest edit.
    const meta = late.doc.getMap('meta');
    const list = late.doc.getArray<string>(HONEST_ARRAY).toArray();
    editors.forEach((h, k) => {
      for (let n = 0; n < h.edits; n++) {
        if (n % 5 === 4) expect(list).toContain(`${k}:${n}`);
        else expect(meta.get(`honest-${k}-${n}`)).toBe(n);
      }
    });

    // No partial update: what the server holds is exactly the stored map, plus the honest
    // edits, plus the attacker updates it accepted — not one struct or deletion more.
    const expectedDoc = new Y.Doc();
    Y.applyUpdate(expectedDoc, template);
    for (const r of results) {
      if (r.outcome !== 'accepted' || r.expected !== 'update') continue;
      const parsed = parseClientMessage(r.message.bytes);
      if (parsed.type === 'update') Y.applyUpdate(expectedDoc, parsed.update);
    }
    for (const h of editors) for (const update of h.own) Y.applyUpdate(expectedDoc, update);
    // (the expected document may hold updates still waiting for one nobody sent: the server
    // accepts those, but neither applies nor serves them)
    expect(pending(late.doc)).toBe(false);
    const served = summary(late.doc);
    const oracle = summary(expectedDoc);
    expect(served.sv).toEqual(oracle.sv);
    expect(served.snapshot).toBe(oracle.snapshot);
    expect(served.content).toBe(oracle.content);
    for (const h of honest) expect(summary(h.client.doc)).toEqual(served);

    // The REST API serves the same map.
    const res = await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`);
    expect(res.status).toBe(200);
    const file = await res.json();
    const local = new MapDoc(late.doc);
    const exported = JSON.parse(JSON.stringify(local.exportFile()));
    local.destroy();
    expect(file).toEqual(exported);
    expectAlive(server);
    expect(honest.flatMap((h) => h.troubles)).toEqual([]);
  });

  it('closes the connection that sends a partial update (4400) and leaves the document unchanged', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = fuzzServer;
    const map = await createMap(server, referral);
    const observer = await syncedClient(server, map);
    const template = Y.encodeStateAsUpdate(observer.doc);
    const before = summary(observer.doc);
    const troubles: string[] = [];
    observer.provider.on('connection-close', (event: { code?: number } | null) => {
      troubles.push(`closed ${event?.code}`);
    });

    // Find, locally, mutated updates that throw half-way through Y.applyUpdate after changing a
    // copy of the map: one that fails while reading its delete set (after its structs went in),
    // and one that decodes completely and fails while integrating — only a scratch copy
    // catches that one.
    const prng = createPrng(SEED + 1);
    const factory = new UpdateFactory(template, prng.fork());
    const found = new Map<'decode' | 'integrate', { update: Uint8Array; steps: string }>();
    let tried = 0;
    for (; tried < 30_000 && found.size < 2; tried++) {
      const m = mutate(factory.next(), prng);
      let phase: 'decode' | 'integrate' = 'integrate';
      try {
        Y.decodeUpdate(m.bytes);
      } catch {
        phase = 'decode';
      }
      if (found.has(phase)) continue;
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, template);
      const print = fingerprint(scratch);
      try {
        Y.applyUpdate(scratch, m.bytes);
      } catch {
        if (fingerprint(scratch) !== print) {
          found.set(phase, { update: m.bytes, steps: m.steps.join(', ') });
        }
      }
      scratch.destroy();
    }
    factory.destroy();
    expect([...found.keys()].sort(), `partial updates found in ${tried} tries`).toEqual([
      'decode',
      'integrate',
    ]);

    for (const [phase, { update, steps }] of found) {
      // Sent by an editor's connection, it closes that connection with 4400…
      const attacker = await RawClient.open(server, map.id, map.editToken);
      attacker.send(syncUpdate(update));
      await attacker.until(() => attacker.closed !== undefined, `the close (${phase}: ${steps})`);
      expect(attacker.closed?.code, `${phase}: ${steps}`).toBe(CLOSE.malformed);

      // …and nothing of it reaches the room: a fresh client gets the map as it was.
      const fresh = await syncedClient(server, map);
      expect(summary(fresh.doc), `${phase}: ${steps}`).toEqual(before);
      expect(stateOf(fresh.doc)).toBe(stateOf(observer.doc));
      fresh.destroy();
    }
    expect(summary(observer.doc)).toEqual(before);

    // The room still takes good updates afterwards (its scratch copy was rebuilt properly).
    const good = new UpdateFactory(template, createPrng(SEED + 2)).next();
    const honest = await RawClient.open(server, map.id, map.editToken);
    honest.send(syncUpdate(good));
    honest.send(syncStep1(Uint8Array.of(0)));
    await honest.until(() => honest.step2s >= 1 || honest.closed !== undefined, 'the answer');
    expect(honest.closed).toBeUndefined();
    const expected = new Y.Doc();
    Y.applyUpdate(expected, template);
    Y.applyUpdate(expected, good);
    await waitFor(
      () => summary(observer.doc).snapshot === summary(expected).snapshot,
      'the observer to receive the good update',
    );
    expect(summary(observer.doc)).toEqual(summary(expected));
    await honest.close();
    expect(troubles).toEqual([]);
    await expectHealthy(server);
  });

  it('does not serve an update still waiting for a missing one to anybody else', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = fuzzServer;
    const map = await createMap(server, referral);
    const observer = await syncedClient(server, map);
    // An edit placed after an item of a client the server has never heard of.
    const ghost = new Y.Doc();
    ghost.clientID = 424_242;
    ghost.getArray('list').push(['ghost']);
    const orphan = new Y.Doc();
    Y.applyUpdate(orphan, Y.encodeStateAsUpdate(ghost));
    orphan.getArray('list').push(['orphan']);
    const update = Y.encodeStateAsUpdate(orphan, Y.encodeStateVector(ghost));
    const attacker = await RawClient.open(server, map.id, map.editToken);
    attacker.send(syncUpdate(update));
    attacker.send(syncStep1(Uint8Array.of(0)));
    await attacker.until(() => attacker.step2s >= 1 || attacker.closed !== undefined, 'the answer');
    // (the server may keep it, waiting, or refuse it; it must not hand it out)
    expect([undefined, CLOSE.malformed]).toContain(attacker.closed?.code);
    const fresh = await syncedClient(server, map);
    expect(pending(fresh.doc)).toBe(false);
    expect(stateOf(fresh.doc)).toBe(stateOf(observer.doc));
    expect(fresh.doc.getArray('list').length).toBe(0);
    await attacker.close();
  });

  it('keeps a stock view-only client connected; its document updates are refused with 4403', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = fuzzServer;
    const map = await createMap(server, referral);
    const editor = await syncedClient(server, map);
    const viewer = await syncedClient(server, map, map.viewToken);
    const troubles: string[] = [];
    viewer.provider.on('connection-close', (event: { code?: number } | null) => {
      troubles.push(`closed ${event?.code}`);
    });
    // It answered our sync step 1 with a step 2 (nothing new in it): that is not an edit.
    editor.doc.getMap('meta').set('title', 'Seen by the viewer');
    await waitFor(
      () => viewer.doc.getMap('meta').get('title') === 'Seen by the viewer',
      'the viewer to see the edit',
    );
    // A reconnect, now holding deletions the server also has, is still fine.
    editor.doc.getMap('steps').delete('admin-tray');
    await waitFor(() => stateOf(viewer.doc) === stateOf(editor.doc), 'the viewer to converge');
    viewer.provider.disconnect();
    viewer.provider.connect();
    await waitFor(
      () => viewer.provider.wsconnected && viewer.provider.synced,
      'the viewer to reconnect',
    );
    editor.doc.getMap('meta').set('after', 'reconnect');
    await waitFor(
      () => viewer.doc.getMap('meta').get('after') === 'reconnect',
      'the viewer to see an edit after reconnecting',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(viewer.provider.wsconnected).toBe(true);
    expect(troubles.filter((t) => t !== 'closed undefined')).toEqual([]); // (ours: disconnect())

    // A real edit from a view connection is refused, and nobody sees it.
    const raw = await RawClient.open(server, map.id, map.viewToken);
    const edit = new Y.Doc();
    Y.applyUpdate(edit, Y.encodeStateAsUpdate(editor.doc));
    let update: Uint8Array | undefined;
    edit.on('update', (u: Uint8Array) => {
      update = u;
    });
    edit.getMap('meta').set('title', 'Defaced');
    raw.send(syncUpdate(update as Uint8Array));
    await raw.until(() => raw.closed !== undefined, 'the close');
    expect(raw.closed?.code).toBe(CLOSE.readOnly);
    const fresh = await syncedClient(server, map);
    expect(fresh.doc.getMap('meta').get('title')).toBe('Seen by the viewer');
    expect(stateOf(fresh.doc)).toBe(stateOf(editor.doc));
  });
});

describe('message size limit', () => {
  it('closes a connection that sends more than PROCMAP_MAX_MESSAGE_BYTES with 1009; others are unaffected', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = smallServer;
    const map = await createMap(server, referral);
    const a = await syncedClient(server, map);
    const b = await syncedClient(server, map);
    const troubles: string[] = [];
    for (const c of [a, b]) {
      c.provider.on('connection-close', (event: { code?: number } | null) => {
        troubles.push(`closed ${event?.code}`);
      });
    }

    const edit = (size: number) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(a.doc));
      let update: Uint8Array | undefined;
      doc.on('update', (u: Uint8Array) => {
        update = u;
      });
      doc.getMap('meta').set(`note-${size}`, 'n'.repeat(size));
      doc.destroy();
      return syncUpdate(update as Uint8Array);
    };

    // Just under the limit: accepted and relayed.
    const fits = edit(60_000);
    expect(fits.length).toBeLessThan(65_536);
    const ok = await RawClient.open(server, map.id, map.editToken);
    ok.send(fits);
    await waitFor(() => a.doc.getMap('meta').has('note-60000'), 'the message under the limit');
    expect(ok.closed).toBeUndefined();
    await ok.close();

    // Over the limit: that connection is closed with 1009 and nothing of it is applied.
    const big = edit(70_000);
    expect(big.length).toBeGreaterThan(65_536);
    const attacker = await RawClient.open(server, map.id, map.editToken);
    attacker.send(big);
    await attacker.until(() => attacker.closed !== undefined, 'the close');
    expect(attacker.closed?.code).toBe(CLOSE.tooBig);

    // Everyone else carries on.
    b.doc.getMap('meta').set('after', 'still here');
    await waitFor(() => a.doc.getMap('meta').get('after') === 'still here', 'an edit after it');
    expect(a.doc.getMap('meta').has('note-70000')).toBe(false);
    const fresh = await syncedClient(server, map);
    expect(fresh.doc.getMap('meta').has('note-70000')).toBe(false);
    await waitFor(() => stateOf(fresh.doc) === stateOf(a.doc), 'a fresh client to converge');
    expect(troubles).toEqual([]);
    await expectHealthy(server);
  });
});

describe('rate limit', () => {
  it('closes a flooding connection with the rate-limit code; an honest client on the same map is unaffected', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = slowServer;
    const map = await createMap(server, referral);
    const a = await syncedClient(server, map);
    const b = await syncedClient(server, map);
    const troubles: string[] = [];
    for (const c of [a, b]) {
      c.provider.on('connection-close', (event: { code?: number } | null) => {
        troubles.push(`closed ${event?.code}`);
      });
    }
    const query = Uint8Array.of(MESSAGE.queryAwareness);

    // A burst up to the limit, then the sustained rate, is fine…
    const steady = await RawClient.open(server, map.id, map.editToken);
    const answered = (n: number) =>
      steady.until(() => steady.step2s >= n || steady.closed !== undefined, 'the answer');
    for (let i = 0; i < 99; i++) steady.send(query);
    steady.send(syncStep1(Uint8Array.of(0)));
    await answered(1); // all 100 were taken by the server
    await new Promise((r) => setTimeout(r, 500)); // 25 tokens back at 50 per second
    for (let i = 0; i < 19; i++) steady.send(query);
    steady.send(syncStep1(Uint8Array.of(0)));
    await answered(2);
    expect(steady.closed).toBeUndefined();
    await steady.close();

    // …a flood is not.
    const flood = await RawClient.open(server, map.id, map.editToken);
    for (let i = 0; i < 1000 && !flood.closed; i++) flood.send(query);
    await flood.until(() => flood.closed !== undefined, 'the flooding connection to be closed');
    expect(flood.closed?.code).toBe(CLOSE.rateLimited);

    // The honest clients keep editing and converging.
    for (let i = 0; i < 20; i++) a.doc.getMap('meta').set(`a${i}`, i);
    b.doc.getMap('meta').set('b', true);
    await waitFor(
      () => stateOf(a.doc) === stateOf(b.doc) && a.doc.getMap('meta').get('b') === true,
      'a and b to converge',
    );
    expect(b.doc.getMap('meta').get('a19')).toBe(19);
    expect(troubles).toEqual([]);
    expect(server.log()).toMatch(/connection-closed .*code=4529/);
    await expectHealthy(server);
  });
});
