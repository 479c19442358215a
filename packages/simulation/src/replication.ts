import { KIND_CODE } from '@procmap/model';
import { EventQueue } from './event-queue';
import type { Model } from './inputs';
import { grown, TokenFifo } from './pools';
import { largest } from './quantiles';
import type { Random } from './random';
import { RunningStats } from './statistics';

/*
 * One replication: cases arrive, flow through the map and leave, event by event. Everything a
 * case carries lives in pools of typed arrays (a token per branch of a case in progress, a slot
 * per case in progress, a frame per parallel split awaiting its join), reused as cases finish:
 * memory grows with the cases in progress, not with the events. What the run reports is summed
 * as it happens; only the measured cases' lead times are kept, for the percentiles.
 *
 * Cases numbered below `warmup` warm the service up and are not measured; the next `cases` are.
 * Time-averaged figures (work in progress, utilisation, queue lengths) cover the window from the
 * first measured case's arrival to the arrival after the last measured one. Arrivals go on past
 * the measured cases until they have all finished, so the service stays as loaded while they do.
 */

/** What a token is waiting for in the event queue. */
const WAITED = 1;
const WORKED = 2;

/** Sums of one replication, read by the collector. */
export interface ReplicationTotals {
  readonly measured: number;
  readonly lead: RunningStats;
  /** Measured lead times, in no order; a view of the caller's buffer. */
  readonly leads: Float64Array;
  readonly leadMax: number;
  readonly window: number;
  readonly completionsInWindow: number;
  readonly wipArea: number;
  readonly stepVisits: Float64Array;
  readonly stepQueue: Float64Array;
  readonly stepProcess: Float64Array;
  readonly stepWait: Float64Array;
  readonly roleBusyArea: Float64Array;
  readonly roleQueueArea: Float64Array;
  readonly roleVisits: Float64Array;
  readonly roleQueue: Float64Array;
  readonly roleWork: Float64Array;
  readonly cost: number;
  readonly stuck: number;
  /** A step where stuck cases wait, or -1. */
  readonly stuckAt: number;
}

export class Replication {
  private readonly queue = new EventQueue();
  now = 0;
  events = 0;
  done = false;

  // Tokens: one per branch of a case in progress.
  private tokCase = new Int32Array(64);
  private tokStep = new Int32Array(64);
  private tokFrame = new Int32Array(64);
  private tokPhase = new Uint8Array(64);
  private tokReady = new Float64Array(64);
  private tokWork = new Float64Array(64);
  private tokFree: number[] = [];
  private tokCount = 0;

  // Cases in progress.
  private caseArrival = new Float64Array(64);
  private caseLive = new Int32Array(64);
  private caseMeasured = new Uint8Array(64);
  private caseFree: number[] = [];
  private caseCount = 0;

  // Parallel splits awaiting their join.
  private frameJoin = new Int32Array(16);
  private frameExpected = new Int32Array(16);
  private frameArrived = new Int32Array(16);
  private frameParent = new Int32Array(16);
  private frameFree: number[] = [];
  private frameCount = 0;

  private readonly busy: Int32Array;
  private readonly waiting: TokenFifo[];
  private readonly roleLast: Float64Array;
  private readonly batches: Map<number, number[]> = new Map();
  private readonly batchJobs: Map<number, { members: number[]; work: number; formed: number }> =
    new Map();

  private arrived = 0;
  private nextArrival = 0;
  private readonly lastArrival: number;
  private t0 = Number.POSITIVE_INFINITY;
  private t1 = Number.POSITIVE_INFINITY;
  private inSystem = 0;
  private wipLast = 0;
  private pending: number[] = [];

  // What the run reports.
  private measuredDone = 0;
  private readonly lead = new RunningStats();
  private wipArea = 0;
  private completionsInWindow = 0;
  private cost = 0;
  private readonly stepVisits: Float64Array;
  private readonly stepQueue: Float64Array;
  private readonly stepProcess: Float64Array;
  private readonly stepWait: Float64Array;
  private readonly roleBusyArea: Float64Array;
  private readonly roleQueueArea: Float64Array;
  private readonly roleVisits: Float64Array;
  private readonly roleQueue: Float64Array;
  private readonly roleWork: Float64Array;

  constructor(
    private readonly model: Model,
    private readonly joins: Int32Array,
    private readonly cases: number,
    private readonly warmup: number,
    private readonly arrivals: Random,
    private readonly times: Random,
    private readonly routing: Random,
    private readonly leads: Float64Array,
  ) {
    const n = model.g.steps.length;
    const roles = model.g.roles.length;
    this.busy = new Int32Array(roles);
    this.waiting = Array.from({ length: roles }, () => new TokenFifo());
    this.roleLast = new Float64Array(roles);
    this.stepVisits = new Float64Array(n);
    this.stepQueue = new Float64Array(n);
    this.stepProcess = new Float64Array(n);
    this.stepWait = new Float64Array(n);
    this.roleBusyArea = new Float64Array(roles);
    this.roleQueueArea = new Float64Array(roles);
    this.roleVisits = new Float64Array(roles);
    this.roleQueue = new Float64Array(roles);
    this.roleWork = new Float64Array(roles);
    // Past the measured cases, at most as many again keep the service loaded while they finish.
    this.lastArrival = warmup + 2 * cases;
    this.nextArrival = model.even ? 0 : this.interarrival();
  }

  /** Measured cases finished so far. */
  get finished(): number {
    return this.measuredDone;
  }

  /** Runs up to `budget` events; stops early when the replication is over. */
  advance(budget: number): void {
    const q = this.queue;
    for (let left = budget; left > 0 && !this.done; left--) {
      const tq = q.peekTime();
      if (this.arrived <= this.lastArrival && this.nextArrival <= tq) {
        this.now = this.nextArrival;
        this.events++;
        this.arrive();
      } else if (q.size > 0) {
        this.now = tq;
        this.events++;
        const token = q.pop();
        if (this.tokPhase[token] === WAITED) this.ready(token);
        else this.worked(token);
      } else if (!this.flushBatches()) {
        this.done = true;
        break;
      }
      if (this.pending.length > 0) this.drain();
    }
  }

  /** Over once every measured case has finished and the window has closed. */
  private checkDone(): void {
    if (this.measuredDone === this.cases && this.t1 !== Number.POSITIVE_INFINITY) this.done = true;
  }

  /** The replication's sums; read once it is done. */
  totals(): ReplicationTotals {
    const end = this.t1 === Number.POSITIVE_INFINITY ? this.now : this.t1;
    for (let r = 0; r < this.busy.length; r++) this.touchRole(r, end);
    this.touchWip(end);
    const measured = this.measuredDone;
    const leads = this.leads.subarray(0, measured);
    let stuckAt = -1;
    for (let f = 0; f < this.frameCount && stuckAt < 0; f++)
      if (!this.frameFree.includes(f)) stuckAt = this.frameJoin[f] as number;
    return {
      measured,
      lead: this.lead,
      leads,
      leadMax: largest(leads),
      window: Math.max(0, end - this.t0),
      completionsInWindow: this.completionsInWindow,
      wipArea: this.wipArea,
      stepVisits: this.stepVisits,
      stepQueue: this.stepQueue,
      stepProcess: this.stepProcess,
      stepWait: this.stepWait,
      roleBusyArea: this.roleBusyArea,
      roleQueueArea: this.roleQueueArea,
      roleVisits: this.roleVisits,
      roleQueue: this.roleQueue,
      roleWork: this.roleWork,
      cost: this.cost,
      stuck: this.cases - measured,
      stuckAt,
    };
  }

  private interarrival(): number {
    const rate = this.model.rate;
    return this.model.even ? 1 / rate : -Math.log(this.arrivals.next()) / rate;
  }

  private arrive(): void {
    const number = this.arrived++;
    if (number === this.warmup) this.t0 = this.now;
    if (number === this.warmup + this.cases) {
      this.t1 = this.now;
      this.checkDone();
    }
    this.nextArrival = this.now + this.interarrival();
    this.touchWip(this.now);
    this.inSystem++;
    const c = this.newCase();
    this.caseArrival[c] = this.now;
    this.caseLive[c] = 1;
    this.caseMeasured[c] = number >= this.warmup && number < this.warmup + this.cases ? 1 : 0;
    const entries = this.model.entries;
    const t = this.newToken(c, entries[number % entries.length] as number, -1);
    this.pending.push(t);
  }

  /** Moves tokens that are due now through steps that take no time, until each waits. */
  private drain(): void {
    const pending = this.pending;
    while (pending.length > 0) this.enter(pending.pop() as number);
  }

  /** A token arrives at its step (tokStep): a join may hold it; else its wait begins. */
  private enter(token: number): void {
    const step = this.tokStep[token] as number;
    const frame = this.tokFrame[token] as number;
    if (frame >= 0 && this.frameJoin[frame] === step) {
      const arrived = (this.frameArrived[frame] as number) + 1;
      this.frameArrived[frame] = arrived;
      if (arrived < (this.frameExpected[frame] as number)) {
        this.endToken(token, false);
        return;
      }
      this.tokFrame[token] = this.frameParent[frame] as number;
      this.freeFrame(frame);
    }
    const measured = this.caseMeasured[this.tokCase[token] as number] === 1;
    if (measured) this.stepVisits[step] = (this.stepVisits[step] as number) + 1;
    if (!this.model.waits[step]) {
      this.ready(token);
      return;
    }
    const wait = (this.model.wait[step] as (r: Random) => number)(this.times);
    if (measured) this.stepWait[step] = (this.stepWait[step] as number) + wait;
    if (wait > 0) {
      this.tokPhase[token] = WAITED;
      this.queue.push(this.now + wait, token);
    } else this.ready(token);
  }

  /** The token's wait is over: it needs someone of the step's role, or goes straight on. */
  private ready(token: number): void {
    const step = this.tokStep[token] as number;
    const m = this.model;
    if (!m.works[step]) {
      this.leave(token);
      return;
    }
    this.tokReady[token] = this.now;
    this.tokWork[token] = (m.process[step] as (r: Random) => number)(this.times);
    const size = m.batch[step] as number;
    if (size > 1) {
      let gathered = this.batches.get(step);
      if (!gathered) {
        gathered = [];
        this.batches.set(step, gathered);
      }
      gathered.push(token);
      if (gathered.length < size) return;
      this.batches.delete(step);
      this.startBatch(gathered);
      return;
    }
    this.acquire(token);
  }

  private startBatch(members: number[]): void {
    const leader = members[0] as number;
    let work = 0;
    for (const t of members) work += this.tokWork[t] as number;
    this.batchJobs.set(leader, { members, work, formed: this.now });
    this.acquire(leader);
  }

  /** The token (or its batch) joins its role's queue, or starts at once when someone is free. */
  private acquire(token: number): void {
    const step = this.tokStep[token] as number;
    const r = this.model.g.role[step] as number;
    if (r < 0 || (this.model.servers[r] as number) === Number.POSITIVE_INFINITY) {
      if (r >= 0) {
        this.touchRole(r, this.now);
        this.busy[r] = (this.busy[r] as number) + 1;
      }
      this.start(token);
      return;
    }
    this.touchRole(r, this.now);
    if ((this.busy[r] as number) < (this.model.servers[r] as number)) {
      this.busy[r] = (this.busy[r] as number) + 1;
      this.start(token);
    } else this.waiting[r]?.push(token);
  }

  /** Someone of the role starts the token's work (or its batch's). */
  private start(token: number): void {
    const job = this.batchJobs.get(token);
    if (job) for (const t of job.members) this.noteStart(t, job.formed);
    else this.noteStart(token, this.tokReady[token] as number);
    const work = job ? job.work : (this.tokWork[token] as number);
    this.tokPhase[token] = WORKED;
    this.queue.push(this.now + work, token);
  }

  /**
   * Work starts for a measured token: its step's queue time counts from the end of its wait
   * (a batch's gathering included: that is where the case waits), its role's from when the job
   * joined the role's queue (waiting for people only, as the role's queue length counts).
   */
  private noteStart(token: number, queuedSince: number): void {
    if (this.caseMeasured[this.tokCase[token] as number] !== 1) return;
    const step = this.tokStep[token] as number;
    const queued = this.now - (this.tokReady[token] as number);
    const work = this.tokWork[token] as number;
    this.stepQueue[step] = (this.stepQueue[step] as number) + queued;
    this.stepProcess[step] = (this.stepProcess[step] as number) + work;
    const r = this.model.g.role[step] as number;
    if (r < 0) return;
    this.roleVisits[r] = (this.roleVisits[r] as number) + 1;
    this.roleQueue[r] = (this.roleQueue[r] as number) + (this.now - queuedSince);
    this.roleWork[r] = (this.roleWork[r] as number) + work;
    const perMinute = this.model.costPerMinute[r] as number;
    if (!Number.isNaN(perMinute)) this.cost += perMinute * work;
  }

  /** The token's work is done: the person takes the next in the queue, the case goes on. */
  private worked(token: number): void {
    const step = this.tokStep[token] as number;
    const r = this.model.g.role[step] as number;
    if (r >= 0) {
      this.touchRole(r, this.now);
      const fifo = this.waiting[r] as TokenFifo;
      if (fifo.length > 0) this.start(fifo.shift());
      else this.busy[r] = (this.busy[r] as number) - 1;
    }
    const job = this.batchJobs.get(token);
    if (job) {
      this.batchJobs.delete(token);
      for (const t of job.members) this.leave(t);
    } else this.leave(token);
  }

  /** The token leaves its step: along one branch of a decision, all ways of a split, or ends. */
  private leave(token: number): void {
    const g = this.model.g;
    const step = this.tokStep[token] as number;
    const a = g.outStart[step] as number;
    const b = g.outStart[step + 1] as number;
    if (a === b) {
      this.endToken(token, true);
      return;
    }
    if (b - a === 1) {
      this.tokStep[token] = g.edgeTo[g.outEdges[a] as number] as number;
      this.pending.push(token);
      return;
    }
    if (g.kind[step] === KIND_CODE.decision) {
      let u = 1 - this.routing.next();
      let chosen = g.outEdges[b - 1] as number;
      for (let k = a; k < b; k++) {
        const e = g.outEdges[k] as number;
        u -= g.edgeWeight[e] as number;
        if (u < 0) {
          chosen = e;
          break;
        }
      }
      this.tokStep[token] = g.edgeTo[chosen] as number;
      this.pending.push(token);
      return;
    }
    // A parallel split: the token takes the first way, a new token each other way.
    const c = this.tokCase[token] as number;
    const join = this.joins[step] as number;
    let frame = this.tokFrame[token] as number;
    if (join >= 0) {
      const f = this.newFrame();
      this.frameJoin[f] = join;
      this.frameExpected[f] = b - a;
      this.frameArrived[f] = 0;
      this.frameParent[f] = frame;
      frame = f;
    }
    this.tokFrame[token] = frame;
    this.tokStep[token] = g.edgeTo[g.outEdges[a] as number] as number;
    this.pending.push(token);
    for (let k = a + 1; k < b; k++) {
      const t = this.newToken(c, g.edgeTo[g.outEdges[k] as number] as number, frame);
      this.caseLive[c] = (this.caseLive[c] as number) + 1;
      this.pending.push(t);
    }
  }

  /**
   * A token is gone: it reached the end of its way (`finished`), or its branch was absorbed at
   * a join. A branch that ends before its join is one fewer for the join to wait for.
   */
  private endToken(token: number, finished: boolean): void {
    const c = this.tokCase[token] as number;
    if (finished) {
      let frame = this.tokFrame[token] as number;
      while (frame >= 0) {
        const expected = (this.frameExpected[frame] as number) - 1;
        this.frameExpected[frame] = expected;
        const arrived = this.frameArrived[frame] as number;
        if (arrived > 0 && arrived === expected) {
          // The branches that reached the join go on as one.
          const t = this.newToken(
            c,
            this.frameJoin[frame] as number,
            this.frameParent[frame] as number,
          );
          this.caseLive[c] = (this.caseLive[c] as number) + 1;
          this.freeFrame(frame);
          this.pending.push(t);
          break;
        }
        if (expected > 0) break;
        // Every branch of the split ended: the split as a whole is one branch of its parent.
        const parent = this.frameParent[frame] as number;
        this.freeFrame(frame);
        frame = parent;
      }
    }
    this.tokFree.push(token);
    const live = (this.caseLive[c] as number) - 1;
    this.caseLive[c] = live;
    if (live === 0) this.finishCase(c);
  }

  private finishCase(c: number): void {
    const lead = this.now - (this.caseArrival[c] as number);
    if (this.caseMeasured[c] === 1) {
      this.leads[this.measuredDone] = lead;
      this.measuredDone++;
      this.lead.add(lead);
      this.checkDone();
    }
    if (this.now >= this.t0 && this.now <= this.t1) this.completionsInWindow++;
    this.touchWip(this.now);
    this.inSystem--;
    this.caseFree.push(c);
  }

  /** Partial batches go out short once no more cases can come to fill them. */
  private flushBatches(): boolean {
    if (this.batches.size === 0) return false;
    const gathered = [...this.batches.values()];
    this.batches.clear();
    for (const members of gathered) this.startBatch(members);
    return true;
  }

  /** Adds the time since the role last changed to its busy and queue areas, within the window. */
  private touchRole(r: number, t: number): void {
    const from = Math.max(this.roleLast[r] as number, this.t0);
    const to = Math.min(t, this.t1);
    if (to > from) {
      const dt = to - from;
      this.roleBusyArea[r] = (this.roleBusyArea[r] as number) + (this.busy[r] as number) * dt;
      this.roleQueueArea[r] =
        (this.roleQueueArea[r] as number) + (this.waiting[r] as TokenFifo).length * dt;
    }
    this.roleLast[r] = t;
  }

  private touchWip(t: number): void {
    const from = Math.max(this.wipLast, this.t0);
    const to = Math.min(t, this.t1);
    if (to > from) this.wipArea += this.inSystem * (to - from);
    this.wipLast = t;
  }

  private newToken(c: number, step: number, frame: number): number {
    let t = this.tokFree.pop();
    if (t === undefined) {
      t = this.tokCount++;
      if (t === this.tokCase.length) this.growTokens();
    }
    this.tokCase[t] = c;
    this.tokStep[t] = step;
    this.tokFrame[t] = frame;
    return t;
  }

  private newCase(): number {
    let c = this.caseFree.pop();
    if (c === undefined) {
      c = this.caseCount++;
      if (c === this.caseArrival.length) {
        this.caseArrival = grown(this.caseArrival);
        this.caseLive = grown(this.caseLive);
        this.caseMeasured = grown(this.caseMeasured);
      }
    }
    return c;
  }

  private newFrame(): number {
    let f = this.frameFree.pop();
    if (f === undefined) {
      f = this.frameCount++;
      if (f === this.frameJoin.length) {
        this.frameJoin = grown(this.frameJoin);
        this.frameExpected = grown(this.frameExpected);
        this.frameArrived = grown(this.frameArrived);
        this.frameParent = grown(this.frameParent);
      }
    }
    return f;
  }

  private freeFrame(f: number): void {
    this.frameFree.push(f);
  }

  private growTokens(): void {
    this.tokCase = grown(this.tokCase);
    this.tokStep = grown(this.tokStep);
    this.tokFrame = grown(this.tokFrame);
    this.tokPhase = grown(this.tokPhase);
    this.tokReady = grown(this.tokReady);
    this.tokWork = grown(this.tokWork);
  }
}
