import { createPrng, type Prng } from '@procmap/test-kit';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DEFAULT_PRESENCE_LIMITS,
  filterAwareness,
  PresenceError,
} from '../protocol/awareness-filter';
import { CLOSE } from '@procmap/protocol';
import { awarenessMessage, syncStep1 } from '../protocol/messages';
import { letTimePass, waitFor } from '../test-support/wait';
import {
  type Access,
  expectAlive,
  expectHealthy,
  honestClient,
  RawClient,
  rebuiltState,
  serverSuite,
  TEST_TIMEOUT,
  watch,
} from '../test-support/fuzz-attack';
import { referral } from '../test-support/fuzz-corpus';
import { createMap } from '../test-support/server-process';

/*
 * Seeded fuzzing of presence (awareness) messages against a real server, beside the update fuzz
 * in fuzz.e2e.test.ts: states nested deep, states large, messages naming many client ids, bursts
 * faster than the presence allowance, malformed JSON, from edit and view links. The server must
 * close exactly the messages over its limits (4400), never exit, and honest editors on the same
 * map must keep converging with none of their edits lost. PROCMAP_PRESENCE_FUZZ_SEED picks
 * another seed; a failing seed is kept here as a named case.
 */

const SEED = Number(process.env.PROCMAP_PRESENCE_FUZZ_SEED || 20_261_207);
const MESSAGES = 4000;
const limits = { ...DEFAULT_PRESENCE_LIMITS, maxStateBytes: 32 * 1024 };

const { servers, cleanups } = serverSuite([{}]);

interface Entry {
  readonly id: number;
  readonly clock: number;
  readonly state: string;
}

interface Case {
  readonly what: string;
  /** Messages sent back to back (a burst), then one probe; ids are offset per connection. */
  readonly messages: Entry[][];
  /** Whether a state in it breaks the limits or is not JSON. */
  readonly bad: boolean;
}

function update(entries: readonly { id: number; clock: number; state: string }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.id);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, entry.state);
  }
  return encoding.toUint8Array(e);
}

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** A random presence state: ordinary, nested, large, or not JSON at all. */
function state(prng: Prng, allowBad: boolean): string {
  const roll = prng.int(0, allowBad ? 9 : 5);
  if (roll <= 3) {
    return JSON.stringify({
      user: { name: `fz ${prng.int(0, 999)}`, color: '#123456' },
      cursor: { x: prng.int(0, 2000), y: prng.int(0, 2000) },
      selection: Array.from({ length: prng.int(0, 20) }, (_, i) => `step-${i}`),
    });
  }
  if (roll === 4) return JSON.stringify({ nest: JSON.parse(nested(prng.int(1, 14))) });
  if (roll === 5) return 'null';
  if (roll === 6) return JSON.stringify({ deep: JSON.parse(nested(prng.int(15, 40))) });
  if (roll === 7) return nested(prng.int(100, 30_000));
  if (roll === 8) return JSON.stringify({ pad: 'p'.repeat(prng.int(20_000, 60_000)) });
  return `{"user":${prng.int(0, 9)}`; // not JSON
}

function buildCases(seed: number): Case[] {
  const prng = createPrng(seed);
  const cases: Case[] = [];
  let nextId = 100;
  let sent = 0;
  while (sent < MESSAGES) {
    const kind = prng.int(0, 3);
    if (kind === 0) {
      // A burst of valid states, over the allowance: the server keeps the latest.
      const id = nextId++;
      const messages = Array.from({ length: prng.int(50, 200) }, (_, i) => [
        { id, clock: i + 1, state: state(prng, false) },
      ]);
      cases.push({ what: `burst of ${messages.length}`, messages, bad: false });
      sent += messages.length;
      continue;
    }
    // One message: a few entries, or very many, any state.
    const count = kind === 1 ? prng.int(900, 3000) : prng.int(1, 6);
    const entries = Array.from({ length: count }, () => ({
      id: count > 6 ? nextId++ : prng.int(1, 8),
      clock: prng.int(1, 1000),
      state: state(prng, count <= 6),
    }));
    let bad = false;
    try {
      filterAwareness(encode(entries, 0), () => true, { limits });
    } catch (error) {
      bad = true;
      if (!(error instanceof PresenceError || error instanceof SyntaxError)) throw error;
    }
    cases.push({ what: `${count} entries`, messages: [entries], bad });
    sent++;
  }
  return cases;
}

/** A presence message of `entries`, their ids moved by `offset` (one range per connection). */
function encode(entries: readonly Entry[], offset: number): Uint8Array {
  return update(entries.map((e) => ({ ...e, id: e.id + offset })));
}

/**
 * What the server does with a message on a connection that holds `owned` ids (updated when it
 * is taken): it reads only the entries the connection may set — its own ids, and new ones up to
 * four in all — and refuses the message if one of those breaks a limit or is not JSON.
 */
function expectedOutcome(entries: readonly Entry[], owned: Set<number>): 'accepted' | 'refused' {
  const claimed: number[] = [];
  try {
    filterAwareness(
      encode(entries, 0),
      (id, _clock, removes) => {
        if (owned.has(id)) return true;
        if (removes || owned.size + claimed.length >= 4) return false;
        claimed.push(id);
        return true;
      },
      { limits },
    );
  } catch {
    return 'refused';
  }
  for (const id of claimed) owned.add(id);
  return 'accepted';
}

describe('presence fuzzing against a real server', () => {
  it('builds the same cases from the same seed, with refusals and bursts among them', () => {
    const a = buildCases(SEED);
    const b = buildCases(SEED);
    expect(a.map((c) => c.what)).toEqual(b.map((c) => c.what));
    expect(a.some((c) => c.bad)).toBe(true);
    expect(a.some((c) => c.what.startsWith('burst'))).toBe(true);
  });

  it(`survives ${MESSAGES}+ presence messages (seed ${SEED}); honest editors keep converging`, {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const editors = [0, 1].map((k) => honestClient(server, map, `editor-${k}`, map.editToken));
    const viewer = honestClient(server, map, 'viewer', map.viewToken);
    const honest = [...editors, viewer];
    cleanups.push(() => {
      for (const h of honest) h.client.destroy();
    });
    await waitFor(() => honest.every((h) => h.client.provider.synced), 'the honest clients');
    for (const h of honest) watch(h);

    let attacking = true;
    const editing = editors.map(async (h, k) => {
      while (attacking) {
        h.client.doc.getMap('meta').set(`honest-${k}-${h.edits}`, h.edits);
        h.edits++;
        await letTimePass(15, 'honest edits at a person’s pace');
      }
    });

    const cases = buildCases(SEED);
    const prng = createPrng(SEED + 1);
    const wrong: string[] = [];
    let conn: RawClient | undefined;
    let access: Access = 'view';
    let owned = new Set<number>();
    let offset = 0;
    let refusals = 0;
    const probe = syncStep1(Uint8Array.of(0));
    for (const [i, c] of cases.entries()) {
      // (A burst leaves its last message waiting for the allowance; what follows on the same
      // connection would wait behind it, and be checked only then.)
      const afterBurst = cases[i - 1]?.what.startsWith('burst') ?? false;
      if (!conn || conn.closed || afterBurst || prng.chance(0.2)) {
        if (conn && !conn.closed) await conn.close();
        access = prng.chance(0.5) ? 'view' : 'edit';
        conn = await RawClient.open(
          server,
          map.id,
          access === 'edit' ? map.editToken : map.viewToken,
        );
        owned = new Set();
        offset += 100_000;
      }
      let expected: 'accepted' | 'refused' = 'accepted';
      for (const entries of c.messages) {
        if (expected === 'accepted') expected = expectedOutcome(entries, owned);
      }
      if (expected === 'refused') refusals++;
      const target = conn.step2s + 1;
      for (const entries of c.messages) conn.send(awarenessMessage(encode(entries, offset)));
      conn.send(probe);
      const open = conn;
      await open.until(
        () => open.closed !== undefined || open.step2s >= target,
        `the answer to case ${i} (seed ${SEED})`,
      );
      const outcome = open.closed ? open.closed.code : 'accepted';
      const ok = expected === 'accepted' ? outcome === 'accepted' : outcome === CLOSE.malformed;
      if (!ok) wrong.push(`#${i} ${c.what} on ${access}: expected ${expected}, got ${outcome}`);
    }
    expect(refusals).toBeGreaterThan(10);
    if (conn && !conn.closed) await conn.close();
    attacking = false;
    await Promise.all(editing);

    expect(wrong.slice(0, 10), `${wrong.length} cases had the wrong outcome`).toEqual([]);
    expectAlive(server);
    await expectHealthy(server);
    // Honest editors converge, with every edit.
    await waitFor(
      () =>
        honest.every((h) => rebuiltState(h.client.doc) === rebuiltState(editors[0]!.client.doc)),
      'the honest clients to converge',
      20_000,
    );
    const meta = viewer.client.doc.getMap('meta');
    editors.forEach((h, k) => {
      expect(h.edits).toBeGreaterThan(10);
      for (let n = 0; n < h.edits; n++) expect(meta.get(`honest-${k}-${n}`)).toBe(n);
    });
    expect(honest.flatMap((h) => h.troubles)).toEqual([]);
    // Presence left behind: no attacker connection is open, so none of theirs remains.
    await waitFor(
      () => viewer.client.provider.awareness.getStates().size <= honest.length,
      `the attackers’ presence to be removed: ${JSON.stringify([...viewer.client.provider.awareness.getStates()].map(([id, st]) => [id, JSON.stringify(st).slice(0, 80)]))}`,
    );
    expect(Y.encodeStateVector(viewer.client.doc).length).toBeGreaterThan(0);
  });
});
