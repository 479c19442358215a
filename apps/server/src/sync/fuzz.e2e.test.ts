import { MapDoc } from '@procmap/doc';
import { createPrng } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import { parseClientMessage, syncStep1 } from '../protocol/messages';
import { connectClient, whenSynced } from '../test-support/clients';
import { letTimePass, waitFor } from '../test-support/wait';
import {
  type Access,
  allowed,
  serverSuite,
  DOCUMENTED,
  type Expected,
  expectAlive,
  expectedFor,
  expectHealthy,
  HONEST_ARRAY,
  honestClient,
  pending,
  RawClient,
  rebuiltState,
  summary,
  TEST_TIMEOUT,
  watch,
} from '../test-support/fuzz-attack';
import { buildCorpus, type FuzzMessage, referral, SEED } from '../test-support/fuzz-corpus';
import { createMap } from '../test-support/server-process';

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
 *
 * The corpus is made in test-support/fuzz-corpus.ts; the attackers, the oracle and the honest
 * clients live in test-support/fuzz-attack.ts. partial-update.e2e.test.ts and
 * limits.e2e.test.ts use them for single cases.
 */

const MESSAGES = Number(process.env.PROCMAP_PROTOCOL_FUZZ_MESSAGES || 5000);
const ATTACKERS = 8;
/** Each honest editor makes an edit this often (ms). */
const HONEST_EDIT_MS = 20;

const { servers, cleanups } = serverSuite([{}]);

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
    const server = servers[0]!;
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
    // A list the editors push to, inside the map's own fields (a client may not add top-level
    // types): made once, before anyone pushes, so no concurrent creation loses a push.
    editors[0]!.client.doc.getMap('meta').set(HONEST_ARRAY, new Y.Array<string>());
    await waitFor(
      () => honest.every((h) => h.client.doc.getMap('meta').get(HONEST_ARRAY) instanceof Y.Array),
      'every honest client to have the list',
    );
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
        if (n % 5 === 4) honestList(doc).push([`${k}:${n}`]);
        else doc.getMap('meta').set(`honest-${k}-${n}`, n);
        await letTimePass(HONEST_EDIT_MS, 'honest edits at a person’s pace');
      }
    });

    // The attack: ATTACKERS workers, worker w sends messages w, w + ATTACKERS, …
    interface Result {
      readonly message: FuzzMessage;
      readonly access: Access;
      readonly expected: Expected;
      readonly outcome: number | 'accepted' | 'earlier';
    }
    const results: Result[] = [];
    let connections = 0;
    const started = performance.now();
    const opened: RawClient[] = [];
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
          opened.push(conn);
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
        // An update that waited, refused once what it waited for came: the close names it as an
        // earlier update, whatever message this one was.
        const earlier = c.closed?.reason.startsWith('an earlier update') ?? false;
        const outcome = earlier ? 'earlier' : c.closed ? c.closed.code : 'accepted';
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
      if (r.outcome !== 'earlier' && !allowed(r.expected, r.access).includes(r.outcome)) {
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
    const codes = new Set(
      results.map((r) => r.outcome).filter((o) => o !== 'accepted' && o !== 'earlier'),
    );
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
      (r) =>
        r.outcome === CLOSE.malformed || r.outcome === CLOSE.readOnly || r.outcome === 'earlier',
    ).length;
    const logLines = server
      .log()
      .split('\n')
      .filter((line) => /^warn (connection-closed|update-rejected|update-refused) /.test(line));
    if (['debug', 'info', 'warn', undefined].includes(process.env.PROCMAP_TEST_LOG)) {
      // One line for each connection the server closed. (An update that waited is refused when
      // what it waited for arrives, perhaps from someone else: its sender may be closed after
      // its own answer came, so closes can outnumber the refusals counted per message — and
      // such a close may cross the attacker's own, which it then never sees.)
      const closed = opened.filter((c) => (c.closed?.code ?? 0) >= 4400).length;
      const closedByUs = opened.filter((c) => c.closed && c.closed.code < 4400).length;
      expect(logLines.length).toBeGreaterThanOrEqual(closed);
      expect(logLines.length).toBeLessThanOrEqual(closed + closedByUs);
      expect(closed).toBeGreaterThanOrEqual(refusals);
    }
    expect(server.log()).not.toMatch(/^error /m);

    // The server is alive and healthy; the honest clients never noticed a thing.
    await expectHealthy(server);
    expect(honest.flatMap((h) => h.troubles)).toEqual([]);

    // All honest clients and a late joiner converge, byte for byte. (Compared as rebuilt
    // replicas: how Yjs splits and merges structs depends on the order they arrived in, and
    // attacker updates arrive in odd orders; the content, ids and deletions must not differ.)
    const late = await cleanups.syncedClient(server, map);
    const everyone = [...honest.map((h) => h.client), late];
    await waitFor(
      () => everyone.every((c) => rebuiltState(c.doc) === rebuiltState(late.doc)),
      'the honest clients and a late joiner to converge',
      20_000,
    );
    // …containing every honest edit.
    const meta = late.doc.getMap('meta');
    const list = honestList(late.doc).toArray();
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
    // An accepted update that waits for one nobody sent is held whole, outside the map, until
    // what it waits for comes: none of it is applied, not even the part that could be.
    // (A trial copy takes each update first: one that waits there is held, and the copy made
    // anew from the expected document.)
    const copy = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(expectedDoc));
      return doc;
    };
    let trial = copy();
    let held: Uint8Array[] = [];
    const place = (update: Uint8Array): boolean => {
      let placedSome = false;
      const placed = () => {
        placedSome = true;
      };
      trial.on('update', placed);
      Y.applyUpdate(trial, update);
      trial.off('update', placed);
      if (!pending(trial)) {
        Y.applyUpdate(expectedDoc, update);
        return true;
      }
      if (placedSome) {
        trial.destroy();
        trial = copy();
      } else {
        trial.store.pendingStructs = null;
        trial.store.pendingDs = null;
      }
      return false;
    };
    for (const r of results) {
      if (r.outcome !== 'accepted' || r.expected !== 'update') continue;
      const parsed = parseClientMessage(r.message.bytes);
      if (parsed.type === 'update' && !place(parsed.update)) held.push(parsed.update);
    }
    // (The honest edits as one update: one editor's may build on another's.)
    const honestEdits = Y.mergeUpdates(editors.flatMap((h) => h.own));
    if (!place(honestEdits)) held.push(honestEdits);
    // Of those that waited, the server took the ones whose wait ended while their sender was
    // still connected (the others went with their connection): those it holds all of. One it
    // holds part of is the partial update this test is here to catch.
    const servedSv = Y.decodeStateVector(Y.encodeStateVector(late.doc));
    const served = (update: Uint8Array) =>
      [...Y.parseUpdateMeta(update).to].every(([c, clock]) => (servedSv.get(c) ?? 0) >= clock);
    for (let again = true; again; ) {
      const before = held.length;
      held = held.filter((update) => !(served(update) && place(update)));
      again = held.length < before;
    }
    trial.destroy();
    expect(pending(late.doc)).toBe(false);
    const servedSummary = summary(late.doc);
    const oracle = summary(expectedDoc);
    expect(servedSummary.sv).toEqual(oracle.sv);
    expect(servedSummary.snapshot).toBe(oracle.snapshot);
    expect(servedSummary.content).toBe(oracle.content);
    for (const h of honest) expect(summary(h.client.doc)).toEqual(servedSummary);

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
});

function honestList(doc: Y.Doc): Y.Array<string> {
  return doc.getMap('meta').get(HONEST_ARRAY) as Y.Array<string>;
}
