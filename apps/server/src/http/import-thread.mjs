// The import thread: reads BPMN, CSV and draw.io files off the server's main thread, so a big
// spreadsheet (ten seconds or more at 10 MB) never holds up anyone's sync. It runs the TypeScript
// sources through tsx, like the server itself.
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { runImport } = await import('./run-import.ts');

parentPort.on('message', async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, ok: true, imported: await runImport(job) });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort.postMessage({ ready: true });
