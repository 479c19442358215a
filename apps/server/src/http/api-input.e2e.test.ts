import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, q, send } from '../test-support/api';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * Bodies and query options the REST API must refuse rather than half-understand, over real HTTP
 * to the real server process: bodies not declared as JSON (a cross-site HTML form can post
 * text/plain without a CORS preflight), compressed bodies, bytes that are not UTF-8, and export
 * selections naming steps the map does not have.
 */

describe('REST API input checks (real server process)', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  let map: { id: string; editToken: string; viewToken: string };

  beforeAll(async () => {
    server = await startServer();
    map = await createMap(server, example());
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  const post = (body: string | Buffer, headers: Record<string, string>) =>
    send(server, 'POST', '/api/maps', { body, headers });
  const put = (body: string | Buffer, headers: Record<string, string>) =>
    send(server, 'PUT', `/api/maps/${map.id}${q(map.editToken)}`, { body, headers });
  /** Maps in the server's store (the API lists them to nobody without an admin token). */
  const storedMaps = () => {
    const db = new Database(join(server.dataDir, 'procmap.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM maps').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const titleNow = async () =>
    (await send(server, 'GET', `/api/maps/${map.id}${q(map.viewToken)}`)).json.title;

  describe('Content-Type and Content-Encoding of POST and PUT bodies', () => {
    const refused = [
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'application/json; charset=utf-16',
    ];

    it.each(refused)('POST /api/maps as %j → 415, and no map is made', async (type) => {
      const before = storedMaps();
      const reply = await post('{"title":"from another site"}', { 'content-type': type });
      expectError(reply, 415, 'unsupported-media-type');
      expect(reply.json.error.message).toMatch(/application\/json|UTF-8/);
      expect(storedMaps()).toBe(before);
    });

    it.each(refused)('PUT /api/maps/<id> as %j → 415, and the map is untouched', async (type) => {
      const title = await titleNow();
      const file = JSON.stringify({ ...example(), title: 'Replaced from elsewhere' });
      expectError(await put(file, { 'content-type': type }), 415, 'unsupported-media-type');
      expect(await titleNow()).toBe(title);
    });

    it('a body without a Content-Type → 415 saying what to send', async () => {
      const reply = await send(server, 'POST', '/api/maps', { chunks: ['{}'] });
      expectError(reply, 415, 'unsupported-media-type');
      expect(reply.json.error.message).toContain('application/json');
    });

    it.each([
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'APPLICATION/JSON',
    ])('POST as %j is accepted', async (type) => {
      expect((await post('{}', { 'content-type': type })).status).toBe(201);
    });

    it('a gzip or deflate body → 415 unsupported-encoding; identity is fine', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const reply = await post('{}', { 'content-encoding': encoding });
        expectError(reply, 415, 'unsupported-encoding');
        expectError(await put('{}', { 'content-encoding': encoding }), 415, 'unsupported-encoding');
      }
      expect((await post('{}', { 'content-encoding': 'identity' })).status).toBe(201);
    });

    it('the admin token is still checked first: 401 beats 415', async () => {
      const guarded = await startServer({ env: { PROCMAP_ADMIN_TOKEN: 'a'.repeat(32) } });
      try {
        const reply = await send(guarded, 'POST', '/api/maps', {
          body: '{}',
          headers: { 'content-type': 'text/plain' },
        });
        expectError(reply, 401, 'admin-token-required');
      } finally {
        await guarded.kill('SIGKILL');
        removeDataDir(guarded.dataDir);
      }
    });
  });

  describe('bytes that are not UTF-8', () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"title":"R'),
      Buffer.from([0xe9]), // é in Latin-1
      Buffer.from('sum"}'),
    ]);

    it('POST → 400 invalid-utf8, not a title with U+FFFD in it', async () => {
      const reply = await post(latin1, {});
      expectError(reply, 400, 'invalid-utf8');
      expect(reply.json.error.message).toContain('UTF-8');
    });

    it('PUT → 400 invalid-utf8, and the map is untouched', async () => {
      const title = await titleNow();
      const [head, tail] = JSON.stringify({ ...example(), title: 'X' }).split('"X"');
      const file = Buffer.concat([
        Buffer.from(`${head}"X`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`"${tail}`),
      ]);
      expect(JSON.parse(file.toString('utf8')).title).toBe('X\uFFFD\uFFFD'); // what it was stored as
      expectError(await put(file, {}), 400, 'invalid-utf8');
      expect(await titleNow()).toBe(title);
    });

    it('a byte-order mark and real multi-byte characters still pass', async () => {
      const reply = await post(`\uFEFF${JSON.stringify({ title: 'Łódź € 😀' })}`, {});
      expect(reply.status, reply.text).toBe(201);
      expect(reply.json.title).toBe('Łódź € 😀');
    });
  });

  describe('export selection (steps=…)', () => {
    const exportOf = (name: string, query: string) =>
      send(server, 'GET', `/api/maps/${map.id}/${name}${q(map.viewToken)}&${query}`);

    it.each(['export.svg', 'export.pdf'])(
      '%s with only unknown ids → 400 unknown-steps naming them',
      async (name) => {
        const reply = await exportOf(name, 'steps=nope,nada');
        expectError(reply, 400, 'unknown-steps');
        expect(reply.json.error.message).toContain('"nope"');
        expect(reply.json.error.message).toContain('"nada"');
      },
    );

    it('some known ids and some unknown → 400 naming only the unknown', async () => {
      const reply = await exportOf('export.svg', 'steps=triage,bogus');
      expectError(reply, 400, 'unknown-steps');
      expect(reply.json.error.message).toContain('"bogus"');
      expect(reply.json.error.message).not.toContain('"triage"');
      expect(reply.json.error.unknownCount).toBe(1);
    });

    it('a long list of unknown ids is named in part, with how many more', async () => {
      // About 8 KB of query: a URL has to fit in Node's 16 KB of headers.
      const ids = Array.from({ length: 100 }, (_, i) => `missing-${i}-${'x'.repeat(64)}`);
      const reply = await exportOf('export.svg', `steps=${ids.join(',')}`);
      expectError(reply, 400, 'unknown-steps');
      const message: string = reply.json.error.message;
      expect(message).toContain('"missing-0-');
      expect(message).toContain('and 95 more');
      expect(message).not.toContain('missing-5-');
      expect(message.length).toBeLessThan(400);
      expect(reply.json.error.unknownCount).toBe(100);
    });

    it.each(['steps=', 'steps=,,,', 'steps=%20,%20'])(
      'an empty list (%s) → 400 empty-steps, not an empty picture',
      async (query) => {
        expectError(await exportOf('export.svg', query), 400, 'empty-steps');
        expectError(await exportOf('export.pdf', query), 400, 'empty-steps');
      },
    );

    it.each([
      ['export.csv', 'steps=triage'],
      ['export.csv', 'steps=triage&table=findings'],
      ['report.pdf', 'steps=triage'],
    ])('%s with %s → 400 steps-not-supported, not the whole map', async (name, query) => {
      const reply = await exportOf(name, query);
      expectError(reply, 400, 'steps-not-supported');
      expect(reply.json.error.message).toContain('export.svg and export.pdf');
    });

    it('known ids, with spaces and repeats, still select', async () => {
      const reply = await exportOf('export.svg', 'steps=triage,%20triage&findings=0');
      expect(reply.status, reply.text).toBe(200);
      expect(reply.text).not.toContain('Write referral letter');
    });
  });
});
