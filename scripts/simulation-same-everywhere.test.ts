import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { simulate } from '@procmap/simulation';
import { describe, expect, it } from 'vitest';

/*
 * The same seed gives the same numbers wherever the simulation runs: here in this process and in
 * a Node worker thread (the CLI's own test compares two processes; the browser spec compares
 * the editor's worker with Node).
 */

const map = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', 'examples', 'hospital-discharge.procmap.json'),
    'utf8',
  ),
);
const options = { cases: 1500, replications: 3, warmup: 200, seed: 42 };

function inWorker(seedOptions: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(import.meta.dirname, 'test-support', 'simulate-in-worker.mjs'), {
      workerData: { map, options: seedOptions },
    });
    worker.once('message', (m) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

describe('the same seed everywhere', () => {
  it('gives a Node worker thread the same numbers as this process, and another seed others', async () => {
    const here = simulate(map, options);
    expect(here.ok).toBe(true);
    expect(await inWorker(options)).toEqual(here);
    const other = (await inWorker({ ...options, seed: 43 })) as typeof here;
    if (!other.ok || !here.ok) throw new Error('cannot simulate');
    expect(other.result.leadTime.mean).not.toBe(here.result.leadTime.mean);
  });
});
