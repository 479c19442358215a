import { generateMap } from '@procmap/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, q, type Reply, send } from '../test-support/api';
import { waitFor } from '../test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * The export queue of the real server process: one client's burst of reports past the bound
 * per client (and per map) is answered 429 with Retry-After at once, and a picture asked for
 * while those reports wait is drawn before them — SVG and CSV have their own lane.
 */

describe('export queue (real server process)', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  let map: { id: string; editToken: string; viewToken: string };

  beforeAll(async () => {
    server = await startServer({
      env: { PROCMAP_EXPORTS_PER_CLIENT: '2', PROCMAP_EXPORTS_PER_MAP: '3' },
    });
    map = await createMap(server, generateMap({ steps: 400, seed: 11 }));
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  const path = (file: string, token: string) => `/api/maps/${map.id}/${file}${q(token)}`;

  const expectQueueFull = (reply: Reply, who: RegExp) => {
    expectError(reply, 429, 'too-many-exports');
    expect(reply.json.error.message).toMatch(who);
    expect(reply.json.error.message).toMatch(/PDF exports or reports waiting or running/);
    const seconds = Number(reply.headers['retry-after']);
    expect(Number.isInteger(seconds), String(reply.headers['retry-after'])).toBe(true);
    expect(seconds).toBeGreaterThanOrEqual(1);
  };

  it('refuses a burst of reports past the bounds with 429, and draws an SVG before the queued reports', async () => {
    // Both lanes' threads started and their fonts loaded, so the order below is the queue's.
    expect((await send(server, 'GET', path('export.svg', map.viewToken))).status).toBe(200);
    expect((await send(server, 'GET', path('report.pdf', map.viewToken))).status).toBe(200);

    const done: string[] = [];
    const replies: Reply[] = [];
    const request = (name: string, file: string, token: string) =>
      send(server, 'GET', path(file, token)).then((reply) => {
        done.push(`${name} ${reply.status}`);
        replies.push(reply);
        return reply;
      });

    // One client (this address, the view link) asks for five reports at once: two are taken.
    const burst = Array.from({ length: 5 }, (_, i) =>
      request(`view-report-${i}`, 'report.pdf', map.viewToken),
    );
    await waitFor(() => replies.filter((r) => r.status === 429).length === 3, 'three refusals');
    for (const reply of replies) expectQueueFull(reply, /^you already have 2 /);

    // Another client (the edit link) gets the map's third place; its second report is refused.
    const more = [0, 1].map((i) => request(`edit-report-${i}`, 'report.pdf', map.editToken));
    await waitFor(() => replies.filter((r) => r.status === 429).length === 4, 'a fourth refusal');
    expectQueueFull(replies[3] as Reply, /^this map already has 3 /);

    // An SVG asked for now does not wait behind the three reports.
    const svg = await request('svg', 'export.svg', map.viewToken);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');

    const reports = await Promise.all([...burst, ...more]);
    expect(reports.filter((r) => r.status === 200)).toHaveLength(3);
    for (const report of reports.filter((r) => r.status === 200)) {
      expect(report.headers['content-type']).toBe('application/pdf');
    }
    // Reports run one at a time: at most the first was done before the SVG.
    const order = done.filter((entry) => entry.endsWith(' 200'));
    expect(order.indexOf('svg 200'), order.join(', ')).toBeLessThanOrEqual(1);

    // Once they are done, the same client may export again.
    expect((await send(server, 'GET', path('report.pdf', map.viewToken))).status).toBe(200);
  });
});
