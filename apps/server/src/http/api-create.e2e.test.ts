import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, json, LIMIT, q, send } from '../test-support/api';
import { removeDataDir, type ServerProcess, startServer } from '../test-support/server-process';

/*
 * Creating maps over the REST API of the real server process, over real HTTP: every answer the
 * issue promises, and a 4xx naming the problem — never a 500 — for every bad input we could
 * think of. (Reading, replacing and deleting a map: api-map.e2e.test.ts; listing and the admin
 * token: api-admin.e2e.test.ts.)
 */

const TOKEN = /^[A-Za-z0-9_-]{22,}$/;

describe('REST API (real server process)', { timeout: 30_000 }, () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({
      env: {
        PROCMAP_MAX_MESSAGE_BYTES: String(LIMIT),
        // Many maps from one address; the pace of creation is api-create-limit.e2e.test.ts's.
        PROCMAP_CREATE_BURST: '1000',
      },
    });
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

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
      const bare = await send(server, 'POST', '/api/maps', {
        headers: { 'content-type': 'application/json' },
      });
      expectError(bare, 400, 'empty-body');
    });

    it('given a body over PROCMAP_MAX_MESSAGE_BYTES, answers 413 (declared or streamed)', async () => {
      const big = JSON.stringify({ title: 'x'.repeat(LIMIT) });
      expectError(await send(server, 'POST', '/api/maps', { body: big }), 413, 'too-large');
      const chunks = Array.from({ length: 9 }, () => ' '.repeat(LIMIT / 8));
      const streamed = { chunks, headers: { 'content-type': 'application/json' } };
      expectError(await send(server, 'POST', '/api/maps', streamed), 413, 'too-large');
      // Just under the limit is fine (a whole map file, its notes long).
      const file = {
        format: 'procmap',
        version: 1,
        title: 'Long notes',
        roles: [{ id: 'r', name: 'Clerk' }],
        steps: [{ id: 's', roleId: 'r', kind: 'task', label: 'Read', notes: '' }],
        flows: [],
      };
      const room = LIMIT - 100 - JSON.stringify(file).length;
      file.steps[0]!.notes = 'x'.repeat(room);
      const fits = JSON.stringify(file);
      expect(fits.length).toBeLessThan(LIMIT);
      expect((await send(server, 'POST', '/api/maps', { body: fits })).status).toBe(201);
    });

    it('given a title longer than a name may be, answers 400 saying how long', async () => {
      const reply = await send(server, 'POST', '/api/maps', {
        body: JSON.stringify({ title: 'x'.repeat(501) }),
      });
      expectError(reply, 400, 'invalid-title');
      expect(JSON.parse(reply.text).error.message).toMatch(/501 characters long.*at most 500/);
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
});
