import { Worker } from 'node:worker_threads';
import type { Imported } from '@procmap/interop';
import type { ImportJob } from './run-import';

/*
 * The import thread, started on the first import and kept: parsing a large file is CPU work
 * (half a second or more for a 1 MB spreadsheet, ten seconds or more at the limit), and on the
 * main thread it would stall every map's sync. Imports run one at a time, in the order they came; a thread that dies fails its
 * imports and is replaced on the next one. (The export threads are export-pool.ts's.)
 */

type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly imported: Imported }
  | { readonly id: number; readonly ok: false; readonly message: string };

interface Pending {
  resolve(imported: Imported): void;
  reject(error: Error): void;
}

export class ImportThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(new URL('./import-thread.mjs', import.meta.url));
    started.unref(); // an idle import thread never keeps the server from exiting
    started.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.imported);
      else job.reject(new Error(reply.message));
    });
    started.on('error', (error) => this.failAll(error));
    started.on('exit', (code) => {
      if (this.worker === started)
        this.failAll(new Error(`the import thread stopped (exit code ${code})`));
    });
    this.worker = started;
    return started;
  }

  /** Imports a file on this thread. */
  run(job: ImportJob): Promise<Imported> {
    const id = ++this.nextId;
    return new Promise<Imported>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, job });
    });
  }
}
