import { readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient, waitFor, whenSynced } from '../test-support/clients';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * The REST API of the real server process, over real HTTP: every answer the issue promises,
 * and a 4xx naming the problem — never a 500 — for every bad input we could think of.
 */

const EXAMPLE_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'examples',
  'outpatient-referral.procmap.json',
);
const example = () => JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8')) as Record<string, unknown>;

/** Small enough to test the limit cheaply, large enough for the example file (about 19 KB). */
const LIMIT = 64 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{22,}$/;

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions
  readonly json: any;
}

/**
 * One HTTP request with node:http (so paths reach the server exactly as written). A string
 * body is sent with its length; `chunks` are sent chunked, with no length.
 */
function send(
  server: { readonly url: string },
  method: string,
  path: string,
  options: { body?: string | Buffer; chunks?: string[]; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent: false,
        headers: {
          ...(options.body !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(options.body)),
              }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

const json = (value: unknown) => ({ body: JSON.stringify(value) });
const q = (token: string) => `?token=${encodeURIComponent(token)}`;

/** The error shape every refusal uses: a code for programs and a message for people. */
function expectError(reply: Reply, status: number, code?: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(typeof reply.json?.error?.code).toBe('string');
  expect(typeof reply.json?.error?.message).toBe('string');
  expect(reply.json.error.message.length).toBeGreaterThan(3);
  if (code) expect(reply.json.error.code).toBe(code);
}

/** A title-only edit of a map file, keeping everything else. */
const retitled = (file: Record<string, unknown>, title: string): Record<string, unknown> => ({
  ...file,
  title,
});

describe('REST API (real server process)', { timeout: 30_000 }, () => {
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

  const connect = (id: string, token: string) => {
    const client = connectClient(server.wsUrl, id, token);
    clients.push(client);
    return client;
  };

  describe('POST /api/maps', () => {
    it('given {}, creates an empty map with an id, both tokens and both share links', async () => {
      const reply = await send(server, 'POST', '/api/maps', json({}));
      expect(reply.status, reply.text).toBe(201);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      const created = reply.json;
      expect(Object.keys(created).sort()).toEqual(
        ['editToken', 'editUrl', 'id', 'title', 'viewToken', 'viewUrl'].sort(),
      );
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(created.title).toBe('');
      // At least 128 bits each: 22 base64url characters carry 132.
      expect(created.editToken).toMatch(TOKEN);
      expect(created.viewToken).toMatch(TOKEN);
      expect(Buffer.from(created.editToken, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(Buffer.from(created.viewToken, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(created.editToken).not.toBe(created.viewToken);
      expect(created.editUrl).toBe(`${server.url}/m/${created.id}#token=${created.editToken}`);
      expect(created.viewUrl).toBe(`${server.url}/m/${created.id}#token=${created.viewToken}`);

      const read = await send(server, 'GET', `/api/maps/${created.id}${q(created.editToken)}`);
      expect(read.status).toBe(200);
      expect(read.json).toEqual({
        format: 'procmap',
        version: 1,
        title: '',
        roles: [],
        steps: [],
        flows: [],
      });
    });

    it('gives every map its own id and tokens', async () => {
      const made = await Promise.all(
        Array.from({ length: 10 }, () => send(server, 'POST', '/api/maps', json({}))),
      );
      const ids = made.map((r) => r.json.id);
      const tokens = made.flatMap((r) => [r.json.editToken, r.json.viewToken]);
      expect(new Set(ids).size).toBe(10);
      expect(new Set(tokens).size).toBe(20);
    });

    it('given { "title": "X" }, creates an empty map with that title', async () => {
      const reply = await send(server, 'POST', '/api/maps', json({ title: 'Discharge — ward 7' }));
      expect(reply.status, reply.text).toBe(201);
      expect(reply.json.title).toBe('Discharge — ward 7');
      const read = await send(
        server,
        'GET',
        `/api/maps/${reply.json.id}${q(reply.json.viewToken)}`,
      );
      expect(read.json.title).toBe('Discharge — ward 7');
      expect(read.json.steps).toEqual([]);
    });

    it('given a full map file, stores it so that GET returns the same file', async () => {
      const file = example();
      const reply = await send(server, 'POST', '/api/maps', json(file));
      expect(reply.status, reply.text).toBe(201);
      expect(reply.json.title).toBe(file.title);
      const read = await send(
        server,
        'GET',
        `/api/maps/${reply.json.id}${q(reply.json.editToken)}`,
      );
      expect(read.status).toBe(200);
      expect(read.json).toEqual(file);
    });

    it('given an invalid file, answers 400 listing each problem with its path', async () => {
      const file = example();
      const steps = file.steps as Record<string, unknown>[];
      delete steps[0]?.kind;
      (steps[1] as Record<string, unknown>).label = 42;
      const reply = await send(server, 'POST', '/api/maps', json(file));
      expectError(reply, 400, 'invalid-map');
      const problems = reply.json.error.problems as { path: string; message: string }[];
      expect(problems.length).toBeGreaterThanOrEqual(2);
      for (const problem of problems) {
        expect(typeof problem.path).toBe('string');
        expect(problem.message.length).toBeGreaterThan(0);
      }
      const paths = problems.map((p) => p.path);
      expect(paths).toContain('steps[0].kind');
      expect(paths).toContain('steps[1].label');
    });

    it('given a body that is not JSON, answers 400 saying so', async () => {
      const reply = await send(server, 'POST', '/api/maps', { body: '{"title": "unfinished' });
      expectError(reply, 400, 'not-json');
      expect(reply.json.error.message).toMatch(/not JSON/);
    });

    it('given an empty body, answers 400 saying so', async () => {
      const reply = await send(server, 'POST', '/api/maps', { body: '' });
      expectError(reply, 400, 'empty-body');
      const bare = await send(server, 'POST', '/api/maps');
      expectError(bare, 400, 'empty-body');
    });

    it('given a body over PROCMAP_MAX_MESSAGE_BYTES, answers 413 (declared or streamed)', async () => {
      const big = JSON.stringify({ title: 'x'.repeat(LIMIT) });
      expectError(await send(server, 'POST', '/api/maps', { body: big }), 413, 'too-large');
      const chunks = Array.from({ length: 9 }, () => ' '.repeat(LIMIT / 8));
      expectError(await send(server, 'POST', '/api/maps', { chunks }), 413, 'too-large');
      // Just under the limit is fine.
      const fits = JSON.stringify({ title: 'x'.repeat(LIMIT - 100) });
      expect((await send(server, 'POST', '/api/maps', { body: fits })).status).toBe(201);
    });

    it('given { "title": 5 }, answers 400 naming the title', async () => {
      const reply = await send(server, 'POST', '/api/maps', json({ title: 5 }));
      expectError(reply, 400);
      expect(reply.json.error.message).toMatch(/title/);
    });

    it.each([
      ['null', 'null'],
      ['a list', '[]'],
      ['a string', '"map"'],
      ['a number', '42'],
      ['true', 'true'],
      ['a title of null', '{"title":null}'],
      ['a title and another field', '{"title":"x","colour":"red"}'],
      ['an object that is not a map', '{"name":"x"}'],
      ['a __proto__ key', '{"__proto__":{"title":"x"}}'],
      ['version 99', JSON.stringify({ ...example(), version: 99 })],
      ['a wrong format name', JSON.stringify({ ...example(), format: 'bpmn' })],
    ])('given %s, answers 400 with the problems, never a 500', async (_what, body) => {
      const reply = await send(server, 'POST', '/api/maps', { body });
      expectError(reply, 400);
    });

    it('given a file nested thousands of levels deep, answers 400 naming where (not a 500)', async () => {
      for (const depth of [5_000, 20_000]) {
        // Written as text: JSON.stringify itself would overflow the stack at this depth.
        const text = JSON.stringify(example());
        const body = `${text.slice(0, -1)},"extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
        const reply = await send(server, 'POST', '/api/maps', { body });
        expectError(reply, 400);
        expect(reply.json.error.problems?.[0]?.path).toMatch(/^extra\[0\]/);
      }
      // Unknown fields nested a little are kept, as the format promises.
      const modest = { ...example(), extra: { a: [{ b: [1, 2] }] } };
      const made = await send(server, 'POST', '/api/maps', json(modest));
      expect(made.status, made.text).toBe(201);
      const read = await send(server, 'GET', `/api/maps/${made.json.id}${q(made.json.viewToken)}`);
      expect(read.json).toEqual(modest);
    });

    it('given bytes that are not UTF-8 inside a string, does not fail with a 500', async () => {
      const body = Buffer.concat([
        Buffer.from('{"title":"a'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]);
      const reply = await send(server, 'POST', '/api/maps', { body });
      expect(reply.status).toBeLessThan(500);
    });
  });

  describe('odd requests: a 4xx naming the problem, never a 500', () => {
    let id = '';
    let editToken = '';
    beforeAll(async () => {
      ({ id, editToken } = await createMap(server));
    });

    it.each([
      ['PATCH', '/api/maps', 'GET, POST'],
      ['PUT', '/api/maps', 'GET, POST'],
      ['DELETE', '/api/maps', 'GET, POST'],
      ['OPTIONS', '/api/maps', 'GET, POST'],
    ])('%s %s → 405 with Allow: %s', async (method, path, allow) => {
      const reply = await send(server, method, path);
      expectError(reply, 405, 'method-not-allowed');
      expect(reply.headers.allow).toBe(allow);
    });

    it.each(['PATCH', 'POST', 'OPTIONS'])('%s /api/maps/<id> → 405 with Allow', async (method) => {
      const reply = await send(server, method, `/api/maps/${id}${q(editToken)}`, json({}));
      expectError(reply, 405, 'method-not-allowed');
      expect(reply.headers.allow).toBe('GET, PUT, DELETE');
    });

    it.each([
      '/api',
      '/api/',
      '/api/nope',
      '/api/maps/',
      '/api/maps/abc/def',
      '/api/maps/%E0%A4%A',
      '/api/maps/%%%',
      '/api/maps/..%2F..%2Fetc%2Fpasswd',
      '/api/maps/a.b',
      `/api/maps/${'a'.repeat(65)}`,
      `/api/maps/${'a'.repeat(8000)}`,
    ])('GET %s → 404 JSON', async (path) => {
      expectError(await send(server, 'GET', path), 404, 'not-found');
    });

    it('an unknown id of the right shape → 404, whatever the token', async () => {
      for (const path of [`/api/maps/${'a'.repeat(64)}`, `/api/maps/${'b'.repeat(16)}?token=x`]) {
        for (const method of ['GET', 'PUT', 'DELETE']) {
          const reply = await send(server, method, path, json(example()));
          expectError(reply, 404, 'not-found');
        }
      }
    });

    it('a token with malformed percent-encoding is just a wrong token (403)', async () => {
      expectError(await send(server, 'GET', `/api/maps/${id}?token=%E0%A4%A`), 403);
      expectError(await send(server, 'GET', `/api/maps/${id}?token=%`), 403);
    });

    it('a path that escapes the origin does not reach anything', async () => {
      const reply = await send(server, 'GET', '/../../../etc/passwd');
      expect(reply.status).toBeLessThan(500);
      expect(reply.text).not.toMatch(/root:/);
    });
  });

  describe('GET /api/maps/<id>?token=', () => {
    let map: { id: string; editToken: string; viewToken: string };
    let other: { id: string; editToken: string; viewToken: string };
    beforeAll(async () => {
      map = await createMap(server, { title: 'Readable' });
      other = await createMap(server, { title: 'Another' });
    });

    it('reads the map with the edit token and with the view token', async () => {
      for (const token of [map.editToken, map.viewToken]) {
        const reply = await send(server, 'GET', `/api/maps/${map.id}${q(token)}`);
        expect(reply.status, reply.text).toBe(200);
        expect(reply.json.title).toBe('Readable');
        expect(reply.headers['cache-control']).toBe('no-store');
      }
    });

    it('also takes the token as Authorization: Bearer', async () => {
      const reply = await send(server, 'GET', `/api/maps/${map.id}`, {
        headers: { authorization: `Bearer ${map.viewToken}` },
      });
      expect(reply.status).toBe(200);
    });

    it('without a token → 401; with an empty one → 401', async () => {
      expectError(await send(server, 'GET', `/api/maps/${map.id}`), 401, 'token-required');
      expectError(await send(server, 'GET', `/api/maps/${map.id}?token=`), 401, 'token-required');
    });

    it("with a wrong token, or another map's token → 403", async () => {
      for (const token of ['wrong', other.editToken, other.viewToken, `${map.editToken}x`]) {
        expectError(await send(server, 'GET', `/api/maps/${map.id}${q(token)}`), 403);
      }
    });

    it('for an unknown id → 404', async () => {
      expectError(await send(server, 'GET', `/api/maps/unknownMap${q(map.editToken)}`), 404);
    });
  });

  describe('PUT /api/maps/<id>?token=', () => {
    it('with the edit token replaces the content, and a connected stock client sees it live', async () => {
      const map = await createMap(server, { title: 'Before' });
      // An edit-token client: a stock client on a view token is closed on connect (see the
      // auth matrix), which is a bug in the room, not in the API.
      const client = connect(map.id, map.editToken);
      await whenSynced(client);
      const meta = client.doc.getMap('meta');
      expect(meta.get('title')).toBe('Before');

      const file = retitled(example(), 'After');
      const reply = await send(server, 'PUT', `/api/maps/${map.id}${q(map.editToken)}`, json(file));
      expect(reply.status, reply.text).toBe(200);
      expect(reply.json).toEqual(file);

      await waitFor(() => meta.get('title') === 'After', 'the client to see the new title');
      await waitFor(
        () => client.doc.getMap('steps').size === (file.steps as unknown[]).length,
        'the client to see the new steps',
      );
      const read = await send(server, 'GET', `/api/maps/${map.id}${q(map.viewToken)}`);
      expect(read.json).toEqual(file);
    });

    it('with the view token → 403 and nothing changes', async () => {
      const map = await createMap(server, { title: 'Untouched' });
      const reply = await send(
        server,
        'PUT',
        `/api/maps/${map.id}${q(map.viewToken)}`,
        json(retitled(example(), 'Hacked')),
      );
      expectError(reply, 403, 'view-only');
      const read = await send(server, 'GET', `/api/maps/${map.id}${q(map.viewToken)}`);
      expect(read.json.title).toBe('Untouched');
    });

    it('without a token → 401, with a wrong one → 403', async () => {
      const map = await createMap(server);
      const body = json(example());
      expectError(await send(server, 'PUT', `/api/maps/${map.id}`, body), 401);
      expectError(await send(server, 'PUT', `/api/maps/${map.id}?token=nope`, body), 403);
    });

    it('with an invalid file → 400 with the problems, and the content is unchanged', async () => {
      const original = example();
      const made = await send(server, 'POST', '/api/maps', json(original));
      const { id, editToken } = made.json;
      const broken = retitled(example(), 'Broken');
      delete (broken.steps as Record<string, unknown>[])[0]?.kind;
      const reply = await send(server, 'PUT', `/api/maps/${id}${q(editToken)}`, json(broken));
      expectError(reply, 400, 'invalid-map');
      expect(reply.json.error.problems.map((p: { path: string }) => p.path)).toContain(
        'steps[0].kind',
      );
      const deep = `${JSON.stringify(example()).slice(0, -1)},"x":${'['.repeat(9000)}${']'.repeat(9000)}}`;
      const bodies = [
        { body: 'not json' },
        { body: '' },
        json({}),
        json({ title: 'x' }),
        { body: deep },
      ];
      for (const body of bodies) {
        expectError(await send(server, 'PUT', `/api/maps/${id}${q(editToken)}`, body), 400);
      }
      const read = await send(server, 'GET', `/api/maps/${id}${q(editToken)}`);
      expect(read.json).toEqual(original);
    });

    it('with a body over the limit → 413 and the content is unchanged', async () => {
      const map = await createMap(server, { title: 'Small' });
      const big = JSON.stringify(retitled(example(), 'x'.repeat(LIMIT)));
      expectError(
        await send(server, 'PUT', `/api/maps/${map.id}${q(map.editToken)}`, { body: big }),
        413,
      );
      const read = await send(server, 'GET', `/api/maps/${map.id}${q(map.editToken)}`);
      expect(read.json.title).toBe('Small');
    });
  });

  describe('DELETE /api/maps/<id>?token=', () => {
    it('with the view token → 403 and the map stays', async () => {
      const map = await createMap(server);
      expectError(await send(server, 'DELETE', `/api/maps/${map.id}${q(map.viewToken)}`), 403);
      expectError(await send(server, 'DELETE', `/api/maps/${map.id}`), 401);
      expectError(await send(server, 'DELETE', `/api/maps/${map.id}?token=nope`), 403);
      expect((await send(server, 'GET', `/api/maps/${map.id}${q(map.viewToken)}`)).status).toBe(
        200,
      );
    });

    it('with the edit token → 204; then GET → 404 and connected clients are closed with 4404', async () => {
      const map = await createMap(server, { title: 'Doomed' });
      const editor = connect(map.id, map.editToken);
      const other = connect(map.id, map.editToken);
      await Promise.all([whenSynced(editor), whenSynced(other)]);
      const codes = new Map<TestClient, number[]>();
      for (const client of [editor, other]) {
        codes.set(client, []);
        client.provider.on('connection-close', (event) => {
          if (event) codes.get(client)?.push(event.code);
        });
      }

      const reply = await send(server, 'DELETE', `/api/maps/${map.id}${q(map.editToken)}`);
      expect(reply.status, reply.text).toBe(204);
      expect(reply.text).toBe('');

      await waitFor(
        () => [editor, other].every((c) => codes.get(c)?.includes(4404)),
        'both clients to be closed with 4404',
      );
      // 44xx tells the stock client not to come back.
      expect(editor.provider.shouldConnect).toBe(false);
      expectError(await send(server, 'GET', `/api/maps/${map.id}${q(map.editToken)}`), 404);
      expectError(await send(server, 'DELETE', `/api/maps/${map.id}${q(map.editToken)}`), 404);
      expectError(
        await send(server, 'PUT', `/api/maps/${map.id}${q(map.editToken)}`, json(example())),
        404,
      );
      const listed = await send(server, 'GET', '/api/maps');
      expect(listed.json.maps.map((m: { id: string }) => m.id)).not.toContain(map.id);
    });
  });

  describe('GET /api/maps (no admin token configured)', () => {
    it('lists id, title and updatedAt only, most recently updated first', async () => {
      const a = await createMap(server, { title: 'List A' });
      const b = await createMap(server, { title: 'List B' });
      const c = await createMap(server, { title: 'List C' });
      // Updating A (later than B and C were created) moves it to the top, with its new title.
      const put = await send(
        server,
        'PUT',
        `/api/maps/${a.id}${q(a.editToken)}`,
        json(retitled(example(), 'List A, renamed')),
      );
      expect(put.status).toBe(200);

      type Summary = { id: string; title: string; updatedAt: string };
      let maps: Summary[] = [];
      const order = () => maps.map((m) => m.id).filter((id) => [a.id, b.id, c.id].includes(id));
      const deadline = Date.now() + 10_000;
      for (;;) {
        const reply = await send(server, 'GET', '/api/maps');
        expect(reply.status).toBe(200);
        maps = reply.json.maps;
        const first = maps.find((m) => m.id === a.id);
        if (order()[0] === a.id && first?.title === 'List A, renamed') break;
        if (Date.now() > deadline)
          throw new Error(`list never showed A first: ${JSON.stringify(maps)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(order()).toHaveLength(3);
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
