import type { Imported } from '@procmap/interop';
import { JobThread } from './job-thread';
import type { ImportJob } from './run-import';

/*
 * The import thread, started on the first import and kept: parsing a large file is CPU work
 * (half a second or more for a 1 MB spreadsheet, ten seconds or more at the limit), and on the
 * main thread it would stall every map's sync. Imports run one at a time, in the order they
 * came; a thread that dies fails its imports and is replaced on the next one.
 */
export class ImportThread {
  private readonly thread = new JobThread<ImportJob, Imported>(
    new URL('./import-thread.mjs', import.meta.url),
    'import',
    'imported',
  );

  /** Imports a file on this thread. */
  run(job: ImportJob): Promise<Imported> {
    return this.thread.run(job);
  }
}
