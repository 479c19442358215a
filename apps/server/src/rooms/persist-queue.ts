import type { StorageAdapter } from '../storage/adapter';

/*
 * Group commit: updates queue up while one write is on its way to disk, then go together in the
 * next. Each entry carries the document's state vector after it, so when a write completes we
 * know exactly what is durable and can tell clients "saved" truthfully. A failed write keeps its
 * updates queued and is retried: nothing is dropped while the room is alive.
 */

interface Entry {
  readonly update: Uint8Array;
  readonly stateVector: Uint8Array;
}

export interface PersistEvents {
  /** After a durable write: the state vector now on disk, and the log's last sequence number. */
  saved(stateVector: Uint8Array, lastSeq: number): void;
  failed(error: unknown): void;
}

export class PersistQueue {
  private queue: Entry[] = [];
  private writing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly storage: StorageAdapter,
    private readonly mapId: string,
    private readonly events: PersistEvents,
    private readonly retryMs = 500,
  ) {}

  /** Updates not yet on disk. */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues an update and starts a write if none is running. */
  push(update: Uint8Array, stateVector: Uint8Array): void {
    this.queue.push({ update, stateVector });
    this.kick();
  }

  /** Resolves once everything queued so far is on disk; rejects if a write fails. */
  async flush(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer); // retry now rather than after the back-off
      this.retryTimer = undefined;
    }
    for (;;) {
      if (this.writing) {
        await this.writing;
        if (this.retryTimer) throw new Error(`could not save map ${this.mapId}`);
        continue;
      }
      if (this.queue.length === 0 || this.stopped) return;
      this.kick();
    }
  }

  /** Stops writing and retrying (the room is being dropped). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private kick(): void {
    if (this.writing || this.retryTimer || this.stopped || this.queue.length === 0) return;
    // Start on the next turn of the event loop, not now: every update that arrives in this turn
    // then goes into the same commit (SQLite answers synchronously, so starting at once would
    // cost one fsync per update and hold up the relay of each).
    this.writing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.writeBatches())
      .finally(() => {
        this.writing = undefined;
        this.kick(); // updates pushed while the last batch was finishing
      });
  }

  private async writeBatches(): Promise<void> {
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue;
      this.queue = [];
      try {
        const lastSeq = await this.storage.appendUpdates(
          this.mapId,
          batch.map((e) => e.update),
        );
        this.events.saved((batch[batch.length - 1] as Entry).stateVector, lastSeq);
      } catch (error) {
        this.queue = [...batch, ...this.queue];
        this.events.failed(error);
        if (!this.stopped) {
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.kick();
          }, this.retryMs);
        }
        return;
      }
    }
  }
}
