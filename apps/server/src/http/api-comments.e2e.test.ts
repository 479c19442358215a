import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { example, expectError, json, LIMIT, q, send } from '../test-support/api';
import { connectClient, type TestClient, whenSynced } from '../test-support/clients';
import { waitFor, waitForValue } from '../test-support/wait';
import { removeDataDir, type ServerProcess, startServer } from '../test-support/server-process';

/*
 * Analysts' annotations over the REST API of the real server process: a map whose comments use
 * every part of the format — threads of replies, each kind, a waste, resolved or not, on a step,
 * a flow, the map and a step that no longer exists, dot votes and the votes allowance — comes
 * back from GET exactly as it went in, through POST and through PUT.
 */

type Json = Record<string, unknown>;

/** The example map with a full set of comments. */
function annotatedMap(): Json {
  const file = example();
  const steps = file.steps as { id: string }[];
  const flows = file.flows as { id: string }[];
  const at = '2026-11-20T10:00:00Z';
  return {
    ...file,
    settings: { ...(file.settings as Json), votesPerPerson: 5 },
    comments: [
      {
        id: 'thread',
        targetId: steps[3]?.id,
        kind: 'pain-point',
        waste: 'waiting',
        author: 'Booking clerk',
        text: 'Letters wait for the weekly batch',
        createdAt: at,
        resolved: false,
        replies: [
          { author: 'Team lead', text: 'Since when?', createdAt: '2026-11-20T10:05:00Z' },
          {
            author: 'Booking clerk',
            text: 'Since the merger — "always" 😕',
            createdAt: '2026-11-20T10:07:00Z',
            'x-edited': true,
          },
        ],
        votes: { 'u-ana': 3, 'u-bo': 1, 'u-cy': 0 },
      },
      {
        id: 'on-flow',
        targetId: flows[2]?.id,
        kind: 'idea',
        waste: 'transport',
        author: 'GP',
        text: 'Send it electronically',
        createdAt: at,
        resolved: true,
        replies: [],
        votes: { 'u-bo': 2 },
      },
      { id: 'on-map', kind: 'note', author: 'Lead', text: 'Workshop 2', createdAt: at },
      {
        id: 'question',
        targetId: steps[0]?.id,
        kind: 'question',
        waste: 'skills',
        author: 'Analyst',
        text: 'Who signs this off?',
        createdAt: at,
        'x-pinned': true,
      },
      {
        id: 'orphan',
        targetId: 'step-deleted-in-the-workshop',
        kind: 'pain-point',
        waste: 'defects',
        author: 'Nurse',
        text: 'Half of these come back',
        createdAt: at,
        resolved: false,
        replies: [{ author: 'Clerk', text: 'Agreed', createdAt: at }],
        votes: { 'u-ana': 1, 'u-dee': 4 },
      },
    ],
  };
}

describe('REST API: comments and votes (real server process)', { timeout: 30_000 }, () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({ env: { PROCMAP_MAX_MESSAGE_BYTES: String(LIMIT) } });
  }, 30_000);
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  it('POST then GET gives back every comment unchanged: threads, kinds, targets, orphan, votes', async () => {
    const file = annotatedMap();
    const created = await send(server, 'POST', '/api/maps', json(file));
    expect(created.status, created.text).toBe(201);
    const read = await send(
      server,
      'GET',
      `/api/maps/${created.json.id}${q(created.json.viewToken)}`,
    );
    expect(read.status, read.text).toBe(200);
    expect(read.json).toEqual(file);
    expect(read.json.comments.map((c: Json) => c.id)).toEqual([
      'thread',
      'on-flow',
      'on-map',
      'question',
      'orphan',
    ]);
    expect(read.json.comments[0].votes).toEqual({ 'u-ana': 3, 'u-bo': 1, 'u-cy': 0 });
    expect(read.json.settings.votesPerPerson).toBe(5);
  });

  it('PUT then GET gives them back unchanged too, replacing the comments that were there', async () => {
    const created = await send(server, 'POST', '/api/maps', json(example()));
    expect(created.status, created.text).toBe(201);
    const { id, editToken, viewToken } = created.json;
    const file = annotatedMap();
    const put = await send(server, 'PUT', `/api/maps/${id}${q(editToken)}`, json(file));
    expect(put.status, put.text).toBe(200);
    expect(put.json).toEqual(file);
    const read = await send(server, 'GET', `/api/maps/${id}${q(viewToken)}`);
    expect(read.json).toEqual(file);

    // And back to a map without votes: none linger.
    const plain = example();
    const again = await send(server, 'PUT', `/api/maps/${id}${q(editToken)}`, json(plain));
    expect(again.status, again.text).toBe(200);
    expect((await send(server, 'GET', `/api/maps/${id}${q(viewToken)}`)).json).toEqual(plain);
  });

  it('a connected client sees the votes as a nested map per comment and the replies as a list', async () => {
    const file = annotatedMap();
    const created = await send(server, 'POST', '/api/maps', json(file));
    const client = connectClient(server.wsUrl, created.json.id, created.json.editToken);
    clients.push(client);
    await whenSynced(client);
    const comments = client.doc.getMap<Y.Map<unknown>>('comments');
    await waitFor(() => comments.size === 5, 'the client to see the comments');
    const thread = comments.get('thread');
    if (!thread) throw new Error('the client has no comment "thread"');
    const votes = thread.get('votes') as Y.Map<number>;
    expect(votes).toBeInstanceOf(Y.Map);
    expect(votes.toJSON()).toEqual({
      'u-ana': 3,
      'u-bo': 1,
      'u-cy': 0,
    });
    expect(thread.get('replies')).toBeInstanceOf(Y.Array);
    expect(comments.get('orphan')?.get('targetId')).toBe('step-deleted-in-the-workshop');

    // A vote written by that client, as the editor would, is what GET returns next.
    votes.set('u-eve', 1);
    const votesNow = async () =>
      (await send(server, 'GET', `/api/maps/${created.json.id}${q(created.json.viewToken)}`)).json
        .comments[0].votes;
    const latest = await waitForValue(
      votesNow,
      (votes) => (votes as Json)['u-eve'] === 1,
      'GET to return the new vote',
    );
    expect(latest).toEqual({ 'u-ana': 3, 'u-bo': 1, 'u-cy': 0, 'u-eve': 1 });
  });

  it('refuses votes that are not whole numbers of at least 0, and a bad allowance, naming each path', async () => {
    const file = annotatedMap();
    (file.settings as Json).votesPerPerson = 100;
    ((file.comments as Json[])[0] as Json).votes = { 'u-ana': -1, 'u-bo': 1.5 };
    const reply = await send(server, 'POST', '/api/maps', json(file));
    expectError(reply, 400, 'invalid-map');
    const paths = (reply.json.error.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'settings.votesPerPerson',
        'comments[0].votes.u-ana',
        'comments[0].votes.u-bo',
      ]),
    );
  });
});
