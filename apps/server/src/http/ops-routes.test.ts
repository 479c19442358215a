import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config';
import { createLogger } from '../log';
import { MapService } from '../maps/map-service';
import { ServerMetrics } from '../metrics';
import type { RoomRegistry } from '../rooms/room-registry';
import { MemoryStorage } from '../storage/memory-storage';
import { send } from '../test-support/api';
import { freePort, removeDataDir, tempDataDir } from '../test-support/server-process';
import { waitFor, waitForValue } from '../test-support/wait';
import { createRequestHandler } from './handler';
import type { OpsOptions } from './ops-routes';

/*
 * /healthz, /readyz and /metrics through the real request handler on a real socket. Pings that
 * fail, hang or answer are functions here; the last test pings a real Redis that dies and comes
 * back. The API is there too (over an in-memory store), to show the probes skip its Host check.
 */

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

async function serve(ops?: OpsOptions, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const config = configFromEnv({ PROCMAP_DATA: ':memory:', ...env });
  // The probes never open a room; the API routes tried here never reach one either.
  const maps = new MapService(new MemoryStorage(), {} as RoomRegistry);
  const log = createLogger('info', (line) => lines.push(line), 'text');
  const health = () => ({ rooms: 2, waitingBytes: 0, uptimeSeconds: 1 });
  const http = createServer(createRequestHandler({ config, maps, log, health, ops }));
  servers.push(http);
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, lines };
}

const never = () => new Promise<never>(() => {});

describe('GET /healthz', () => {
  it('answers ok with what health() reports, as before', async () => {
    const server = await serve();
    const reply = await send(server, 'GET', '/healthz');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.json).toEqual({ ok: true, rooms: 2, waitingBytes: 0, uptimeSeconds: 1 });
  });
});

describe('GET /readyz', () => {
  it('is ready with no store ping and no bus: one instance on SQLite', async () => {
    const server = await serve();
    const reply = await send(server, 'GET', '/readyz');
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.json).toEqual({ ready: true, storage: 'ok', bus: 'none' });
  });

  it('is ready when the store and the bus answer', async () => {
    const pinged: string[] = [];
    const storage = { ping: async () => void pinged.push('storage') };
    const bus = {
      ping: async () => {
        pinged.push('bus');
        return true;
      },
    };
    const server = await serve({ storage, bus, draining: () => false });
    const reply = await send(server, 'GET', '/readyz');
    expect([reply.status, reply.json]).toEqual([200, { ready: true, storage: 'ok', bus: 'ok' }]);
    expect(pinged.sort()).toEqual(['bus', 'storage']);
  });

  it.each([
    ['rejects', { storage: { ping: () => Promise.reject(new Error('ECONNREFUSED')) } }],
    [
      'throws',
      {
        storage: {
          ping: (): Promise<void> => {
            throw new Error('closed');
          },
        },
      },
    ],
    ['never answers', { storage: { ping: never }, pingTimeoutMs: 50 }],
  ])('is not ready (503) when the store ping %s', async (_how, ops: OpsOptions) => {
    const server = await serve(ops);
    const reply = await send(server, 'GET', '/readyz');
    expect(reply.status).toBe(503);
    expect(reply.json).toEqual({ ready: false, storage: 'unreachable', bus: 'none' });
  });

  it.each([
    ['answers false', { ping: async () => false }],
    ['rejects', { ping: () => Promise.reject(new Error('lost')) }],
    ['never answers', { ping: never }],
  ])('is not ready (503) when the bus ping %s', async (_how, bus) => {
    const server = await serve({ bus, pingTimeoutMs: 50 });
    const reply = await send(server, 'GET', '/readyz');
    expect(reply.status).toBe(503);
    expect(reply.json).toEqual({ ready: false, storage: 'ok', bus: 'down' });
  });

  it('is not ready while draining, even with everything answering', async () => {
    let draining = false;
    const server = await serve({ storage: { ping: async () => {} }, draining: () => draining });
    expect((await send(server, 'GET', '/readyz')).status).toBe(200);
    draining = true;
    const reply = await send(server, 'GET', '/readyz');
    expect(reply.status).toBe(503);
    expect(reply.json).toEqual({ ready: false, storage: 'ok', bus: 'none', draining: true });
  });

  it('logs each change of readiness once, saying which check failed', async () => {
    let up = true;
    const server = await serve({ bus: { ping: async () => up } });
    await send(server, 'GET', '/readyz');
    up = false;
    await send(server, 'GET', '/readyz');
    await send(server, 'GET', '/readyz');
    up = true;
    await send(server, 'GET', '/readyz');
    expect(server.lines.filter((line) => !line.startsWith('debug'))).toEqual([
      'warn not-ready storage=ok bus=down\n',
      'info ready storage=ok bus=ok\n',
    ]);
  });

  it('answers GET and HEAD only', async () => {
    const server = await serve();
    expect((await send(server, 'HEAD', '/readyz')).status).toBe(200);
    const reply = await send(server, 'POST', '/readyz', { body: '{}' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });
});

describe('GET /metrics', () => {
  const metricsOf = (rooms: number) =>
    new ServerMetrics({ rooms: () => rooms, connections: () => 4 });

  it('serves the server’s metrics as Prometheus text', async () => {
    const metrics = metricsOf(3);
    metrics.update('client', 7);
    const server = await serve({ metrics });
    const reply = await send(server, 'GET', '/metrics');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(metrics.contentType);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.text).toMatch(/^procmap_rooms 3$/m);
    expect(reply.text).toMatch(/^procmap_connections 4$/m);
    expect(reply.text).toMatch(/^procmap_updates_total\{source="client"\} 7$/m);
    // Security headers as on every response.
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is 404 when the server was given no metrics', async () => {
    const server = await serve();
    const reply = await send(server, 'GET', '/metrics');
    expect(reply.status).toBe(404);
    expect(reply.json.error.message).toMatch(/metrics/);
  });

  it('requires the metrics token when one is configured (401 without or wrong)', async () => {
    const server = await serve({ metrics: metricsOf(1) }, { PROCMAP_METRICS_TOKEN: 'scrape-me' });
    const bare = await send(server, 'GET', '/metrics');
    expect(bare.status).toBe(401);
    expect(bare.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(bare.text).not.toContain('procmap_rooms');
    const wrong = await send(server, 'GET', '/metrics', {
      headers: { authorization: 'Bearer scrape-you' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toMatch(/wrong/);
    expect(wrong.text).not.toContain('scrape-me');
    const right = await send(server, 'GET', '/metrics', {
      headers: { authorization: 'bearer scrape-me' },
    });
    expect(right.status).toBe(200);
    expect(right.text).toMatch(/^procmap_rooms 1$/m);
  });

  it('answers GET and HEAD only', async () => {
    const server = await serve({ metrics: metricsOf(1) });
    expect((await send(server, 'DELETE', '/metrics')).status).toBe(405);
  });
});

describe('the probes and the Host header', () => {
  it('answer any Host (a load balancer probes by address), while the API refuses it', async () => {
    const server = await serve({
      metrics: new ServerMetrics({ rooms: () => 0, connections: () => 0 }),
    });
    const evil = { headers: { host: 'attacker.example:80' } };
    expect((await send(server, 'GET', '/api/maps', evil)).status).toBe(421);
    expect((await send(server, 'GET', '/healthz', evil)).status).toBe(200);
    expect((await send(server, 'GET', '/readyz', evil)).status).toBe(200);
    expect((await send(server, 'GET', '/metrics', evil)).status).toBe(200);
  });
});

/** A redis-server of our own on a free port, with no persistence; undefined without a binary. */
async function startRedis() {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = await freePort();
  const dir = tempDataDir();
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir];
  const start = () => {
    child = spawn('redis-server', [...args, '--appendonly', 'no'], { stdio: 'ignore' });
  };
  const stop = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((done) => proc.once('exit', done));
    proc.kill('SIGKILL');
    await exited;
  };
  start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, dir };
}

describe('GET /readyz with a real Redis as the bus', async () => {
  const redis = await startRedis();
  afterAll(async () => {
    await redis?.stop();
    if (redis) removeDataDir(redis.dir);
  });

  it.skipIf(!redis)(
    'is not ready while Redis is down, and ready again once it is back',
    async () => {
      if (!redis) return;
      const client = new Redis(redis.url, { lazyConnect: false, retryStrategy: () => 50 });
      client.on('error', () => {});
      try {
        // A client's PING, as the Redis bus pings: while Redis is away it waits, never answering.
        const bus = { ping: () => client.ping().then((reply) => reply === 'PONG') };
        const server = await serve({ bus, pingTimeoutMs: 300 });
        const readiness = () => send(server, 'GET', '/readyz');
        await waitForValue(readiness, (r) => r.status === 200, 'ready with Redis up');
        await redis.stop();
        const down = await readiness();
        expect([down.status, down.json]).toEqual([
          503,
          { ready: false, storage: 'ok', bus: 'down' },
        ]);
        redis.start();
        const back = await waitForValue(
          readiness,
          (r) => r.status === 200,
          'ready once Redis is back',
        );
        expect(back.json).toEqual({ ready: true, storage: 'ok', bus: 'ok' });
        await waitFor(() => server.lines.some((l) => l.startsWith('info ready')), 'ready logged');
      } finally {
        client.disconnect();
      }
    },
  );
});
