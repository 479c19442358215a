/*
 * The storage thread: opens SqliteStorage (after its integrity check), answers the calls
 * WorkerStorage posts, and writes a rolling backup on a timer, reporting each one.
 */
import type { MessagePort } from 'node:worker_threads';
import { StorageError } from './adapter';
import { SqliteStorage } from './sqlite-storage';
import { StoreDamagedError } from './store-damaged';
import type {
  SerializedError,
  StorageReply,
  StorageRequest,
  StorageWorkerData,
} from './worker-protocol';

const serialize = (error: unknown): SerializedError => {
  if (error instanceof StorageError)
    return { name: error.name, message: error.message, code: error.code };
  if (error instanceof StoreDamagedError) {
    const { name, message, path, reason } = error;
    return { name, message, path, reason };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? { name: error.name, message: error.message, code }
      : { name: error.name, message: error.message };
  }
  return { name: 'Error', message: String(error) };
};

/** Opens the SQLite file on this thread and answers storage calls, one at a time, in order. */
export function serveStorage(port: MessagePort | null, data: StorageWorkerData): void {
  if (!port) throw new Error('serveStorage must run on a worker thread');
  const post = (reply: StorageReply) => port.postMessage(reply);
  let storage: SqliteStorage;
  const started = performance.now();
  try {
    storage = SqliteStorage.open(data.path, { maxBytes: data.maxBytes });
  } catch (error) {
    post({ type: 'open-failed', error: serialize(error) });
    return;
  }
  const checkMs = Math.round(performance.now() - started);

  let closing = false;
  let timer: NodeJS.Timeout | undefined;
  const everyMs = data.backupEveryMs ?? 0;
  const backUp = async () => {
    try {
      const result = await storage.backup();
      if (result) post({ type: 'backup', report: { ok: true, ...result } });
    } catch (error) {
      if (!closing) post({ type: 'backup', report: { ok: false, error: serialize(error) } });
    }
    if (!closing) timer = setTimeout(backUp, everyMs);
  };
  if (everyMs > 0) timer = setTimeout(backUp, everyMs);

  port.on('message', async (request: StorageRequest) => {
    if (request.method === 'close') {
      closing = true;
      clearTimeout(timer);
    }
    try {
      const method = storage[request.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await method.apply(storage, request.args as unknown[]);
      post({ type: 'result', id: request.id, value });
    } catch (error) {
      post({ type: 'error', id: request.id, error: serialize(error) });
    }
  });
  storage.commits().then(
    (commits) => post({ type: 'ready', commits, checkMs }),
    (error) => post({ type: 'open-failed', error: serialize(error) }),
  );
}
