import { importFile } from '@procmap/interop';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, q, send } from '../test-support/api';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
} from '../test-support/server-process';

/*
 * GET /api/maps/<id>/export.bpmn over the REST API of the real server process: the map, or one
 * of its scenarios, as BPMN 2.0 XML that the import reads back as the same process.
 */

type Step = { id: string; roleId: string; kind: string; label: string };

/** The example map with a scenario that adds a portal check in the first lane. */
function withScenario(): Record<string, unknown> {
  const file = example();
  const steps = structuredClone(file.steps) as Step[];
  const lane = (steps[0] as Step).roleId;
  return {
    ...file,
    title: 'Referral – ward 5',
    scenarios: [
      {
        id: 'portal',
        name: 'To-be portal',
        roles: file.roles,
        steps: [
          ...steps,
          { id: 'portal-check', roleId: lane, kind: 'task', label: 'Portal check' },
        ],
        flows: file.flows,
      },
    ],
  };
}

/** The step labels the import reads back from BPMN, sorted. */
async function labelsBack(xml: string): Promise<string[]> {
  const back = await importFile(xml, { name: 'back.bpmn' });
  if (!back.ok) throw new Error(back.message);
  return back.map.steps.map((s) => s.label).sort();
}

describe('BPMN export API (real server process)', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  let id = '';
  let viewToken = '';
  const labels = ((example().steps as Step[]).map((s) => s.label) as string[]).sort();

  beforeAll(async () => {
    server = await startServer();
    ({ id, viewToken } = await createMap(server, withScenario()));
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  it('export.bpmn with the view token → BPMN XML, downloaded as a .bpmn file, that imports back with the same steps', async () => {
    const reply = await send(server, 'GET', `/api/maps/${id}/export.bpmn${q(viewToken)}`);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="Referral ward 5.bpmn"; filename*=UTF-8''${encodeURIComponent('Referral – ward 5.bpmn')}`,
    );
    expect(reply.text).toMatch(/^<\?xml/);
    expect(reply.text).toContain('http://www.omg.org/spec/BPMN/20100524/MODEL');
    expect(await labelsBack(reply.text)).toEqual(labels);
  });

  it('export/bpmn is the same download', async () => {
    const [dotted, slashed] = await Promise.all([
      send(server, 'GET', `/api/maps/${id}/export.bpmn${q(viewToken)}`),
      send(server, 'GET', `/api/maps/${id}/export/bpmn${q(viewToken)}`),
    ]);
    expect(slashed.status).toBe(200);
    expect(slashed.text).toBe(dotted.text);
    expect(slashed.headers['content-disposition']).toBe(dotted.headers['content-disposition']);
  });

  it("scenario=… writes that scenario's process, named after it", async () => {
    const reply = await send(
      server,
      'GET',
      `/api/maps/${id}/export.bpmn${q(viewToken)}&scenario=portal`,
    );
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers['content-disposition']).toContain('To-be portal.bpmn"');
    expect(await labelsBack(reply.text)).toEqual([...labels, 'Portal check'].sort());
  });

  it('refuses like the other exports: no token, an unknown scenario, steps=…', async () => {
    expectError(await send(server, 'GET', `/api/maps/${id}/export.bpmn`), 401, 'token-required');
    expectError(
      await send(server, 'GET', `/api/maps/${id}/export.bpmn${q(viewToken)}&scenario=nope`),
      400,
      'unknown-scenario',
    );
    const steps = await send(
      server,
      'GET',
      `/api/maps/${id}/export.bpmn${q(viewToken)}&steps=triage`,
    );
    expectError(steps, 400, 'steps-not-supported');
  });
});
