import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storageContract } from './contract';
import { WorkerStorage } from './worker-storage';

const root = mkdtempSync(join(tmpdir(), 'procmap-worker-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const freshPath = () => join(mkdtempSync(join(root, 'db-')), 'maps.db');

storageContract(
  'WorkerStorage',
  async () => {
    const path = freshPath();
    return { storage: await WorkerStorage.open(path), reopen: () => WorkerStorage.open(path) };
  },
  { persists: true },
);

describe('WorkerStorage', () => {
  it('refuses a file that is not a database, naming it', async () => {
    const path = join(root, 'not-a-db.sqlite');
    writeFileSync(path, 'hello, this is text');
    await expect(WorkerStorage.open(path)).rejects.toThrow(/not-a-db\.sqlite/);
  });
});
