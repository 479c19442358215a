import { MESSAGE } from '@procmap/protocol';
import { outpatientReferral } from '@procmap/test-kit';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, stateOf, type TestClient, whenSynced } from '../test-support/clients';
import { waitFor } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

const referral = outpatientReferral();

describe('sync with stock y-websocket clients', { timeout: 30_000 }, () => {
  let server: ServerProcess;
  let map: { id: string; editToken: string; viewToken: string };
  const clients: TestClient[] = [];
  const connect = (token = map.editToken, options = {}) => {
    const client = connectClient(server.wsUrl, map.id, token, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startServer();
    map = await createMap(server, referral);
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.kill('SIGKILL');
    removeDataDir(server.dataDir);
  });

  it('gives a joining client the whole stored map', async () => {
    const a = connect();
    await whenSynced(a);
    expect(a.doc.getMap('steps').size).toBe(referral.steps.length);
    expect(a.doc.getMap('roles').size).toBe(referral.roles.length);
    expect(a.doc.getMap('meta').get('title')).toBe('Outpatient referral');
  });

  it('converges two clients on an edit, and a late joiner receives it all', async () => {
    // Given two connected clients
    const a = connect();
    const b = connect();
    await Promise.all([whenSynced(a), whenSynced(b)]);
    // When each edits a different field of the same step, at the same time
    const stepA = a.doc.getMap('steps').get('write-referral') as Y.Map<unknown>;
    const stepB = b.doc.getMap('steps').get('write-referral') as Y.Map<unknown>;
    stepA.set('label', 'Write and sign referral');
    stepB.set('processTime', 12);
    // Then both converge to both edits
    await waitFor(() => stateOf(a.doc) === stateOf(b.doc), 'a and b to converge');
    expect(stepA.get('label')).toBe('Write and sign referral');
    expect(stepA.get('processTime')).toBe(12);
    // And a client joining later receives the whole map with both edits
    const late = connect();
    await whenSynced(late);
    await waitFor(() => stateOf(late.doc) === stateOf(a.doc), 'the late joiner to converge');
    const stepLate = late.doc.getMap('steps').get('write-referral') as Y.Map<unknown>;
    expect(stepLate.get('label')).toBe('Write and sign referral');
  });

  it('relays presence: a stock client that sets user.name is seen by the others', async () => {
    const a = connect();
    const b = connect();
    await Promise.all([whenSynced(a), whenSynced(b)]);
    b.provider.awareness.setLocalStateField('user', { name: 'Ward clerk', color: '#e5484d' });
    const bId = b.doc.clientID;
    await waitFor(
      () =>
        (a.provider.awareness.getStates().get(bId) as { user?: { name?: string } } | undefined)
          ?.user?.name === 'Ward clerk',
      'a to see b in the participant list',
    );
    // When b leaves, its presence goes with it
    b.destroy();
    await waitFor(
      () => !a.provider.awareness.getStates().has(bId),
      'b to leave the participant list',
    );
  });

  it('answers a participant alone on a map, so its link never falls silent', async () => {
    // y-websocket clients reconnect after 30 s without a message; alone, the presence renewal
    // they send every 15 s is the only thing that can bring one back.
    const own = await createMap(server, referral);
    const alone = connectClient(server.wsUrl, own.id, own.editToken);
    clients.push(alone);
    await whenSynced(alone);
    // Every state of its own the server sends it, as it arrives.
    const ownStates: { user?: { name?: string } }[] = [];
    const applyPresence = alone.provider.messageHandlers[MESSAGE.awareness]!;
    alone.provider.messageHandlers[MESSAGE.awareness] = (encoder, decoder, ...rest) => {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoding.clone(decoder)));
      for (let n = decoding.readVarUint(update); n > 0; n--) {
        const clientId = decoding.readVarUint(update);
        decoding.readVarUint(update); // its clock
        const state = JSON.parse(decoding.readVarString(update));
        if (clientId === alone.doc.clientID) ownStates.push(state);
      }
      applyPresence(encoder, decoder, ...rest);
    };
    alone.provider.awareness.setLocalStateField('user', { name: 'Facilitator' });
    await waitFor(
      () => ownStates.some((state) => state?.user?.name === 'Facilitator'),
      'the server to answer the presence renewal',
      { seen: () => ownStates },
    );
  });

  it('does not let one connection overwrite another participant presence', async () => {
    const a = connect();
    const b = connect();
    const c = connect();
    await Promise.all([whenSynced(a), whenSynced(b), whenSynced(c)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Facilitator' });
    await waitFor(() => c.provider.awareness.getStates().has(a.doc.clientID), 'c to see a');
    // b forges an awareness entry under a's client id
    const forged = new (await import('y-protocols/awareness')).Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.meta.set(a.doc.clientID, { clock: 1000, lastUpdated: 0 });
    forged.states.set(a.doc.clientID, { user: { name: 'Impostor' } });
    const { encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const encoding = await import('lib0/encoding');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(forged, [a.doc.clientID]));
    b.provider.ws?.send(encoding.toUint8Array(e));
    // and then says something harmless of its own, so we know the forgery was processed
    b.provider.awareness.setLocalStateField('user', { name: 'Bea' });
    await waitFor(() => c.provider.awareness.getStates().has(b.doc.clientID), 'c to see b');
    const seen = c.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string } };
    expect(seen.user.name).toBe('Facilitator');
    forged.destroy();
  });

  it('tells a client that asks when its edits are on disk', async () => {
    const a = connect(map.editToken, { wantSaved: true });
    await whenSynced(a);
    await waitFor(() => a.isSaved(), 'the first saved acknowledgement');
    a.doc.getMap('meta').set('description', 'Edited, then saved');
    expect(a.isSaved()).toBe(false);
    await waitFor(() => a.isSaved(), 'the edit to be acknowledged as saved');
  });
});
