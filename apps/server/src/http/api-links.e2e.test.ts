import { afterAll, describe, expect, it } from 'vitest';
import { expectError, json, q, send } from '../test-support/api';
import {
  createMap,
  freePort,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * The Host header and the links the API hands out, against the real server process. A page on
 * another site that points its own name at this server (DNS rebinding) sends that name as the
 * Host: the API refuses it (421) instead of answering, or minting links to that name. Links
 * come from PROCMAP_PUBLIC_URL, or from a Host the server knows: loopback names and the
 * address it was reached at, with its port, and PROCMAP_ALLOWED_HOSTS.
 */

describe('Host header and links (real server process)', { timeout: 30_000 }, () => {
  const started: ServerProcess[] = [];
  const start = async (env: Record<string, string> = {}, port?: number) => {
    const server = await startServer({ env, ...(port ? { port } : {}) });
    started.push(server);
    return server;
  };
  afterAll(async () => {
    for (const server of started) {
      await server.kill('SIGKILL');
      removeDataDir(server.dataDir);
    }
  });

  const withHost = (host: string) => ({ headers: { host } });

  it('refuses every API request sent to an unknown host name with 421, never echoing it', async () => {
    const server = await start();
    const made = await createMap(server);
    const evil = `rebind.attacker.example:${server.port}`;
    const requests: [string, string, object][] = [
      ['POST', '/api/maps', json({ title: 'Minted' })],
      ['GET', '/api/maps', {}],
      ['GET', `/api/maps/${made.id}${q(made.viewToken)}`, {}],
      ['GET', `/api/maps/${made.id}/view-link${q(made.editToken)}`, {}],
      ['GET', `/api/maps/${made.id}/access${q(made.viewToken)}`, {}],
      ['GET', `/api/maps/${made.id}/export.csv${q(made.viewToken)}`, {}],
      ['DELETE', `/api/maps/${made.id}${q(made.editToken)}`, {}],
    ];
    for (const [method, path, options] of requests) {
      for (const host of [
        evil,
        `127.0.0.1:${server.port + 1}`, // the right address, another port
        `localhost.attacker.example:${server.port}`,
        `evil@127.0.0.1:${server.port}`,
        `127.0.0.1:${server.port}/x`,
      ]) {
        const reply = await send(server, method, path, { ...options, ...withHost(host) });
        expectError(reply, 421, 'host-not-allowed');
        expect(reply.json.error.message).toContain('PROCMAP_ALLOWED_HOSTS');
        expect(reply.text).not.toContain('attacker');
      }
    }
    // Nothing was done: the map is still there.
    expect((await send(server, 'GET', `/api/maps/${made.id}${q(made.viewToken)}`)).status).toBe(
      200,
    );
    // The health check and the app's pages do not depend on the name.
    expect((await send(server, 'GET', '/healthz', withHost(evil))).status).toBe(200);
  });

  it('answers the loopback names and the address it was reached at, and links to them', async () => {
    const server = await start();
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `LocalHost:${server.port}`,
      `[::1]:${server.port}`,
    ]) {
      const reply = await send(server, 'POST', '/api/maps', { ...json({}), ...withHost(host) });
      expect(reply.status, `${host}: ${reply.text}`).toBe(201);
      expect(reply.json.editUrl).toBe(
        `http://${host}/m/${reply.json.id}#token=${reply.json.editToken}`,
      );
      const link = await send(
        server,
        'GET',
        `/api/maps/${reply.json.id}/view-link${q(reply.json.editToken)}`,
        withHost(host),
      );
      expect(link.json.viewUrl).toBe(
        `http://${host}/m/${reply.json.id}#token=${reply.json.viewToken}`,
      );
    }
  });

  it('with PROCMAP_PUBLIC_URL, links always use it, and its name is answered', async () => {
    // The server says it listens on its public URL: talk to it on its port.
    const port = await freePort();
    await start({ PROCMAP_PUBLIC_URL: 'https://maps.example.org/' }, port);
    const server = { url: `http://127.0.0.1:${port}` };
    for (const host of [`127.0.0.1:${port}`, 'maps.example.org', 'MAPS.example.org:443']) {
      const reply = await send(server, 'POST', '/api/maps', { ...json({}), ...withHost(host) });
      expect(reply.status, `${host}: ${reply.text}`).toBe(201);
      expect(reply.json.editUrl).toBe(
        `https://maps.example.org/m/${reply.json.id}#token=${reply.json.editToken}`,
      );
    }
    expectError(
      await send(server, 'POST', '/api/maps', {
        ...json({}),
        ...withHost('maps.example.org.evil'),
      }),
      421,
      'host-not-allowed',
    );
  });

  it('answers the names in PROCMAP_ALLOWED_HOSTS, on any port or the one given', async () => {
    const server = await start({ PROCMAP_ALLOWED_HOSTS: 'maps.lan, procmap.local:8443' });
    for (const host of [`maps.lan:${server.port}`, 'maps.lan', 'procmap.local:8443']) {
      const reply = await send(server, 'POST', '/api/maps', { ...json({}), ...withHost(host) });
      expect(reply.status, `${host}: ${reply.text}`).toBe(201);
      expect(reply.json.viewUrl).toBe(
        `http://${host}/m/${reply.json.id}#token=${reply.json.viewToken}`,
      );
    }
    for (const host of ['procmap.local:8444', 'maps.lan.attacker.example', 'evil.maps.lan']) {
      expectError(
        await send(server, 'POST', '/api/maps', { ...json({}), ...withHost(host) }),
        421,
        'host-not-allowed',
      );
    }
  });
});
