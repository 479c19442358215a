import { join } from 'node:path';
import { validateMap } from '@procmap/model';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, whenSynced } from '../test-support/clients';
import { waitFor } from '../test-support/wait';
import { referral } from '../test-support/fuzz-corpus';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
  tempDataDir,
} from '../test-support/server-process';

/*
 * A map whose stored log holds what no tool can read back — a field nested 3,000 deep (which the
 * sync socket took before it checked nesting) and an update that does not apply — against a
 * real server process and a real SQLite file: the map loads with everything else, says why in
 * the log, and goes on taking edits.
 */

const stepId = referral.steps[1]!.id;

describe('loading a damaged map (real server, real SQLite file)', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.kill('SIGKILL');
    removeDataDir(dataDir);
  });

  it('serves what is valid, removes over-deep fields, skips what does not apply, and says so', {
    timeout: 60_000,
  }, async () => {
    server = await startServer({ dataDir, env: { PROCMAP_LOG: 'info' } });
    const map = await createMap(server, referral);
    expect(await server.kill('SIGTERM')).toBe(0);

    // Append, as an older server could have stored them: a 3,000-deep field, then garbage.
    const db = new Database(join(dataDir, 'procmap.sqlite'));
    const rows = db
      .prepare('SELECT seq, data FROM updates WHERE map_id = ? ORDER BY seq')
      .all(map.id) as { seq: number; data: Buffer }[];
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    const before = Y.encodeStateVector(doc);
    let deep: unknown = 'bottom';
    for (let i = 0; i < 3000; i++) deep = [deep];
    doc.getMap<Y.Map<unknown>>('steps').get(stepId)!.set('custom', deep);
    doc.getMap<Y.Map<unknown>>('steps').get(stepId)!.set('notes', 'kept');
    const deepUpdate = Y.encodeStateAsUpdate(doc, before);
    const garbage = Uint8Array.of(1, 1, 200, 1, 0, 7, 1, 9, 9, 9);
    expect(() => Y.applyUpdate(new Y.Doc(), garbage)).toThrow();
    const last = rows.at(-1)!.seq;
    const insert = db.prepare('INSERT INTO updates (map_id, seq, data) VALUES (?, ?, ?)');
    insert.run(map.id, last + 1, deepUpdate);
    insert.run(map.id, last + 2, garbage);
    db.close();

    server = await startServer({ dataDir, env: { PROCMAP_LOG: 'info' } });
    const res = await fetch(`${server.url}/api/maps/${map.id}?token=${map.editToken}`);
    expect(res.status).toBe(200);
    const file = (await res.json()) as {
      steps: { id: string; notes?: string; custom?: unknown }[];
    };
    expect(validateMap(file).ok, JSON.stringify(validateMap(file).problems)).toBe(true);
    const step = file.steps.find((s) => s.id === stepId)!;
    expect(step.notes).toBe('kept');
    expect(step.custom).toBeUndefined();
    expect(server.log()).toMatch(/warn load-repaired .*removed="steps\[[^\]]+\]\.custom"/);
    expect(server.log()).toMatch(/error load-skipped .*updates=1/);
    const svg = await fetch(`${server.url}/api/maps/${map.id}/export.svg?token=${map.viewToken}`);
    expect(svg.status).toBe(200);

    // And it goes on: an edit is made, saved and served.
    const client = connectClient(server.wsUrl, map.id, map.editToken, { wantSaved: true });
    await whenSynced(client);
    client.doc.getMap('meta').set('title', 'Recovered');
    await waitFor(() => client.isSaved(), 'the edit to be saved');
    client.destroy();
    const after = await fetch(`${server.url}/api/maps/${map.id}?token=${map.viewToken}`);
    expect(((await after.json()) as { title: string }).title).toBe('Recovered');
  });
});
