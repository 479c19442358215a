import { Worker } from 'node:worker_threads';
import type { ExportJob, RenderedExport } from './export-routes';

/*
 * One export thread, started on the first export and kept: jobs queue in it one at a time, so
 * however many people download a report at once the server's main thread (and everyone's sync)
 * is never the one doing the drawing. A thread that dies fails its jobs and is replaced next time.
 */

type Reply =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly rendered: RenderedExport }
  | { readonly id: number; readonly ok: false; readonly message: string };

interface Pending {
  resolve(rendered: RenderedExport): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error): void {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
  worker = undefined;
}

function thread(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./export-thread.mjs', import.meta.url));
  started.unref(); // an idle export thread never keeps the server from exiting
  started.on('message', (reply: Reply) => {
    if ('ready' in reply) return;
    const job = pending.get(reply.id);
    if (!job) return;
    pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.rendered);
    else job.reject(new Error(reply.message));
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`the export thread stopped (exit code ${code})`));
  });
  worker = started;
  return started;
}

/** Renders an export on the export thread. */
export function renderOnThread(job: ExportJob): Promise<RenderedExport> {
  const id = ++nextId;
  return new Promise<RenderedExport>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread().postMessage({ id, job });
  });
}
