// The export thread: renders SVG, PDF, CSV and reports off the server's main thread, so a big
// map's PDF never holds up the sync socket. It runs the TypeScript sources through tsx, like
// the server itself.
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
const { renderJob } = await import('./export-routes.ts');
const { readExportFonts } = await import('./export-fonts.ts');

parentPort.on('message', async ({ id, job }) => {
  try {
    const rendered = await renderJob(job, readExportFonts);
    parentPort.postMessage({ id, ok: true, rendered }, [rendered.body.buffer]);
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort.postMessage({ ready: true });
