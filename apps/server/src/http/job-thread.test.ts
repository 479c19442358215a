import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JobThread } from './job-thread';

// A thread that doubles numbers, refuses negatives and stops dead on "exit".
const SCRIPT = `
import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id, job }) => {
  if (job === 'exit') process.exit(3);
  if (job < 0) parentPort.postMessage({ id, ok: false, message: 'negative: ' + job });
  else parentPort.postMessage({ id, ok: true, doubled: job * 2 });
});
`;

function script(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'job-thread-'));
  const file = join(dir, 'double.mjs');
  writeFileSync(file, SCRIPT);
  return pathToFileURL(file);
}

describe('JobThread', () => {
  it('answers each job with its result or its refusal, in any order of arrival', async () => {
    const thread = new JobThread<number | string, number>(script(), 'test', 'doubled');
    const [a, b] = await Promise.all([thread.run(2), thread.run(21)]);
    expect([a, b]).toEqual([4, 42]);
    await expect(thread.run(-1)).rejects.toThrow('negative: -1');
  });

  it('fails the jobs of a thread that dies, naming it, and starts a new one for the next', async () => {
    const thread = new JobThread<number | string, number>(script(), 'test', 'doubled');
    await expect(thread.run('exit')).rejects.toThrow('the test thread stopped (exit code 3)');
    expect(await thread.run(5)).toBe(10);
  });
});
