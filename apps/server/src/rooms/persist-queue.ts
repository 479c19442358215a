import type { StorageAdapter } from '../storage/adapter';

/*
 * Group commit: updates queue up while one write is on its way to disk, and for the commit gap
 * after it (COMMIT_GAP_MS), then go together in the next. Each batch carries the document's
 * state vector at the moment it was cut, so when a write completes we know exactly what is
 * durable and can tell clients "saved" truthfully. A failed write keeps its updates queued and
 * is retried: nothing is dropped while the room is alive. A flush writes at once.
 */

export interface PersistEvents {
  /**
   * After a durable write: the state vector now on disk, the log's last sequence number, and
   * how many updates pushed so far are stored (every push up to that count).
   */
  saved(stateVector: Uint8Array, lastSeq: number, storedPushes: number): void;
  /** A write failed; `before`: how many had failed in a row before this one. */
  failed(error: unknown, before: number): void;
  /** A write took `seconds` for `updates` updates (for the metrics). */
  written?(seconds: number, updates: number): void;
}

/** The longest wait between retries of a failed write. */
const MAX_RETRY_MS = 5000;

/**
 * The least time between the starts of two writes of one room. An update after a quiet spell
 * is written at once (its "saved" follows in milliseconds); while people keep editing, their
 * updates gather and go in one commit a second. Each commit costs the store a sync to disk and
 * the server a round trip to its writer, so a room being edited costs a sync a second, not one
 * per keystroke. Nothing is acknowledged before it is stored, and clients keep what is not.
 */
export const COMMIT_GAP_MS = 1000;

export class PersistQueue {
  private queue: Uint8Array[] = [];
  private writing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Ends the wait for the commit gap at once (a flush does not wait). */
  private endGather: (() => void) | undefined;
  /** When the last write started (performance.now()). */
  private lastWriteAt = Number.NEGATIVE_INFINITY;
  /** Updates pushed so far, ever: the number of the last one pushed. */
  private pushed = 0;
  /** Writes failed in a row (the retry backs off). */
  private failures = 0;

  constructor(
    private readonly storage: StorageAdapter,
    private readonly mapId: string,
    private readonly events: PersistEvents,
    /** The document's state vector now: taken when a batch is cut, it covers the batch. */
    private readonly stateVector: () => Uint8Array,
    private readonly retryMs = 500,
    /** The least time between the starts of two writes (see COMMIT_GAP_MS). */
    private readonly commitGapMs = COMMIT_GAP_MS,
  ) {}

  /** Updates pushed so far, ever (the number of the last one). */
  get pushedCount(): number {
    return this.pushed;
  }

  /** Nothing queued, nothing being written, no retry waiting: everything pushed is stored. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.writing && !this.retryTimer;
  }

  /** Updates not yet on disk. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Queues an update (already applied to the document) and starts a write if none is running.
   * Returns its number among every update pushed (1, 2, …): `saved` says how far they are stored.
   */
  push(update: Uint8Array): number {
    if (this.stopped) return this.pushed; // dropped: nothing more is written
    this.queue.push(update);
    this.kick();
    this.pushed += 1;
    return this.pushed;
  }

  /** Resolves once everything queued so far is on disk; rejects if a write fails. */
  async flush(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer); // retry now rather than after the back-off
      this.retryTimer = undefined;
    }
    for (;;) {
      this.endGather?.();
      if (this.writing) {
        await this.writing;
        if (this.retryTimer) throw new Error(`could not save map ${this.mapId}`);
        continue;
      }
      if (this.queue.length === 0 || this.stopped) return;
      this.kick();
    }
  }

  /** Drops what is queued and stops: the map is gone from storage (deleted elsewhere). */
  discard(): void {
    this.queue = [];
    this.stop();
  }

  /** Stops writing and retrying (the room is being dropped). */
  stop(): void {
    this.stopped = true;
    this.endGather?.();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private kick(): void {
    if (this.writing || this.retryTimer || this.stopped || this.queue.length === 0) return;
    // Start on the next turn of the event loop at the soonest, not now: every update that
    // arrives in this turn then goes into the same commit (SQLite answers synchronously, so
    // starting at once would hold up the relay of each); and not within the commit gap of the
    // last write, so updates that keep coming share a commit.
    const wait = this.lastWriteAt + this.commitGapMs - performance.now();
    this.writing = new Promise<void>((resolve) => {
      if (wait <= 0) {
        setImmediate(resolve);
        return;
      }
      const timer = setTimeout(() => this.endGather?.(), wait);
      this.endGather = () => {
        clearTimeout(timer);
        this.endGather = undefined;
        resolve();
      };
    })
      .then(() => this.writeBatch())
      .finally(() => {
        this.writing = undefined;
        this.kick(); // updates pushed while the last batch was finishing
      });
  }

  /** Writes what is queued as one batch; what arrives meanwhile waits for the next (kick). */
  private async writeBatch(): Promise<void> {
    if (this.queue.length === 0 || this.stopped) return;
    this.lastWriteAt = performance.now();
    const batch = this.queue;
    this.queue = [];
    const through = this.pushed;
    // Everything applied so far is in this batch or already stored, so the state vector of
    // the document right now is exactly what will be on disk when the write returns.
    const stateVector = this.stateVector();
    try {
      const started = performance.now();
      const lastSeq = await this.storage.appendUpdates(this.mapId, batch);
      this.events.written?.((performance.now() - started) / 1000, batch.length);
      this.failures = 0;
      this.events.saved(stateVector, lastSeq, through);
    } catch (error) {
      this.queue = [...batch, ...this.queue];
      this.events.failed(error, this.failures);
      if (!this.stopped) {
        // Soon at first, then less often while the store stays away (at most every 5 s).
        const wait = Math.min(this.retryMs * 2 ** Math.min(this.failures, 4), MAX_RETRY_MS);
        this.failures++;
        this.retryTimer = setTimeout(() => {
          this.retryTimer = undefined;
          // The back-off was the pause: a retry does not wait for the commit gap as well.
          this.lastWriteAt = Number.NEGATIVE_INFINITY;
          this.kick();
        }, wait);
      }
    }
  }
}
