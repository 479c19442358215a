import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, json, LIMIT, q, retitled, send } from '../test-support/api';
import { connectClient, type TestClient, whenSynced } from '../test-support/clients';
import { waitForValue } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * Listing maps, and the admin token, over the REST API of the real server process: without
 * PROCMAP_ADMIN_TOKEN anyone may create maps (at a pace, api-create-limit.e2e.test.ts) and
 * nobody may list them; with it, creating and listing take the admin token while per-map
 * routes and the sync socket still take map tokens alone.
 */

describe('REST API (real server process)', { timeout: 30_000 }, () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({ env: { PROCMAP_MAX_MESSAGE_BYTES: String(LIMIT) } });
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  it('GET /api/maps without an admin token configured → 403 listing-disabled, naming the variable', async () => {
    const made = await createMap(server, { title: 'Sensitive: safeguarding referrals' });
    const asked: Record<string, string>[] = [{}, { authorization: 'Bearer anything' }];
    for (const headers of asked) {
      const reply = await send(server, 'GET', '/api/maps', { headers });
      expectError(reply, 403, 'listing-disabled');
      expect(reply.json.error.message).toContain('PROCMAP_ADMIN_TOKEN');
      expect(reply.text).not.toContain(made.id);
      expect(reply.text).not.toContain('safeguarding');
    }
    // Creating still works without any token: that is how a fresh `npm start` begins.
    expect((await send(server, 'POST', '/api/maps', json({}))).status).toBe(201);
  });
});

describe('REST API with PROCMAP_ADMIN_TOKEN set', { timeout: 30_000 }, () => {
  const ADMIN = 'admin-token-for-tests-0123456789';
  let server: ServerProcess;
  let client: TestClient | undefined;

  beforeAll(async () => {
    server = await startServer({ env: { PROCMAP_ADMIN_TOKEN: ADMIN } });
  }, 30_000);
  afterAll(async () => {
    client?.destroy();
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  const admin = { authorization: `Bearer ${ADMIN}` };

  it('creating a map without the admin token → 401, with a wrong one → 403', async () => {
    expectError(await send(server, 'POST', '/api/maps', json({})), 401, 'admin-token-required');
    for (const authorization of [`Bearer ${ADMIN}x`, 'Bearer wrong', `Bearer ${ADMIN.slice(1)}`]) {
      const reply = await send(server, 'POST', '/api/maps', {
        ...json({}),
        headers: { authorization },
      });
      expectError(reply, 403, 'admin-token-invalid');
    }
    // The admin token in the query string is not the admin token.
    expectError(await send(server, 'POST', `/api/maps${q(ADMIN)}`, json({})), 401);
  });

  it('checks the admin token before reading the body', async () => {
    expectError(await send(server, 'POST', '/api/maps', { body: 'not json' }), 401);
  });

  it('listing maps without the admin token → 401, with a wrong one → 403', async () => {
    expectError(await send(server, 'GET', '/api/maps'), 401);
    expectError(
      await send(server, 'GET', '/api/maps', { headers: { authorization: 'Bearer nope' } }),
      403,
    );
    expectError(await send(server, 'GET', '/api/maps', { headers: { authorization: ADMIN } }), 401);
  });

  it('with the right admin token, creates (201) and lists (200)', async () => {
    const made = await send(server, 'POST', '/api/maps', {
      ...json({ title: 'Admin made' }),
      headers: admin,
    });
    expect(made.status, made.text).toBe(201);
    const listed = await send(server, 'GET', '/api/maps', { headers: admin });
    expect(listed.status).toBe(200);
    expect(listed.json.maps).toContainEqual(
      expect.objectContaining({ id: made.json.id, title: 'Admin made' }),
    );
    // The scheme name is case-insensitive.
    const lower = await send(server, 'GET', '/api/maps', {
      headers: { authorization: `bearer ${ADMIN}` },
    });
    expect(lower.status).toBe(200);
  });

  it('lists id, title and updatedAt only, most recently updated first', async () => {
    const make = async (title: string) => {
      const made = await send(server, 'POST', '/api/maps', { ...json({ title }), headers: admin });
      expect(made.status, made.text).toBe(201);
      return made.json as { id: string; editToken: string };
    };
    const a = await make('List A');
    const b = await make('List B');
    const c = await make('List C');
    // Updating A (later than B and C were created) moves it to the top, with its new title.
    const put = await send(
      server,
      'PUT',
      `/api/maps/${a.id}${q(a.editToken)}`,
      json(retitled(example(), 'List A, renamed')),
    );
    expect(put.status).toBe(200);

    type Summary = { id: string; title: string; updatedAt: string };
    const ours = (maps: Summary[]) =>
      maps.map((m) => m.id).filter((id) => [a.id, b.id, c.id].includes(id));
    const maps = await waitForValue(
      async (): Promise<Summary[]> => {
        const reply = await send(server, 'GET', '/api/maps', { headers: admin });
        expect(reply.status).toBe(200);
        return reply.json.maps;
      },
      (list) =>
        ours(list)[0] === a.id && list.find((m) => m.id === a.id)?.title === 'List A, renamed',
      'the list to show A first, renamed',
    );
    expect(ours(maps)).toHaveLength(3);
    expect(maps.find((m) => m.id === b.id)?.title).toBe('List B');
    for (const summary of maps) {
      expect(Object.keys(summary).sort()).toEqual(['id', 'title', 'updatedAt']);
      expect(new Date(summary.updatedAt).toISOString()).toBe(summary.updatedAt);
    }
    const times = maps.map((m) => Date.parse(m.updatedAt));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // No tokens or token hashes ever appear in the list.
    expect(JSON.stringify(maps)).not.toMatch(/[0-9a-f]{64}/);
    expect(JSON.stringify(maps)).not.toContain(a.editToken);
  });

  it('per-map routes and the sync socket still work with map tokens alone', async () => {
    const made = await send(server, 'POST', '/api/maps', {
      ...json({ title: 'Shared' }),
      headers: admin,
    });
    const { id, editToken, viewToken } = made.json;
    expect((await send(server, 'GET', `/api/maps/${id}${q(viewToken)}`)).status).toBe(200);
    expectError(await send(server, 'GET', `/api/maps/${id}`), 401);
    const file = retitled(example(), 'Shared, replaced');
    const put = await send(server, 'PUT', `/api/maps/${id}${q(editToken)}`, json(file));
    expect(put.status, put.text).toBe(200);
    client = connectClient(server.wsUrl, id, editToken);
    await whenSynced(client);
    expect(client.doc.getMap('meta').get('title')).toBe('Shared, replaced');
    client.destroy();
    client = undefined;
    expect((await send(server, 'DELETE', `/api/maps/${id}${q(editToken)}`)).status).toBe(204);
  });
});
