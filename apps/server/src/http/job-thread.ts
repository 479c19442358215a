import { Worker } from 'node:worker_threads';

/*
 * A worker thread that runs jobs off the server's main thread (exports, imports), started on
 * its first job and kept. Jobs are posted as `{ id, job }`; the thread answers
 * `{ id, ok: true, [resultKey]: result }` or `{ id, ok: false, message }` (and `{ ready }` once).
 * A thread that dies fails its pending jobs and is replaced on the next one.
 */

type Reply = { readonly ready: true } | ({ readonly id: number } & Record<string, unknown>);

interface Pending<Result> {
  resolve(result: Result): void;
  reject(error: Error): void;
}

export class JobThread<Job, Result> {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending<Result>>();

  /**
   * @param script the thread's entry file
   * @param what what the thread does, for the error when it stops ("export", "import")
   * @param resultKey the key of a successful reply holding the result
   */
  constructor(
    private readonly script: URL,
    private readonly what: string,
    private readonly resultKey: string,
  ) {}

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const started = new Worker(this.script);
    started.unref(); // an idle thread never keeps the server from exiting
    started.on('message', (reply: Reply) => {
      if ('ready' in reply) return;
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.ok === true) job.resolve(reply[this.resultKey] as Result);
      else job.reject(new Error(String(reply.message)));
    });
    started.on('error', (error) => this.failAll(error));
    started.on('exit', (code) => {
      if (this.worker === started)
        this.failAll(new Error(`the ${this.what} thread stopped (exit code ${code})`));
    });
    this.worker = started;
    return started;
  }

  /** Runs one job on this thread. */
  run(job: Job): Promise<Result> {
    const id = ++this.nextId;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, job });
    });
  }
}
