import { compareScenarios } from '@procmap/compare';
import type { ProcessMap } from '@procmap/model';
import { generateMap } from '@procmap/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, json, q, type Reply, send } from '../test-support/api';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';
import { UNKNOWN_SCENARIO } from './scenario-refusal';
import { MAX_COMPARED } from './scenario-routes';

/*
 * A map's scenarios over the REST API of the real server process: one scenario as a map file
 * of its own, the as-is beside its scenarios, and exports of a scenario, each readable with
 * the view token and refused alike for a scenario the map does not have.
 */

type Step = { id: string; label?: string; roleId: string };
type Flow = { id: string; from: string; to: string };

/**
 * The example map with two scenarios: "To-be portal" drops the admin tray (the referral goes
 * straight on to attaching records) and adds a portal check before triage; "To-be clerk" is an
 * unchanged copy of the as-is.
 */
function withScenarios(title: string): Record<string, unknown> {
  const file = example();
  const steps = structuredClone(file.steps) as Step[];
  const flows = structuredClone(file.flows) as Flow[];
  const portalSteps = [
    ...steps.filter((s) => s.id !== 'admin-tray'),
    { id: 'portal-check', roleId: 'rmc', kind: 'task', label: 'Portal check', processTime: 2 },
  ];
  const portalFlows = flows
    .filter((f) => f.id !== 'f3')
    .map((f) => {
      if (f.id === 'f2') return { ...f, to: 'attach-records' };
      if (f.id === 'f13') return { ...f, to: 'portal-check' };
      return f;
    });
  portalFlows.push({ id: 'f13b', from: 'portal-check', to: 'triage-queue' });
  return {
    ...file,
    title,
    scenarios: [
      {
        id: 'to-be-portal',
        name: 'To-be portal',
        description: 'Referrals arrive through the portal',
        roles: file.roles,
        steps: portalSteps,
        flows: portalFlows,
      },
      { id: 'to-be-clerk', name: 'To-be clerk', roles: file.roles, steps, flows },
    ],
  };
}

const IDS = ['as-is', 'to-be-portal', 'to-be-clerk'];

/** The refusal of a scenario the map lacks: a 400 naming the ids there are. */
function expectUnknownScenario(reply: Reply, typed: string, ids = IDS): void {
  expectError(reply, 400, UNKNOWN_SCENARIO);
  expect(reply.json.error.message).toContain(`no scenario "${typed}"`);
  for (const id of ids) expect(reply.json.error.message).toContain(`"${id}"`);
  expect(reply.json.error.scenarios).toEqual(ids);
}

describe('scenarios over the REST API (real server process)', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  let file: Record<string, unknown>;
  let map: { id: string; editToken: string; viewToken: string };
  let other: { id: string; editToken: string; viewToken: string };
  const title = 'Outpatient referral';

  beforeAll(async () => {
    // One export at a time per client, so a queue held by one report is easy to fill.
    server = await startServer({ env: { PROCMAP_EXPORTS_PER_CLIENT: '1' } });
    file = withScenarios(title);
    map = await createMap(server, file);
    other = await createMap(server, { title: 'Other' });
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  const get = (path: string) => send(server, 'GET', path);
  const stepIds = (body: ProcessMap) => body.steps.map((s) => s.id);

  describe('GET /api/maps/<id>?scenario=…', () => {
    it('gives the scenario as a map file of its own; as-is or nothing gives the whole map', async () => {
      const reply = await get(`/api/maps/${map.id}${q(map.viewToken)}&scenario=to-be-portal`);
      expect(reply.status, reply.text).toBe(200);
      const scenario = reply.json as ProcessMap;
      expect(scenario.title).toBe(title);
      expect(scenario.scenarios).toBeUndefined();
      expect(stepIds(scenario)).not.toContain('admin-tray');
      expect(stepIds(scenario)).toContain('portal-check');
      expect(scenario.flows.find((f) => f.id === 'f2')?.to).toBe('attach-records');
      // The map's comments stay with it.
      expect(scenario.comments).toEqual(file.comments);

      const whole = (await get(`/api/maps/${map.id}${q(map.viewToken)}`)).json as ProcessMap;
      expect(stepIds(whole)).toContain('admin-tray');
      expect(whole.scenarios?.map((s) => s.id)).toEqual(['to-be-portal', 'to-be-clerk']);
      const asIs = await get(`/api/maps/${map.id}${q(map.viewToken)}&scenario=as-is`);
      expect(asIs.status).toBe(200);
      expect(asIs.json).toEqual(whole);
    });

    it('refuses a scenario the map lacks with a 400 naming the ids there are', async () => {
      expectUnknownScenario(
        await get(`/api/maps/${map.id}${q(map.viewToken)}&scenario=to-be-nope`),
        'to-be-nope',
      );
      expectUnknownScenario(await get(`/api/maps/${map.id}${q(map.viewToken)}&scenario=`), '');
      // A map without scenarios names only the as-is.
      expectUnknownScenario(
        await get(`/api/maps/${other.id}${q(other.viewToken)}&scenario=to-be-portal`),
        'to-be-portal',
        ['as-is'],
      );
      const twice = await get(
        `/api/maps/${map.id}${q(map.viewToken)}&scenario=to-be-portal&scenario=to-be-clerk`,
      );
      expectError(twice, 400, 'bad-request');
      expect(twice.json.error.message).toMatch(/scenario= is given 2 times/);
    });

    it('PUT and DELETE with scenario= are refused and change nothing (they act on the whole map)', async () => {
      const put = await send(
        server,
        'PUT',
        `/api/maps/${map.id}${q(map.editToken)}&scenario=to-be-portal`,
        json({ ...file, title: 'Replaced', scenarios: undefined }),
      );
      expectError(put, 400, 'bad-request');
      expect(put.json.error.message).toMatch(/scenario= is for GET only/);
      const del = await send(
        server,
        'DELETE',
        `/api/maps/${map.id}${q(map.editToken)}&scenario=to-be-portal`,
      );
      expectError(del, 400, 'bad-request');
      const whole = (await get(`/api/maps/${map.id}${q(map.viewToken)}`)).json as ProcessMap;
      expect(whole.title).toBe(title);
      expect(whole.scenarios).toHaveLength(2);
    });
  });

  describe('GET /api/maps/<id>/compare', () => {
    it('gives the as-is and every scenario, analysed, as the compare package does', async () => {
      const reply = await get(`/api/maps/${map.id}/compare${q(map.viewToken)}`);
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^application\/json/);
      expect(Object.keys(reply.json)).toEqual(['scenarios']);
      const { scenarios } = reply.json;
      expect(scenarios.map((s: { id: string }) => s.id)).toEqual(IDS);
      expect(scenarios[0].changes).toBeUndefined();
      // Dropping the admin tray's wait shortens the lead time.
      expect(scenarios[1].metrics.metrics.leadTime).toBeLessThan(
        scenarios[0].metrics.metrics.leadTime,
      );
      const stored = (await get(`/api/maps/${map.id}${q(map.viewToken)}`)).json as ProcessMap;
      const expected = compareScenarios(stored);
      if (!expected.ok) throw new Error(expected.message);
      expect(reply.json).toEqual(JSON.parse(JSON.stringify(expected.comparison)));
    });

    it('scenarios=… picks some, after the as-is; unknown or empty ones are refused', async () => {
      const some = await get(
        `/api/maps/${map.id}/compare${q(map.viewToken)}&scenarios=to-be-clerk`,
      );
      expect(some.status, some.text).toBe(200);
      expect(some.json.scenarios.map((s: { id: string }) => s.id)).toEqual([
        'as-is',
        'to-be-clerk',
      ]);
      // The unchanged copy changes nothing.
      const changes = some.json.scenarios[1].changes;
      for (const part of Object.values(changes) as Record<string, unknown[]>[]) {
        for (const list of Object.values(part)) expect(list).toEqual([]);
      }
      expectUnknownScenario(
        await get(`/api/maps/${map.id}/compare${q(map.viewToken)}&scenarios=to-be-clerk,nope`),
        'nope',
      );
      const empty = await get(`/api/maps/${map.id}/compare${q(map.viewToken)}&scenarios=,`);
      expectError(empty, 400, 'bad-request');
      expect(empty.json.error.message).toMatch(/names no scenario/);
      const post = await send(server, 'POST', `/api/maps/${map.id}/compare${q(map.editToken)}`);
      expectError(post, 405, 'method-not-allowed');
      expect(post.headers.allow).toBe('GET');
    });

    it(`analyses at most ${MAX_COMPARED} scenarios in one request (each is an analysis on the server)`, async () => {
      const file = example();
      const copies = Array.from({ length: MAX_COMPARED + 1 }, (_, i) => ({
        id: `copy-${i}`,
        name: `Copy ${i}`,
        roles: file.roles,
        steps: file.steps,
        flows: file.flows,
      }));
      const many = await createMap(server, { ...file, title: 'Many', scenarios: copies });
      const all = await get(`/api/maps/${many.id}/compare${q(many.viewToken)}`);
      expectError(all, 400, 'bad-request');
      expect(all.json.error.message).toBe(
        `${MAX_COMPARED + 1} scenarios asked for: compare at most ${MAX_COMPARED} at a time (scenarios=a,b,…)`,
      );
      const some = await get(
        `/api/maps/${many.id}/compare${q(many.viewToken)}&scenarios=copy-0,copy-8`,
      );
      expect(some.status, some.text).toBe(200);
      expect(some.json.scenarios).toHaveLength(3);
    });
  });

  describe('exports of a scenario', () => {
    const exportPath = (name: string, token: string, query: string) =>
      `/api/maps/${map.id}/${name}${q(token)}&${query}`;

    it("export.svg?scenario=… draws that scenario's process, named after it", async () => {
      const reply = await get(exportPath('export.svg', map.viewToken, 'scenario=to-be-portal'));
      expect(reply.status, reply.text).toBe(200);
      expect(reply.headers['content-disposition']).toBe(
        `attachment; filename="Outpatient referral - To-be portal.svg"; filename*=UTF-8''${encodeURIComponent('Outpatient referral - To-be portal.svg')}`,
      );
      expect(reply.text).toContain('Portal check');
      expect(reply.text).not.toContain('Referral waits in admin tray');
      const csv = await get(exportPath('export.csv', map.viewToken, 'scenario=to-be-portal'));
      expect(csv.status, csv.text).toBe(200);
      expect(csv.headers['content-disposition']).toMatch(
        /filename="Outpatient referral - To-be portal\.csv"/,
      );
      expect(csv.text).toContain('portal-check');
      expect(csv.text).not.toContain('admin-tray');
      // The as-is keeps its name and its steps.
      const asIs = await get(exportPath('export.csv', map.viewToken, 'scenario=as-is'));
      expect(asIs.headers['content-disposition']).toMatch(/filename="Outpatient referral\.csv"/);
      expect(asIs.text).toContain('admin-tray');
    });

    it("steps=… are checked against the scenario's steps", async () => {
      const own = await get(
        exportPath('export.svg', map.viewToken, 'scenario=to-be-portal&steps=portal-check'),
      );
      expect(own.status, own.text).toBe(200);
      expect(own.text).toContain('Portal check');
      const gone = await get(
        exportPath('export.svg', map.viewToken, 'scenario=to-be-portal&steps=admin-tray'),
      );
      expectError(gone, 400, 'unknown-steps');
      expect(gone.json.error.message).toContain('admin-tray');
      expectError(
        await get(exportPath('export.svg', map.viewToken, 'steps=portal-check')),
        400,
        'unknown-steps',
      );
    });

    it('report.pdf?scenario=… is named after the scenario too', async () => {
      const reply = await get(exportPath('report.pdf', map.viewToken, 'scenario=to-be-portal'));
      expect(reply.status, reply.text.slice(0, 300)).toBe(200);
      expect(reply.headers['content-type']).toBe('application/pdf');
      expect(reply.headers['content-disposition']).toMatch(
        /filename="Outpatient referral - To-be portal - improvement report\.pdf"/,
      );
    });

    it.each(['export.svg', 'export.pdf', 'export.csv', 'report.pdf'])(
      '%s refuses a scenario the map lacks with a 400 naming the ids there are',
      async (name) => {
        expectUnknownScenario(await get(exportPath(name, map.viewToken, 'scenario=nope')), 'nope');
      },
    );

    it('an unknown scenario is refused before it takes a place in the export queue', async () => {
      const big = await createMap(server, generateMap({ steps: 400, seed: 19 }));
      const path = (query: string) => `/api/maps/${big.id}/report.pdf${q(big.viewToken)}${query}`;
      // Reports asked for at once by one client: one takes its place, the others are refused as
      // the queue is full; an unknown scenario sent among them is refused for what it is.
      const replies = await Promise.all([
        get(path('')),
        get(path('&findings=0')),
        get(path('&comments=0')),
        get(path('&scenario=nope')),
      ]);
      const statuses = replies.slice(0, 3).map((r) => r.status);
      expect(statuses).toContain(200);
      expect(statuses).toContain(429);
      for (const reply of replies.slice(0, 3)) {
        if (reply.status === 429) expectError(reply, 429, 'too-many-exports');
      }
      expectUnknownScenario(replies[3] as Reply, 'nope', ['as-is']);
    });
  });

  describe('who may read scenarios', () => {
    const routes: [string, (token: string) => string, (reply: Reply) => void][] = [
      [
        'GET ?scenario=',
        (token) => `/api/maps/${map.id}${q(token)}&scenario=to-be-portal`,
        (reply) => expect(stepIds(reply.json)).toContain('portal-check'),
      ],
      [
        'GET /compare',
        (token) => `/api/maps/${map.id}/compare${q(token)}`,
        (reply) => expect(reply.json.scenarios).toHaveLength(3),
      ],
      [
        'export.csv?scenario=',
        (token) => `/api/maps/${map.id}/export.csv${q(token)}&scenario=to-be-portal`,
        (reply) => expect(reply.text).toContain('portal-check'),
      ],
    ];

    it.each(routes)(
      '%s: the view and edit tokens read it; no token, a wrong one or another map’s are refused',
      async (_route, path, check) => {
        for (const token of [map.viewToken, map.editToken]) {
          const reply = await get(path(token));
          expect(reply.status, reply.text).toBe(200);
          check(reply);
        }
        const bare = path('x').replace(/\?token=x&?/, '?');
        expectError(await get(bare), 401, 'token-required');
        expectError(await get(path('wrong')), 403, 'token-invalid');
        expectError(await get(path(other.viewToken)), 403, 'token-invalid');
        expectError(await get(path(other.editToken)), 403, 'token-invalid');
      },
    );
  });
});
