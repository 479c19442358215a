import type { ExportLimits } from '../config';
import { ExportThread } from './export-pool';
import type { ExportJob, ExportKind, RenderedExport } from './export-routes';
import { HttpError } from './respond';

/*
 * Who waits for which export. Two lanes, each with its own thread: SVG, CSV and BPMN (quick) and
 * PDF and report (slow), so a picture never waits behind someone's queue of reports. In each
 * lane, jobs run one at a time in the order they were admitted, and a lane admits at most
 * `perClient` jobs (waiting or running) per client — its address and the token it exports
 * with — `perMap` per map and `queue` in all. Past a bound the answer is 429 with Retry-After,
 * estimated from how long the lane's recent jobs took.
 */

export type LaneName = 'quick' | 'slow';

export const laneOf = (kind: ExportKind): LaneName =>
  kind === 'export.svg' || kind === 'export.csv' || kind === 'export.bpmn' ? 'quick' : 'slow';

const WHAT: Record<LaneName, string> = {
  quick: 'SVG, CSV or BPMN exports',
  slow: 'PDF exports or reports',
};

/** A place in a lane, held from admission until the job is done or given back. */
export interface ExportSlot {
  /** Queues the job; resolves when it is rendered. */
  run(job: ExportJob): Promise<RenderedExport>;
  /** Gives the place back: before running (the request failed), or while waiting (its client left). */
  release(): void;
}

interface Entry {
  readonly client: string;
  readonly map: string;
  state: 'reserved' | 'waiting' | 'running' | 'done';
  job?: ExportJob;
  resolve?: (rendered: RenderedExport) => void;
  reject?: (error: Error) => void;
}

/** The first estimate of a job's time, before the lane has run one. */
const FIRST_GUESS_MS = 2000;
const MAX_RETRY_AFTER_S = 600;

class Lane {
  /** Admitted jobs, oldest first: the running one, then those waiting or still being prepared. */
  private readonly entries: Entry[] = [];
  private busy = false;
  private averageMs = FIRST_GUESS_MS;

  constructor(
    private readonly name: LaneName,
    private readonly limits: ExportLimits,
    private readonly thread: ExportThread,
  ) {}

  reserve(client: string, map: string): ExportSlot {
    this.check((e) => e.client === client, this.limits.perClient, 'you already have');
    this.check((e) => e.map === map, this.limits.perMap, 'this map already has');
    this.check(() => true, this.limits.queue, 'the server already has');
    const entry: Entry = { client, map, state: 'reserved' };
    this.entries.push(entry);
    return {
      run: (job) =>
        new Promise<RenderedExport>((resolve, reject) => {
          if (entry.state !== 'reserved') {
            reject(new HttpError('export-cancelled', 'the export was cancelled'));
            return;
          }
          Object.assign(entry, { state: 'waiting', job, resolve, reject });
          this.pump();
        }),
      release: () => {
        if (entry.state !== 'reserved' && entry.state !== 'waiting') return;
        entry.reject?.(new HttpError('export-cancelled', 'the export was cancelled'));
        this.remove(entry);
      },
    };
  }

  /** Refuses (429) when `matches` already counts `limit` admitted jobs. */
  private check(matches: (entry: Entry) => boolean, limit: number, who: string): void {
    const mine = this.entries.filter(matches);
    if (mine.length < limit) return;
    // A place frees up when the first of these is done: it waits for everything before it.
    const ahead = this.entries.indexOf(mine[0] as Entry) + 1;
    const seconds = Math.min(
      MAX_RETRY_AFTER_S,
      Math.max(1, Math.ceil((ahead * this.averageMs) / 1000)),
    );
    throw new HttpError(
      'too-many-exports',
      `${who} ${mine.length} ${WHAT[this.name]} waiting or running: try again in ${seconds} s`,
      undefined,
      { 'retry-after': String(seconds) },
    );
  }

  private remove(entry: Entry): void {
    entry.state = 'done';
    const at = this.entries.indexOf(entry);
    if (at >= 0) this.entries.splice(at, 1);
  }

  /** Starts the oldest waiting job when the lane's thread is free. */
  private pump(): void {
    if (this.busy) return;
    const next = this.entries.find((e) => e.state === 'waiting');
    if (!next?.job) return;
    this.busy = true;
    next.state = 'running';
    const started = performance.now();
    this.thread.render(next.job).then(
      (rendered) => this.finish(next, started, () => next.resolve?.(rendered)),
      (error: Error) => this.finish(next, started, () => next.reject?.(error)),
    );
  }

  private finish(entry: Entry, started: number, settle: () => void): void {
    // A moving average: the last few jobs say how long the next ones will take.
    this.averageMs = 0.7 * this.averageMs + 0.3 * (performance.now() - started);
    this.remove(entry);
    this.busy = false;
    settle();
    this.pump();
  }
}

/** The export lanes of one server. */
export class ExportQueue {
  private readonly lanes: Record<LaneName, Lane>;

  constructor(limits: ExportLimits) {
    this.lanes = {
      quick: new Lane('quick', limits, new ExportThread()),
      slow: new Lane('slow', limits, new ExportThread()),
    };
  }

  /** A place for an export of `kind` of `map` by `client`; throws 429 past a bound. */
  reserve(kind: ExportKind, client: string, map: string): ExportSlot {
    return this.lanes[laneOf(kind)].reserve(client, map);
  }
}
