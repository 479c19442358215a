import type { MessagePort } from 'node:worker_threads';
import { StorageError } from './adapter';
import { SqliteStorage } from './sqlite-storage';
import type { SerializedError, StorageReply, StorageRequest } from './worker-protocol';

const serialize = (error: unknown): SerializedError => {
  if (error instanceof StorageError)
    return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
};

/** Opens the SQLite file on this thread and answers storage calls, one at a time, in order. */
export function serveStorage(port: MessagePort | null, path: string): void {
  if (!port) throw new Error('serveStorage must run on a worker thread');
  let storage: SqliteStorage;
  try {
    storage = SqliteStorage.open(path);
  } catch (error) {
    port.postMessage({ type: 'open-failed', error: serialize(error) } satisfies StorageReply);
    return;
  }
  port.on('message', async (request: StorageRequest) => {
    try {
      const method = storage[request.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await method.apply(storage, request.args as unknown[]);
      port.postMessage({ type: 'result', id: request.id, value } satisfies StorageReply);
    } catch (error) {
      port.postMessage({
        type: 'error',
        id: request.id,
        error: serialize(error),
      } satisfies StorageReply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies StorageReply);
}
