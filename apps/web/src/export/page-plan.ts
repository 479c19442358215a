import type { ProcessMap } from '@procmap/model';
import type { ExportReply, ExportSettings, PagePlan } from './export-protocol';

/*
 * Counting a PDF's pages before it is made: the export worker builds the same scene and splits
 * it into pages, without writing the file. One worker serves the dialog while it is open; a
 * newer question makes the older answer moot.
 */

/** Asks the export worker how many pages a PDF will have. */
export class PagePlanner {
  private worker: Worker | undefined;
  private nextId = 0;
  private pending = new Map<number, (plan: PagePlan | null) => void>();

  /** The plan for these settings, or null when it could not be worked out. */
  plan(map: ProcessMap, settings: ExportSettings): Promise<PagePlan | null> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, kind: 'plan', map, settings, date: '' });
    });
  }

  /** Stops the worker; unanswered questions get null. */
  close(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./export.worker.ts', import.meta.url), {
      type: 'module',
      name: 'export-pages',
    });
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') return;
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      resolve?.(reply.kind === 'plan' ? reply.plan : null);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.close();
    };
    this.worker = worker;
    return worker;
  }
}

/** The sentence the dialog shows about a PDF's pages. */
export function describePlan(plan: PagePlan, settings: Pick<ExportSettings, 'page' | 'landscape'>) {
  const paper = `${settings.page} ${settings.landscape ? 'landscape' : 'portrait'}`;
  const pt = (v: number) => `${Math.round(v * 10) / 10} pt`;
  if (plan.pages === 1) {
    return plan.smallestName >= 8
      ? `1 page (${paper}); names print at ${pt(plan.smallestName)} or larger.`
      : `1 page (${paper}), but its names print at ${pt(plan.smallestName)}: too small to read. “Readable size” tiles it instead.`;
  }
  return `${plan.pages} pages (${paper}), each labelled with its row and column; names print at ${pt(plan.smallestName)} or larger.`;
}
