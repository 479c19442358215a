import type { Model } from './inputs';
import type { ReplicationTotals } from './replication';
import type {
  HistogramBin,
  RoleResult,
  SimulationResult,
  SimulationWarning,
  StepResult,
} from './result';
import { quantiles } from './quantiles';
import { meanWithCi95 } from './statistics';

/*
 * From each replication's sums to the run's answer. A replication is reduced to its figures as
 * soon as it ends (its lead times are in a buffer the next one reuses); the answer averages the
 * figures over the replications, with the Student t interval for the mean lead time.
 */

/** One replication's figures. */
export interface ReplicationFigures {
  readonly leadMean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly max: number;
  readonly throughputPerHour: number;
  readonly wip: number;
  readonly costPerCase: number;
  readonly roleUtilisation: Float64Array;
  readonly roleQueueLength: Float64Array;
  readonly roleQueueTime: Float64Array;
  /** People busy on average (for a role without a headcount, how many it needed). */
  readonly roleBusy: Float64Array;
  /** Work offered per working minute, in people: above the headcount the queue grows. */
  readonly roleOffered: Float64Array;
  /** Cases the role falls behind by per working minute when overloaded (else 0). */
  readonly roleGrowth: Float64Array;
  readonly stepVisits: Float64Array;
  readonly stepQueue: Float64Array;
  readonly stepProcess: Float64Array;
  readonly stepWait: Float64Array;
  readonly stuck: number;
  readonly stuckAt: number;
}

/** The most bars a histogram shows; beyond it, neighbouring bars are merged. */
const MOST_BARS = 60;

/**
 * Bars of one width, on multiples of it, the width set by the spread of the first
 * replication's lead times (about twenty bars across it). Later replications may reach past
 * either end; bars are counted by their index, so they simply extend it.
 */
export class LeadHistogram {
  private width = 0;
  private readonly counts = new Map<number, number>();

  add(leads: Float64Array): void {
    if (leads.length === 0) return;
    if (this.width === 0) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (const x of leads) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      // Every case alike (fixed times): one bar a little wider than nothing.
      this.width = niceWidth(hi > lo ? (hi - lo) / 20 : Math.max(hi, 1) / 20);
    }
    const w = this.width;
    // Counted in a typed array over this replication's span of bars, then merged into the
    // map: a map lookup per case cost a tenth of a fast run.
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const x of leads) {
      const k = Math.floor(x / w);
      if (k < first) first = k;
      if (k > last) last = k;
    }
    if (last - first > 4 * leads.length + 1024) {
      // A replication far wider than the first (a rare outlier): counted by the map alone.
      for (const x of leads) {
        const k = Math.floor(x / w);
        this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
      }
      return;
    }
    const span = new Float64Array(last - first + 1);
    for (const x of leads) {
      const at = Math.floor(x / w) - first;
      span[at] = (span[at] as number) + 1;
    }
    for (let i = 0; i < span.length; i++) {
      const n = span[i] as number;
      if (n > 0) this.counts.set(first + i, (this.counts.get(first + i) ?? 0) + n);
    }
  }

  /** The bars from the first case's to the last's; empty bars between them stay. */
  bins(): HistogramBin[] {
    if (this.counts.size === 0) return [];
    const keys = [...this.counts.keys()];
    const first = Math.min(...keys);
    const last = Math.max(...keys);
    // Too many bars (a later replication reached far): merge neighbours, on multiples still.
    const merge = Math.ceil((last - first + 1) / MOST_BARS);
    const w = this.width * merge;
    const bars = new Map<number, number>();
    for (const [k, count] of this.counts) {
      const m = Math.floor(k / merge);
      bars.set(m, (bars.get(m) ?? 0) + count);
    }
    const bins: HistogramBin[] = [];
    for (let m = Math.floor(first / merge); m <= Math.floor(last / merge); m++) {
      bins.push({ from: round2(m * w), to: round2((m + 1) * w), count: bars.get(m) ?? 0 });
    }
    return bins;
  }
}

/** A width of 1, 2 or 5 times a power of ten, at least the given one. */
function niceWidth(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Reduces a finished replication to its figures. */
export function figuresOf(model: Model, t: ReplicationTotals): ReplicationFigures {
  const roles = model.g.roles.length;
  const n = model.g.steps.length;
  const window = t.window > 0 ? t.window : Number.NaN;
  const measured = t.measured > 0 ? t.measured : Number.NaN;
  const roleUtilisation = new Float64Array(roles);
  const roleQueueLength = new Float64Array(roles);
  const roleQueueTime = new Float64Array(roles);
  const roleBusy = new Float64Array(roles);
  const roleOffered = new Float64Array(roles);
  const roleGrowth = new Float64Array(roles);
  for (let r = 0; r < roles; r++) {
    const servers = model.servers[r] as number;
    const busy = (t.roleBusyArea[r] as number) / window;
    roleBusy[r] = busy;
    roleUtilisation[r] = Number.isFinite(servers) ? busy / servers : Number.NaN;
    roleQueueLength[r] = (t.roleQueueArea[r] as number) / window;
    const visits = t.roleVisits[r] as number;
    roleQueueTime[r] = visits > 0 ? (t.roleQueue[r] as number) / visits : 0;
    // Work a case brings to the role, times cases per minute: people needed to keep up.
    const workPerCase = (t.roleWork[r] as number) / measured;
    const offered = model.rate * workPerCase;
    roleOffered[r] = offered;
    // Cases arrive at `rate`; the role's people finish `servers / workPerCase` cases a minute.
    if (Number.isFinite(servers) && offered >= servers && workPerCase > 0) {
      roleGrowth[r] = model.rate - servers / workPerCase;
    }
  }
  const stepVisits = new Float64Array(n);
  const stepQueue = new Float64Array(n);
  const stepProcess = new Float64Array(n);
  const stepWait = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const visits = t.stepVisits[i] as number;
    stepVisits[i] = visits / measured;
    stepQueue[i] = visits > 0 ? (t.stepQueue[i] as number) / visits : Number.NaN;
    stepProcess[i] = visits > 0 ? (t.stepProcess[i] as number) / visits : Number.NaN;
    stepWait[i] = visits > 0 ? (t.stepWait[i] as number) / visits : Number.NaN;
  }
  const [p50, p90, p95] = quantiles(t.leads, [0.5, 0.9, 0.95]) as [number, number, number];
  return {
    leadMean: t.lead.mean,
    p50,
    p90,
    p95,
    max: t.leadMax,
    throughputPerHour: (t.completionsInWindow / window) * 60,
    wip: t.wipArea / window,
    costPerCase: t.cost / measured,
    roleUtilisation,
    roleQueueLength,
    roleQueueTime,
    roleBusy,
    roleOffered,
    roleGrowth,
    stepVisits,
    stepQueue,
    stepProcess,
    stepWait,
    stuck: t.stuck,
    stuckAt: t.stuckAt,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The mean over replications of one figure. */
function meanOf(reps: readonly ReplicationFigures[], pick: (f: ReplicationFigures) => number) {
  let sum = 0;
  for (const f of reps) sum += pick(f);
  return sum / reps.length;
}

/** Whole people with one decimal when it matters: "2", "2.3". */
const people = (x: number) => String(Math.round(x * 10) / 10);

export interface RunInputs {
  readonly cases: number;
  readonly replications: number;
  readonly warmup: number;
  readonly seed: number;
}

/** The run's answer from its replications' figures. */
export function combine(
  model: Model,
  inputs: RunInputs,
  reps: readonly ReplicationFigures[],
  histogram: LeadHistogram,
): SimulationResult {
  const { g } = model;
  const lead = meanWithCi95(reps.map((f) => f.leadMean));
  const hasCost = model.costPerMinute.some((c) => !Number.isNaN(c));
  const warnings: SimulationWarning[] = [];
  const roles: RoleResult[] = g.roles.map((role, r) => {
    const servers = model.servers[r] as number;
    const limited = Number.isFinite(servers);
    const roleName = typeof role.name === 'string' && role.name.trim() !== '' ? role.name : role.id;
    const offered = meanOf(reps, (f) => f.roleOffered[r] as number);
    if (limited && offered >= servers && offered > 0) {
      const perDay = meanOf(reps, (f) => f.roleGrowth[r] as number) * model.minutesPerDay;
      const grows = perDay >= 10 ? Math.round(perDay) : Math.round(perDay * 10) / 10;
      warnings.push({
        code: 'overloaded',
        roleId: role.id,
        message: `${roleName} cannot keep up: the work asked of them is ${Math.round((offered / servers) * 100)}% of their time; the queue grows by ${grows} ${grows === 1 ? 'case' : 'cases'} a day`,
      });
    }
    const busy = meanOf(reps, (f) => f.roleBusy[r] as number);
    if (!limited && offered > 0) {
      warnings.push({
        code: 'unlimited',
        roleId: role.id,
        message: `${roleName} has no headcount: simulated with as many people as needed (${people(busy)} busy on average), so nobody waits for them. Set the headcount to see their queue.`,
      });
    }
    return {
      id: role.id,
      name: roleName,
      headcount: limited ? servers : null,
      utilisation: limited ? round4(meanOf(reps, (f) => f.roleUtilisation[r] as number)) : null,
      meanQueueLength: round3(meanOf(reps, (f) => f.roleQueueLength[r] as number)),
      meanQueueTime: round2(meanOf(reps, (f) => f.roleQueueTime[r] as number)),
    };
  });
  warnings.unshift(...model.warnings);
  const steps: StepResult[] = g.ids.map((id, i) => {
    const visits = meanOf(reps, (f) => f.stepVisits[i] as number);
    const perVisit = (pick: (f: ReplicationFigures) => Float64Array) => {
      let sum = 0;
      let count = 0;
      for (const f of reps) {
        const x = pick(f)[i] as number;
        if (!Number.isNaN(x)) {
          sum += x;
          count++;
        }
      }
      return count > 0 ? round2(sum / count) : null;
    };
    return {
      id,
      label: g.labels[i] as string,
      visits: round4(visits),
      meanQueueTime: perVisit((f) => f.stepQueue),
      meanProcessTime: perVisit((f) => f.stepProcess),
      meanWaitTime: perVisit((f) => f.stepWait),
    };
  });
  const stuck = reps.reduce((s, f) => s + f.stuck, 0);
  if (stuck > 0) {
    const at = reps.find((f) => f.stuckAt >= 0)?.stuckAt ?? -1;
    const where = at >= 0 ? ` at "${g.labels[at] || g.ids[at]}"` : '';
    warnings.push({
      code: 'stuck',
      ...(at >= 0 ? { stepId: g.ids[at] as string } : {}),
      message: `${stuck} ${stuck === 1 ? 'case' : 'cases'} never finished: their parallel branches never all met again${where}. They are left out of the lead time.`,
    });
  }
  // An overloaded service never settles, so no warm-up would be long enough: the overload is
  // the news then.
  const warm = shortWarmup(model, inputs.warmup, lead.mean);
  if (warm && !warnings.some((w) => w.code === 'overloaded')) warnings.push(warm);
  return {
    cases: inputs.cases,
    replications: inputs.replications,
    warmup: inputs.warmup,
    seed: inputs.seed,
    leadTime: {
      mean: round2(lead.mean),
      ci95: lead.ci95 ? [round2(lead.ci95[0]), round2(lead.ci95[1])] : null,
      p50: round2(meanOf(reps, (f) => f.p50)),
      p90: round2(meanOf(reps, (f) => f.p90)),
      p95: round2(meanOf(reps, (f) => f.p95)),
      max: round2(Math.max(...reps.map((f) => f.max))),
      histogram: histogram.bins(),
    },
    throughputPerHour: round3(meanOf(reps, (f) => f.throughputPerHour)),
    wip: { mean: round3(meanOf(reps, (f) => f.wip)) },
    costPerCase: hasCost ? round2(meanOf(reps, (f) => f.costPerCase)) : null,
    roles,
    steps,
    warnings,
  };
}

/**
 * A warm-up that ends before a case could get through: measuring began while the service was
 * still filling up from empty, so queues and utilisation read low. Suggests a warm-up of about
 * two lead times' worth of arrivals.
 */
function shortWarmup(model: Model, warmup: number, leadMean: number): SimulationWarning | null {
  const span = warmup / model.rate;
  if (!(leadMean > 0) || span >= leadMean) return null;
  const wanted = niceWidth(2 * leadMean * model.rate);
  return {
    code: 'short-warmup',
    message: `The warm-up of ${warmup} ${warmup === 1 ? 'case' : 'cases'} is over before a case gets through (${Math.round(span)} min of arrivals against a ${Math.round(leadMean)} min lead time): measuring began while the service was still filling up, so queues and utilisation read low. Try a warm-up of ${wanted} cases.`,
  };
}
