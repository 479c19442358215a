import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ImportNote, importFile, MAX_IMPORT_BYTES } from '@procmap/interop';
import type { ProcessMap } from '@procmap/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, expectError, type Reply, send } from '../test-support/api';
import { removeDataDir, type ServerProcess, startServer } from '../test-support/server-process';

/*
 * Importing over the REST API of the real server process: POST /api/maps with a BPMN, CSV or
 * draw.io file instead of a map makes a map of it, with the importer's notes in the answer; a
 * file the importer refuses, a type it does not read and a body over the limit make nothing.
 * (BPMN export: api-export-bpmn.e2e.test.ts.)
 */

const ADMIN = 'import-test-admin-token-0123456789';
const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../../../packages/interop/fixtures/${name}`, import.meta.url)),
    'utf8',
  );
const LANES = fixture('bpmn/bpmnjs-lanes.bpmn');
const SWIMLANES = fixture('drawio/business-swimlane.xml');
const CSV = 'Step,Role,Process time\nWrite referral,GP,10 min\nBook clinic,Ward clerk,5 min\n';
const DOCTYPE =
  '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</definitions>\n';

describe('POST /api/maps with a file to import (real server process)', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  const admin = { authorization: `Bearer ${ADMIN}` };

  beforeAll(async () => {
    // With the admin token, so the tests can list the maps there are.
    server = await startServer({ env: { PROCMAP_ADMIN_TOKEN: ADMIN } });
  }, 30_000);
  afterAll(async () => {
    await server?.kill('SIGKILL');
    if (server) removeDataDir(server.dataDir);
  });

  /** POSTs `body` to /api/maps as `type`, with the admin token. */
  const post = (body: string | Buffer, type: string, query = '') =>
    send(server, 'POST', `/api/maps${query}`, {
      body,
      headers: { ...admin, 'content-type': type },
    });
  const read = async (reply: Reply): Promise<ProcessMap> => {
    const got = await send(
      server,
      'GET',
      `/api/maps/${reply.json.id}?token=${reply.json.viewToken}`,
    );
    expect(got.status).toBe(200);
    return got.json as ProcessMap;
  };
  const mapCount = async () => {
    const listed = await send(server, 'GET', '/api/maps', { headers: admin });
    expect(listed.status).toBe(200);
    return (listed.json.maps as unknown[]).length;
  };
  const expected = async (text: string, name: string) => {
    const result = await importFile(text, { name });
    if (!result.ok) throw new Error(result.message);
    return result;
  };

  it('given BPMN as application/xml, creates its map (201) with the import notes beside the usual fields', async () => {
    const want = await expected(LANES, 'lanes.bpmn');
    const before = Date.now();
    const reply = await post(LANES, 'application/xml');
    expect(reply.status, reply.text).toBe(201);
    expect(Object.keys(reply.json).sort()).toEqual(
      ['editToken', 'editUrl', 'id', 'importNotes', 'title', 'viewToken', 'viewUrl'].sort(),
    );
    expect(reply.json.editUrl).toBe(
      `${server.url}/m/${reply.json.id}#token=${reply.json.editToken}`,
    );
    const notes = reply.json.importNotes as ImportNote[];
    expect(notes).toEqual(want.notes);
    expect(notes.map((n) => n.code)).toContain('nested-lanes');
    const map = await read(reply);
    expect(map.title).toBe(want.map.title);
    expect(map.roles.map((r) => r.name)).toEqual(want.map.roles.map((r) => r.name));
    expect(map.roles.map((r) => r.name)).toContain('Nested_Lane_A');
    expect(map.steps.map((s) => s.label)).toEqual(want.map.steps.map((s) => s.label));
    // What was approximated stays in the map: one note on the map, at the time of the import.
    const recorded = (map.comments ?? []).filter((c) => c.author === 'Import');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.targetId).toBeUndefined();
    expect(recorded[0]?.text).toContain('What was approximated: ');
    const at = Date.parse(recorded[0]?.createdAt ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('given a PNG sent as XML, refuses it for what it is before reading it as XML', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const reply = await post(png, 'application/xml', '?name=diagram.bpmn');
    expectError(reply, 400, 'import-refused');
    expect(reply.json.error).toMatchObject({
      reason: 'not-recognised',
      message: 'This looks like a PNG image, not a BPMN, draw.io or CSV file.',
    });
  });

  it('given application/bpmn+xml, reads it as BPMN whatever the name says', async () => {
    const reply = await post(LANES, 'application/bpmn+xml; charset=utf-8', '?name=lanes.csv');
    expect(reply.status, reply.text).toBe(201);
    expect((await read(reply)).roles.map((r) => r.name)).toContain('Nested_Lane_B');
  });

  it('given text/csv with ?name=, makes a step of each row and names the map after the file', async () => {
    const reply = await post(
      `\uFEFF${CSV}`,
      'text/csv',
      `?name=${encodeURIComponent('Referral steps.csv')}`,
    );
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.title).toBe('Referral steps');
    const map = await read(reply);
    expect(map.title).toBe('Referral steps');
    expect(map.roles.map((r) => r.name)).toEqual(['GP', 'Ward clerk']);
    const tasks = map.steps.filter((s) => s.kind === 'task');
    expect(tasks.map((s) => [s.label, s.processTime])).toEqual([
      ['Write referral', 10],
      ['Book clinic', 5],
    ]);
    expect(reply.json.importNotes).toEqual((await expected(CSV, 'Referral steps.csv')).notes);
  });

  it.each(['application/vnd.jgraph.mxfile', 'text/xml'])(
    'given a draw.io diagram as %s, creates its map',
    async (type) => {
      const reply = await post(SWIMLANES, type);
      expect(reply.status, reply.text).toBe(201);
      const map = await read(reply);
      expect(map.roles.map((r) => r.name)).toContain('Sales Admin');
      expect(map.steps.map((s) => s.label)).toContain('Credit Management');
    },
  );

  it('given a DOCTYPE, refuses it (400 import-refused) saying why and where, and creates nothing', async () => {
    const before = await mapCount();
    const reply = await post(DOCTYPE, 'application/xml');
    expectError(reply, 400, 'import-refused');
    expect(reply.json.error).toMatchObject({ reason: 'unsafe-xml', line: 2, column: 1 });
    expect(reply.json.error.message).toContain('document type or entities');
    expect(reply.text).not.toContain('root:');
    expect(await mapCount()).toBe(before);
  });

  it('given malformed BPMN, refuses it with the line and column', async () => {
    const before = await mapCount();
    const broken =
      '<?xml version="1.0"?>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <process id="p">\n</definitions>\n';
    const reply = await post(broken, 'application/bpmn+xml');
    expectError(reply, 400, 'import-refused');
    expect(reply.json.error).toMatchObject({ reason: 'malformed', line: 4, column: 1 });
    expect(await mapCount()).toBe(before);
  });

  it('given XML that is neither BPMN nor draw.io, refuses it as not recognised', async () => {
    const reply = await post('<svg xmlns="http://www.w3.org/2000/svg"/>', 'text/xml');
    expectError(reply, 400, 'import-refused');
    expect(reply.json.error.reason).toBe('not-recognised');
    expect(reply.json.error.message).toContain('neither BPMN 2.0');
  });

  it('given a type it does not import, answers 415 naming the types it does', async () => {
    const before = await mapCount();
    const reply = await post(CSV, 'text/plain');
    expectError(reply, 415, 'unsupported-media-type');
    for (const type of [
      'application/json',
      'application/bpmn+xml',
      'application/xml',
      'text/xml',
      'text/csv',
      'application/vnd.jgraph.mxfile',
    ]) {
      expect(reply.json.error.message).toContain(type);
    }
    expect(await mapCount()).toBe(before);
  });

  it('given a CSV as Excel saves it (Windows-1252, not UTF-8), keeps its accents and euro sign', async () => {
    // "Café – 5 €" in Windows-1252: é 0xE9, en dash 0x96, euro 0x80.
    const cp1252 = Buffer.from([
      ...Buffer.from('Step,Role\nCaf', 'latin1'),
      0xe9,
      ...Buffer.from(' ', 'latin1'),
      0x96,
      ...Buffer.from(' 5 ', 'latin1'),
      0x80,
      ...Buffer.from(',Caf', 'latin1'),
      0xe9,
      0x0a,
    ]);
    const reply = await post(cp1252, 'text/csv; charset=windows-1252');
    expect(reply.status, reply.text).toBe(201);
    const map = await read(reply);
    expect(map.steps.map((s) => s.label)).toContain('Café – 5 €');
    expect(map.roles.map((r) => r.name)).toEqual(['Café']);
  });

  it('given a file over the import limit, answers 413 (declared or streamed) and creates nothing', async () => {
    const before = await mapCount();
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    expectError(await post(big, 'text/csv'), 413, 'too-large');
    const chunk = 'a'.repeat(1024 * 1024);
    const streamed = await send(server, 'POST', '/api/maps', {
      chunks: Array.from({ length: 11 }, () => chunk),
      headers: { ...admin, 'content-type': 'text/csv' },
    });
    expectError(streamed, 413, 'too-large');
    expect(streamed.json.error.message).toContain('10 MiB');
    expect(await mapCount()).toBe(before);
  });

  it('asks for the admin token as JSON creation does', async () => {
    const reply = await send(server, 'POST', '/api/maps', {
      body: CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expectError(reply, 401, 'admin-token-required');
  });

  it('still creates a map from JSON', async () => {
    const reply = await send(server, 'POST', '/api/maps', {
      body: JSON.stringify(example()),
      headers: admin,
    });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.importNotes).toBeUndefined();
  });
});
