import type { ExportJob, RenderedExport } from './export-routes';
import { JobThread } from './job-thread';

/*
 * An export thread, started on its first job and kept, so the server's main thread (and
 * everyone's sync) is never the one drawing. The export queue (export-queue.ts) hands each
 * thread one job at a time. A thread that dies fails its job and is replaced on the next one.
 */
export class ExportThread {
  private readonly thread = new JobThread<ExportJob, RenderedExport>(
    new URL('./export-thread.mjs', import.meta.url),
    'export',
    'rendered',
  );

  /** Renders an export on this thread. */
  render(job: ExportJob): Promise<RenderedExport> {
    return this.thread.run(job);
  }
}
