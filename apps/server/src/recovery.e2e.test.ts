import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listBackups } from './storage/store-files';
import { connectClient, type TestClient, whenSynced } from './test-support/clients';
import { waitFor } from './test-support/wait';
import {
  createMap,
  removeDataDir,
  type ServerProcess,
  startServer,
  tempDataDir,
} from './test-support/server-process';

/*
 * A damaged store never loses acknowledged edits silently. A real store is made by the real
 * server: 300 edits of one stock client (each adds a comment), acknowledged as saved wave by
 * wave, the last 20 one commit each, rolling backups on, then SIGKILL, so the write-ahead log
 * still holds the latest commits. Copies of that folder are damaged four ways (garbage in the
 * write-ahead log, the log cut short, 200 garbage pages in the middle of the database, the
 * database emptied to 0 bytes); on each the server must refuse to start, naming the file and
 * printing the recovery command, and that exact command must put the store back into service
 * with at least every edit of a backup taken after the first 150 — and an editor that still
 * holds everything then saves the rest. An undamaged copy must start as usual with all 300 (no
 * false alarm after a kill).
 */

const EDITS = 300;
const FIRST_HALF = 150;
/** The last edits, small and one commit each: they are in the write-ahead log at the kill. */
const TAIL = 20;
/** Large enough that the log is checkpointed into the database file before the kill. */
const EDIT_BYTES = 12_000;
/** How long a wait may take before it counts as stuck (generous: a busy machine is slow). */
const BOUND = 30_000;
const DB = 'procmap.sqlite';

const dirs: string[] = [];
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];
let base = '';
let map: { id: string; editToken: string };
/** The comments the client had, all of them acknowledged as saved before the kill. */
let acknowledged: string[] = [];
let fullState: Uint8Array = new Uint8Array();

/** Edit number i: a comment of about `bytes` bytes, as the editor writes one. */
function addComment(doc: Y.Doc, i: number, bytes: number): void {
  doc.transact(() => {
    const comment = doc.getMap<Y.Map<unknown>>('comments').set(`c${i}`, new Y.Map<unknown>());
    comment.set('id', `c${i}`);
    comment.set('kind', 'note');
    comment.set('author', 'Ward 7');
    comment.set('text', `Edit ${i}: ${'·'.repeat(bytes / 2)}`);
    comment.set('createdAt', '2025-03-01T09:00:00.000Z');
  });
}

/** The ids of a document's comments, in edit order. */
const commentIds = (doc: Y.Doc) =>
  [...doc.getMap('comments').keys()].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

beforeAll(async () => {
  base = tempDataDir();
  dirs.push(base);
  const server = await startServer({
    dataDir: base,
    env: { PROCMAP_BACKUP_EVERY_MS: '100', PROCMAP_LOG: 'info' },
  });
  servers.push(server);
  map = await createMap(server, { title: 'Damaged later' });
  const client = connectClient(server.wsUrl, map.id, map.editToken, { wantSaved: true });
  clients.push(client);
  await whenSynced(client);
  for (let i = 0; i < EDITS - TAIL; i++) {
    addComment(client.doc, i, EDIT_BYTES);
    if (i % 10 === 9) await waitFor(() => client.isSaved(), `edits up to ${i} to be saved`, BOUND);
    if (i === FIRST_HALF - 1) {
      // A backup started after the first half was saved holds all of it. (Rounds with nothing
      // new are skipped, so one more edit, saved after this moment, makes sure one comes.)
      const savedAt = Date.now();
      client.doc.getMap('meta').set('title', 'Damaged later, first half saved');
      await waitFor(() => client.isSaved(), 'the marker edit to be saved', BOUND);
      await waitFor(
        () => listBackups(join(base, DB)).some((b) => b.takenAt.getTime() > savedAt),
        'a backup of the first half',
        BOUND,
      ).catch((error: Error) => {
        const backups = server.log().match(/^.*backup.*$/gm) ?? [];
        throw new Error(`${error.message}; the last backups:\n${backups.slice(-5).join('\n')}`);
      });
    }
  }
  for (let i = EDITS - TAIL; i < EDITS; i++) {
    addComment(client.doc, i, 100);
    await waitFor(() => client.isSaved(), `edit ${i} to be saved`, BOUND);
  }
  expect(server.log()).toMatch(/info backup file=\S+backups\/procmap-\S+\.sqlite ms=\d+/);
  await server.kill('SIGKILL');
  client.destroy();
  acknowledged = commentIds(client.doc);
  fullState = Y.encodeStateAsUpdate(client.doc);
  expect(acknowledged).toHaveLength(EDITS);
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
  for (const dir of dirs) removeDataDir(dir);
});

/** A copy of the killed server's data folder. */
function copyOfBase(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  cpSync(base, dir, { recursive: true });
  return dir;
}

/** Reads a write-ahead log's frames: where each starts and whether it ends a commit. */
function walFrames(wal: Buffer) {
  const pageSize = wal.readUInt32BE(8);
  const salt = wal.subarray(16, 24);
  const frames: { offset: number; commit: boolean }[] = [];
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    // Frames of the log's current generation carry its salt; older ones may follow them.
    if (!wal.subarray(offset + 8, offset + 16).equals(salt)) break;
    frames.push({ offset, commit: wal.readUInt32BE(offset + 4) !== 0 });
  }
  return { pageSize, frames, commits: frames.filter((f) => f.commit) };
}

/** The offset just after the middle commit of the log: damage there loses the later commits. */
function middleOfLog(dir: string) {
  const wal = readFileSync(join(dir, `${DB}-wal`));
  const { pageSize, commits } = walFrames(wal);
  expect(commits.length, 'commits in the write-ahead log').toBeGreaterThanOrEqual(4);
  const middle = commits[Math.floor(commits.length / 2)]!;
  return { wal, pageSize, cut: middle.offset + 24 + pageSize };
}

/** A deterministic stream of bytes that is nothing SQLite wrote. */
function garbage(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

const damage: Record<string, (dir: string) => void> = {
  'garbage in the write-ahead log': (dir) => {
    const { wal, pageSize, cut } = middleOfLog(dir);
    garbage(2 * (24 + pageSize), 7).copy(wal, cut);
    writeFileSync(join(dir, `${DB}-wal`), wal);
  },
  'the write-ahead log cut short': (dir) => {
    const { cut } = middleOfLog(dir);
    truncateSync(join(dir, `${DB}-wal`), cut);
  },
  '200 garbage pages in the middle of the database': (dir) => {
    const file = join(dir, DB);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    expect(pages, 'pages in the database file').toBeGreaterThan(400);
    const first = Math.floor(pages / 4);
    garbage(200 * pageSize, 11).copy(bytes, first * pageSize);
    writeFileSync(file, bytes);
  },
  'the database emptied to 0 bytes': (dir) => truncateSync(join(dir, DB), 0),
};

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Starts the server; resolves to its refusal (exit code and stderr) or the running server. */
async function startOrRefusal(dataDir: string) {
  try {
    const server = await startServer({ dataDir });
    servers.push(server);
    return { server };
  } catch (error) {
    const message = (error as Error).message;
    const code = Number(message.match(/server exited with (\d+)/)?.[1] ?? Number.NaN);
    return { refusal: { code, stderr: message } };
  }
}

/** The ids of the map's comments as a new stock client receives them. */
async function commentsServed(server: ServerProcess): Promise<string[]> {
  const reader = connectClient(server.wsUrl, map.id, map.editToken);
  clients.push(reader);
  await waitFor(() => reader.provider.synced, 'the map to be served', BOUND);
  const ids = commentIds(reader.doc);
  reader.destroy();
  return ids;
}

/** What a server that started on a damaged store serves of the map, for the failure message. */
async function whatIsServed(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/maps/${map.id}?token=${map.editToken}`);
  if (res.status !== 200) return `the map answers ${res.status}`;
  return `the map has ${(await commentsServed(server)).length} of the ${EDITS} saved edits`;
}

describe.concurrent('a damaged store', () => {
  it('an undamaged copy of the killed store starts with every acknowledged edit', {
    timeout: 60_000,
  }, async () => {
    const started = await startOrRefusal(copyOfBase());
    expect(started.refusal?.stderr).toBeUndefined();
    expect(await commentsServed(started.server!)).toEqual(acknowledged);
  });

  it.each(Object.keys(damage))(
    '%s: refused, then recovered by the printed command',
    {
      timeout: 60_000,
    },
    async (how) => {
      const dir = copyOfBase();
      damage[how]!(dir);
      const damagedHash = sha(join(dir, DB));

      const started = await startOrRefusal(dir);
      if (started.server) {
        throw new Error(`started on a damaged store: ${await whatIsServed(started.server)}`);
      }
      const { code, stderr } = started.refusal!;
      expect(code).toBe(3);
      expect(stderr).toContain(`the data store ${join(dir, DB)} is damaged`);
      const command = stderr.match(/^ {4}(PROCMAP_DATA=.* --recover)$/m)?.[1];
      expect(command, stderr).toBeDefined();

      // Bounded, so a command that starts a server instead fails here rather than hangs.
      const recovery = spawnSync('sh', ['-c', command!], {
        encoding: 'utf8',
        cwd: '/',
        timeout: 20_000,
      });
      expect(recovery.status, recovery.stdout + recovery.stderr).toBe(0);
      expect(recovery.stdout).toMatch(/Moved the damaged files to \S+damaged-/);
      expect(recovery.stdout).toMatch(
        /Restored the backup|Kept what the damaged store still holds/,
      );
      const [aside] = readdirSync(dir).filter((name) => name.startsWith('damaged-'));
      expect(sha(join(dir, aside!, DB)), 'the damaged file is kept as it was').toBe(damagedHash);

      const server = (await startOrRefusal(dir)).server;
      expect(server, 'starts after recovery').toBeDefined();
      const served = await commentsServed(server!);
      expect(served.length).toBeGreaterThanOrEqual(FIRST_HALF);
      expect(served).toEqual(acknowledged.slice(0, served.length));

      // An editor still holding everything sends what the store lost when it reconnects.
      const editor = connectClient(server!.wsUrl, map.id, map.editToken, { wantSaved: true });
      clients.push(editor);
      Y.applyUpdate(editor.doc, fullState);
      await waitFor(() => editor.isSaved(), 'the editor to save what it holds', BOUND);
      editor.destroy();
      expect(await commentsServed(server!)).toEqual(acknowledged);
    },
  );

  it('the recovery command leaves a sound store alone', () => {
    const dir = copyOfBase();
    const before = sha(join(dir, DB));
    const recovery = spawnSync(
      process.execPath,
      [join(import.meta.dirname, '..', 'bin', 'procmap-server.js'), '--recover'],
      { encoding: 'utf8', env: { ...process.env, PROCMAP_DATA: dir }, timeout: 20_000 },
    );
    expect(recovery.status).toBe(0);
    expect(recovery.stdout).toContain('passes the integrity check: nothing to recover');
    expect(sha(join(dir, DB))).toBe(before);
    expect(existsSync(join(dir, `${DB}-wal`))).toBe(true);
    expect(statSync(join(dir, `${DB}-wal`)).size).toBeGreaterThan(0);
  });
});
