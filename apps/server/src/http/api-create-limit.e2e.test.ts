import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expectError, json, q, type Reply, send } from '../test-support/api';
import { removeDataDir, type ServerProcess, startServer } from '../test-support/server-process';

/*
 * Creating maps without an admin token, over the REST API of the real server process: open to
 * anyone (that is how a fresh `npm start` begins), but at a pace per client address — a burst,
 * then so many a minute — answered 429 with Retry-After past it. With an admin token, only its
 * holder creates, without that limit.
 */

describe('map creation rate (real server process)', { timeout: 30_000 }, () => {
  const started: ServerProcess[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const server = await startServer({ env });
    started.push(server);
    return server;
  };
  afterEach(async () => {
    for (const server of started.splice(0)) {
      await server.kill('SIGKILL');
      removeDataDir(server.dataDir);
    }
  });
  afterAll(async () => {
    for (const server of started) await server.kill('SIGKILL');
  });

  const expectTooMany = (reply: Reply) => {
    expectError(reply, 429, 'too-many-maps');
    expect(reply.json.error.message).toMatch(/try again in \d+ s/);
    const seconds = Number(reply.headers['retry-after']);
    expect(Number.isInteger(seconds), String(reply.headers['retry-after'])).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
    return seconds;
  };

  it('by default, lets one address create a burst of 30 maps, then answers 429 with Retry-After', async () => {
    const server = await start();
    const replies = await Promise.all(
      Array.from({ length: 40 }, () => send(server, 'POST', '/api/maps', json({}))),
    );
    const made = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status !== 201);
    // 30 at once, and perhaps one more for every two seconds the burst took to arrive.
    expect(made.length).toBeGreaterThanOrEqual(30);
    expect(refused.length).toBeGreaterThan(0);
    for (const reply of refused) expect(expectTooMany(reply)).toBeLessThanOrEqual(2);
    // Maps already made keep working; only creating is held back.
    const { id, viewToken } = (made[0] as Reply).json as { id: string; viewToken: string };
    expect((await send(server, 'GET', `/api/maps/${id}${q(viewToken)}`)).status).toBe(200);
  });

  it('takes its pace from PROCMAP_CREATES_PER_MINUTE and PROCMAP_CREATE_BURST', async () => {
    const server = await start({ PROCMAP_CREATES_PER_MINUTE: '1', PROCMAP_CREATE_BURST: '2' });
    expect((await send(server, 'POST', '/api/maps', json({}))).status).toBe(201);
    expect((await send(server, 'POST', '/api/maps', json({ title: 'B' }))).status).toBe(201);
    const seconds = expectTooMany(await send(server, 'POST', '/api/maps', json({ title: 'C' })));
    // One a minute: the next one is most of a minute away.
    expect(seconds).toBeGreaterThan(30);
    expect(seconds).toBeLessThanOrEqual(60);
    // The limit is checked before the body is read.
    expectTooMany(await send(server, 'POST', '/api/maps', { body: 'not json' }));
  });

  it('does not limit the holder of the admin token, when one is configured', async () => {
    const ADMIN = 'admin-token-for-rate-tests-012345';
    const server = await start({ PROCMAP_ADMIN_TOKEN: ADMIN, PROCMAP_CREATE_BURST: '1' });
    for (let i = 0; i < 4; i++) {
      const reply = await send(server, 'POST', '/api/maps', {
        ...json({ title: `Admin ${i}` }),
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      expect(reply.status, reply.text).toBe(201);
    }
    expectError(await send(server, 'POST', '/api/maps', json({})), 401, 'admin-token-required');
  });
});
