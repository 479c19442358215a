import { validateMap } from '@procmap/model';
import { outpatientReferral } from '@procmap/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '@procmap/protocol';
import { connectClient, stateOf, type TestClient, whenSynced } from '../test-support/clients';
import { waitFor } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * Updates that are valid Yjs but would make the map invalid, written by stock clients straight
 * into the shared document (as any script holding an edit link could): each is refused with
 * 4400, nothing of it reaches the room, and the map the server gives back stays a valid file.
 */

const referral = outpatientReferral();
const stepId = referral.steps[1]!.id;
const flowId = referral.flows[0]!.id;

type Edit = (doc: Y.Doc) => void;
const step = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('steps').get(stepId)!;

const BROKEN: readonly [string, Edit, RegExp][] = [
  ['a negative process time', (d) => step(d).set('processTime', -5), /processTime/],
  ['a title that is a number', (d) => d.getMap('meta').set('title', 123), /title/],
  ['an unknown step kind', (d) => step(d).set('kind', 'bogus'), /kind/],
  ['a label that is a number', (d) => step(d).set('label', 42), /label/],
  ['a pasted page of text as a label', (d) => step(d).set('label', 'x'.repeat(5000)), /label/],
  [
    'a lane name over the cap',
    (d) =>
      d.getMap<Y.Map<unknown>>('roles').get(referral.roles[0]!.id)!.set('name', 'n'.repeat(501)),
    /name/,
  ],
  ['data entered as text, not a list', (d) => step(d).set('dataEntered', '=a'), /dataEntered/],
  [
    'a share of cases over 1',
    (d) => d.getMap<Y.Map<unknown>>('flows').get(flowId)!.set('probability', 5),
    /probability/,
  ],
  [
    'hours per day of 0',
    (d) => (d.getMap('meta').get('settings') as Y.Map<unknown>).set('hoursPerDay', 0),
    /hoursPerDay/,
  ],
  ['a step that is not a record', (d) => d.getMap('steps').set('junk', 'not a record'), /junk/],
  [
    'a new step with no lane or kind',
    (d) => {
      const record = new Y.Map<unknown>();
      d.getMap('steps').set('s-new', record);
      record.set('id', 's-new');
      record.set('label', 'Orphan');
    },
    /s-new/,
  ],
  [
    'a step whose id is not its key',
    (d) => d.transact(() => step(d).set('id', 'someone-else')),
    /\.id/,
  ],
];

describe('map rules on document updates (real server, stock clients)', () => {
  let server: ServerProcess;
  let map: { id: string; editToken: string };
  const clients: TestClient[] = [];
  const connect = () => {
    const client = connectClient(server.wsUrl, map.id, map.editToken);
    clients.push(client);
    return client;
  };
  const stored = async () => {
    const res = await fetch(`${server.url}/api/maps/${map.id}?token=${map.editToken}`);
    expect(res.status).toBe(200);
    return res.json() as Promise<unknown>;
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

  it.each(BROKEN)(
    'refuses %s with 4400, naming the field; the map stays valid',
    async (_name, edit, field) => {
      const observer = connect();
      await whenSynced(observer);
      const before = stateOf(observer.doc);
      const offender = connect();
      await whenSynced(offender);
      const closes: { code: number; reason: string }[] = [];
      offender.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
        if (event) closes.push({ code: event.code, reason: event.reason });
      });
      edit(offender.doc);
      await waitFor(() => closes.length > 0, 'the offender to be closed');
      expect(closes[0]?.code).toBe(CLOSE.malformed);
      expect(closes[0]?.reason).toMatch(/^update breaks the map: /);
      expect(closes[0]?.reason).toMatch(field);
      offender.destroy();

      // Nothing reached the room: the observer is unchanged, and so is a fresh joiner.
      const fresh = connect();
      await whenSynced(fresh);
      expect(stateOf(fresh.doc)).toBe(before);
      expect(stateOf(observer.doc)).toBe(before);
      const file = await stored();
      expect(validateMap(file).ok, JSON.stringify(validateMap(file).problems)).toBe(true);
      observer.destroy();
      fresh.destroy();
    },
  );

  it('takes valid edits written straight into the document, and keeps taking them after a refusal', async () => {
    const observer = connect();
    await whenSynced(observer);
    const writer = connect();
    await whenSynced(writer);
    writer.doc.transact(() => {
      step(writer.doc).set('processTime', 30);
      const record = new Y.Map<unknown>();
      writer.doc.getMap('steps').set('s-raw', record);
      for (const [key, value] of Object.entries({
        id: 's-raw',
        roleId: referral.roles[0]!.id,
        kind: 'task',
        label: 'Written by a script',
        dataEntered: ['NHS number'],
      })) {
        record.set(key, value);
      }
    });
    await waitFor(
      () =>
        observer.doc.getMap<Y.Map<unknown>>('steps').get('s-raw')?.get('label') ===
        'Written by a script',
      'the observer to get the valid edit',
    );
    expect(step(observer.doc).get('processTime')).toBe(30);
    const file = (await stored()) as { steps: { id: string }[] };
    expect(validateMap(file).ok).toBe(true);
    expect(file.steps.map((s) => s.id)).toContain('s-raw');
    expect(writer.provider.wsconnected).toBe(true);
  });
});
