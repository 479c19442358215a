import { Worker } from 'node:worker_threads';
import type { ExportJob, RenderedExport } from './export-routes';

/*
 * An export thread, started on its first job and kept, so the server's main thread (and
 * everyone's sync) is never the one drawing. The export queue (export-queue.ts) hands each
 * thread one job at a time. A thread that dies fails its job and is replaced on the next one.
 */

type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly rendered: RenderedExport }
  | { readonly id: number; readonly ok: false; readonly message: string };

interface Pending {
  resolve(rendered: RenderedExport): void;
  reject(error: Error): void;
}

export class ExportThread {
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
    const started = new Worker(new URL('./export-thread.mjs', import.meta.url));
    started.unref(); // an idle export thread never keeps the server from exiting
    started.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok) job.resolve(reply.rendered);
      else job.reject(new Error(reply.message));
    });
    started.on('error', (error) => this.failAll(error));
    started.on('exit', (code) => {
      if (this.worker === started)
        this.failAll(new Error(`the export thread stopped (exit code ${code})`));
    });
    this.worker = started;
    return started;
  }

  /** Renders an export on this thread. */
  render(job: ExportJob): Promise<RenderedExport> {
    const id = ++this.nextId;
    return new Promise<RenderedExport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, job });
    });
  }
}
