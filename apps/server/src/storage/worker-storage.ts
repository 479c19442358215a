/*
 * The storage the running server uses: SqliteStorage on a worker thread (see the class below).
 */
import { Worker } from 'node:worker_threads';
import {
  type MapRecord,
  type MapSummary,
  type StorageAdapter,
  StorageError,
  type StoredState,
} from './adapter';
import { StoreDamagedError } from './store-damaged';
import type {
  BackupReport,
  SerializedError,
  StorageMethod,
  StorageReply,
  StorageWorkerData,
} from './worker-protocol';

/** An error from the storage thread as the class it was thrown as, code included. */
const revive = (error: SerializedError): Error => {
  if (error.name === 'StorageError' && error.code) {
    return new StorageError(error.code as StorageError['code'], error.message);
  }
  if (error.name === 'StoreDamagedError' && error.path !== undefined) {
    return new StoreDamagedError(error.path, error.reason ?? error.message);
  }
  const revived = new Error(error.message) as Error & { code?: string };
  revived.name = error.name;
  if (error.code) revived.code = error.code;
  return revived;
};

export interface WorkerStorageOptions {
  /** The most the database may grow to, in bytes (PRAGMA max_page_count); unset: no limit. */
  readonly maxBytes?: number;
  /** Write a rolling backup this often, in milliseconds; 0 or unset: never. */
  readonly backupEveryMs?: number;
  /** Hears of every backup written, or failed, on the storage thread. */
  readonly onBackup?: (event: BackupEvent) => void;
}

/** A backup the storage thread wrote (file, milliseconds, bytes, commit), or why it failed. */
export type BackupEvent = Extract<BackupReport, { ok: true }> | { ok: false; error: Error };

/**
 * SqliteStorage on its own thread. better-sqlite3 is synchronous, so on the main thread every
 * commit's fsync would stall the event loop that relays everyone's edits; here the main thread
 * only posts messages. Calls are answered in order; durability is SqliteStorage's (WAL,
 * synchronous=FULL): a resolved append is on disk. Errors arrive as the class they were thrown
 * as (a StorageError keeps its code, 'disk-full' included). Rolling backups run on the thread.
 */
export class WorkerStorage implements StorageAdapter {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    /** The commit counter when the store was opened. */
    readonly commitsAtOpen: number,
    /** How long opening took, integrity check included (ms). */
    readonly checkMs: number,
    onBackup: WorkerStorageOptions['onBackup'],
  ) {
    worker.on('message', (reply: StorageReply) => {
      if (reply.type === 'backup') {
        const { report } = reply;
        onBackup?.(report.ok ? report : { ok: false, error: revive(report.error) });
        return;
      }
      if (reply.type !== 'result' && reply.type !== 'error') return;
      const call = this.waiting.get(reply.id);
      if (!call) return;
      this.waiting.delete(reply.id);
      if (reply.type === 'result') call.resolve(reply.value);
      else call.reject(revive(reply.error));
    });
    const failAll = (error: Error) => {
      this.closed = true;
      for (const call of this.waiting.values()) call.reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => failAll(error));
    worker.on('exit', () => failAll(new StorageError('closed', 'the storage thread has stopped')));
  }

  /**
   * Starts the thread and opens the file (after its integrity check); rejects with the reason
   * if it cannot be opened — StoreDamagedError for a store that must not be served.
   */
  static open(path: string, options: WorkerStorageOptions = {}): Promise<WorkerStorage> {
    const workerData: StorageWorkerData = {
      path,
      maxBytes: options.maxBytes,
      backupEveryMs: options.backupEveryMs,
    };
    const worker = new Worker(new URL('./sqlite-worker.mjs', import.meta.url), { workerData });
    return new Promise((resolve, reject) => {
      const onMessage = (reply: StorageReply) => {
        if (reply.type === 'ready') {
          worker.off('message', onMessage);
          worker.off('error', onError);
          resolve(new WorkerStorage(worker, reply.commits, reply.checkMs, options.onBackup));
        } else if (reply.type === 'open-failed') {
          worker.off('error', onError);
          void worker.terminate();
          reject(revive(reply.error));
        }
      };
      const onError = (error: Error) => reject(error);
      worker.on('message', onMessage);
      worker.once('error', onError);
    });
  }

  private call<T>(method: StorageMethod, ...args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new StorageError('closed', 'the storage is closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, method, args });
    });
  }

  createMap(record: MapRecord, initialUpdate: Uint8Array): Promise<void> {
    return this.call('createMap', record, initialUpdate);
  }

  getMap(id: string): Promise<MapRecord | undefined> {
    return this.call('getMap', id);
  }

  listMaps(): Promise<MapSummary[]> {
    return this.call('listMaps');
  }

  touchMap(
    id: string,
    fields: { readonly title?: string; readonly updatedAt: string },
  ): Promise<void> {
    return this.call('touchMap', id, fields);
  }

  deleteMap(id: string): Promise<boolean> {
    return this.call('deleteMap', id);
  }

  loadState(id: string): Promise<StoredState | undefined> {
    return this.call('loadState', id);
  }

  appendUpdates(id: string, updates: readonly Uint8Array[]): Promise<number> {
    return this.call('appendUpdates', id, updates.map(own));
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.call('compact', id, own(snapshot), throughSeq);
  }

  countUpdates(id: string): Promise<number> {
    return this.call('countUpdates', id);
  }

  /** Closes the file (checkpointing the WAL) and stops the thread; a second close does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.call('close');
    } finally {
      this.closed = true;
      await this.worker.terminate();
    }
  }
}

/**
 * The bytes as an array of their own. An update read off a socket is a view into a larger buffer
 * (the socket's read buffer), and posting a view to the thread copies its whole buffer: tens of
 * kilobytes per small edit.
 */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}
