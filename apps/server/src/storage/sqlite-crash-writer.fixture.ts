/*
 * Child process for the kill -9 test in sqlite-storage.test.ts. Opens the SQLite file named on
 * the command line, creates map "crash" and appends real Yjs updates (one durable append per
 * edit, some batched), prints every acknowledged update and the document, then "written", and
 * kills itself with SIGKILL without closing, so nothing gets a chance to flush afterwards.
 */
import { writeSync } from 'node:fs';
import * as Y from 'yjs';
import { SqliteStorage } from './sqlite-storage';

const path = process.argv[2];
if (!path) throw new Error('usage: sqlite-crash-writer.fixture.ts <database path>');

const storage = SqliteStorage.open(path);
const doc = new Y.Doc();
const emitted: Uint8Array[] = [];
doc.on('update', (update: Uint8Array) => emitted.push(update));
doc.getMap('meta').set('title', 'Killed mid-workshop');
const initial = Y.encodeStateAsUpdate(doc);
emitted.length = 0;
const record = {
  id: 'crash',
  title: 'Crash',
  editTokenHash: 'e'.repeat(64),
  viewTokenHash: 'f'.repeat(64),
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-01T09:00:00.000Z',
};
await storage.createMap(record, initial);
const acknowledged = [initial];

const steps = doc.getMap<Y.Map<unknown>>('steps');
const edits = 60;
for (let i = 1; i <= edits; i++) {
  doc.transact(() => {
    const step = new Y.Map<unknown>();
    steps.set(`s${i}`, step);
    step.set('label', new Y.Text(`Step ${i}`));
    if (i % 10 === 0) steps.delete(`s${i - 5}`);
  });
  if (i % 3 === 0 && i < edits) continue; // batched with the next edit
  const batch = emitted.splice(0);
  await storage.appendUpdates('crash', batch);
  acknowledged.push(...batch);
}

const report = {
  updates: acknowledged.map((u) => Buffer.from(u).toString('hex')),
  steps: steps.toJSON(),
};
writeSync(1, `${JSON.stringify(report)}\nwritten\n`);
process.kill(process.pid, 'SIGKILL');
