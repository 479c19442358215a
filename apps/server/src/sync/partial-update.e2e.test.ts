import { createPrng } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import { syncStep1, syncUpdate } from '../protocol/messages';
import { stateOf } from '../test-support/clients';
import { waitFor } from '../test-support/wait';
import {
  serverSuite,
  expectHealthy,
  fingerprint,
  pending,
  RawClient,
  summary,
  TEST_TIMEOUT,
} from '../test-support/fuzz-attack';
import { referral, SEED, UpdateFactory, updateAfterGhost } from '../test-support/fuzz-corpus';
import { mutate } from '../test-support/mutate';
import { createMap } from '../test-support/server-process';

/*
 * Updates that must never reach the room in part, found and sent on purpose (fuzz.e2e.test.ts
 * finds such cases by chance): one that throws half-way through Y.applyUpdate, and one still
 * waiting for an update nobody sent.
 */

const { servers, cleanups } = serverSuite([{}]);

describe('protocol fuzzing: mutated and random messages against a real server', () => {
  it('closes the connection that sends a partial update (4400) and leaves the document unchanged', {
    timeout: TEST_TIMEOUT,
  }, async () => {
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const observer = await cleanups.syncedClient(server, map);
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
      const fresh = await cleanups.syncedClient(server, map);
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
    const server = servers[0]!;
    const map = await createMap(server, referral);
    const observer = await cleanups.syncedClient(server, map);
    // An edit placed after an item of a client the server has never heard of.
    const update = updateAfterGhost(424_242, 'orphan');
    const attacker = await RawClient.open(server, map.id, map.editToken);
    attacker.send(syncUpdate(update));
    attacker.send(syncStep1(Uint8Array.of(0)));
    await attacker.until(() => attacker.step2s >= 1 || attacker.closed !== undefined, 'the answer');
    // (the server may keep it, waiting, or refuse it; it must not hand it out)
    expect([undefined, CLOSE.malformed]).toContain(attacker.closed?.code);
    const fresh = await cleanups.syncedClient(server, map);
    expect(pending(fresh.doc)).toBe(false);
    expect(stateOf(fresh.doc)).toBe(stateOf(observer.doc));
    expect(fresh.doc.getArray('list').length).toBe(0);
    await attacker.close();
  });
});
