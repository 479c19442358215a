import { Worker } from 'node:worker_threads';
import {
  type MapRecord,
  type MapSummary,
  type StorageAdapter,
  StorageError,
  type StoredState,
} from './adapter';
import type { SerializedError, StorageMethod, StorageReply } from './worker-protocol';

const revive = (error: SerializedError): Error => {
  if (error.name === 'StorageError' && error.code) {
    return new StorageError(error.code as StorageError['code'], error.message);
  }
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
};

/**
 * SqliteStorage on its own thread. better-sqlite3 is synchronous, so on the main thread every
 * commit's fsync would stall the event loop that relays everyone's edits; here the main thread
 * only posts messages. Calls are answered in order; durability is SqliteStorage's (WAL,
 * synchronous=FULL): a resolved append is on disk.
 */
export class WorkerStorage implements StorageAdapter {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  private closed = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: StorageReply) => {
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

  /** Starts the thread and opens the file; rejects with the reason if it cannot be opened. */
  static open(path: string): Promise<WorkerStorage> {
    const worker = new Worker(new URL('./sqlite-worker.mjs', import.meta.url), {
      workerData: { path },
    });
    return new Promise((resolve, reject) => {
      const onMessage = (reply: StorageReply) => {
        if (reply.type === 'ready') {
          worker.off('message', onMessage);
          worker.off('error', onError);
          resolve(new WorkerStorage(worker));
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
    return this.call('appendUpdates', id, updates);
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    return this.call('compact', id, snapshot, throughSeq);
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
