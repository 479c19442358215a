// Runs SqliteStorage on a worker thread (see worker-storage.ts). Plain JavaScript, so the thread
// can start without a TypeScript loader; it registers one for the module it then imports.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveStorage } = await import('./sqlite-worker-main.ts');
serveStorage(parentPort, workerData);
