import type { RoleId, StepId } from '@procmap/model';
import { type Context, headcount, hourlyCost } from './context';
import type { BottleneckMetric, LongestWaitMetric, Metrics, RoleMetrics } from './types';

/*
 * The per-case metrics of docs/analysis.md, unrounded for the rules and rounded for output.
 * Every sum weights a step by v(i), its expected visits per case.
 */

/** The metrics before rounding, plus what the rules need from them. */
export interface RawMetrics {
  readonly leadTime: number;
  readonly processTime: number;
  readonly waitTime: number;
  readonly valueAddedTime: number;
  readonly handoffs: number;
  readonly rolledCompleteAccurate: number | null;
  readonly costPerCase: number | null;
  readonly taktTime: number | null;
  readonly roles: readonly RoleMetrics[];
  readonly bottleneck: BottleneckMetric | null;
  readonly longestWait: LongestWaitMetric | null;
}

/** Rounds minutes and money to hundredths. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
/** Rounds ratios to thousandths. */
export const round3 = (n: number) => Math.round(n * 1000) / 1000;

const share = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : undefined;

/** Computes every metric from the context. */
export function computeMetrics(ctx: Context): RawMetrics {
  const { g, v, demand } = ctx;
  const n = g.steps.length;
  let processTime = 0;
  let waitTime = 0;
  let valueAddedTime = 0;
  let cost = 0;
  let costKnown = false;
  let logCa = 0;
  let caKnown = false;
  const work = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const step = g.steps[i];
    const visits = v[i] as number;
    const pt = visits * (g.processTime[i] as number);
    processTime += pt;
    waitTime += visits * (g.waitTime[i] as number);
    if (step?.valueClass === 'value-adding') valueAddedTime += pt;
    const rate = hourlyCost(ctx, i);
    if (rate !== undefined) cost += (pt / 60) * rate;
    const ca = share(step?.completeAccurate);
    if (ca !== undefined) {
      caKnown = true;
      if (visits > 0) logCa += ca === 0 ? Number.NEGATIVE_INFINITY : visits * Math.log(ca);
    }
    const roleId = step?.roleId as string;
    work.set(roleId, (work.get(roleId) ?? 0) + pt);
  }
  for (const role of g.roles) {
    const rate = role.hourlyCost;
    if (typeof rate === 'number' && Number.isFinite(rate) && rate >= 0) costKnown = true;
  }

  let handoffs = 0;
  for (const edge of g.edges) {
    if (g.steps[edge.from]?.roleId !== g.steps[edge.to]?.roleId) {
      handoffs += (v[edge.from] as number) * edge.weight;
    }
  }

  const roles: RoleMetrics[] = g.roles.map((role) => {
    const workPerCase = work.get(role.id) ?? 0;
    const hc = headcount(ctx, role.id);
    const utilisation =
      demand && hc !== undefined
        ? (demand.count * workPerCase) / (hc * demand.minutesPerPeriod)
        : null;
    const queueGrowthPerPeriod =
      utilisation !== null && utilisation >= 1 && demand && hc !== undefined
        ? demand.count - (hc * demand.minutesPerPeriod) / workPerCase
        : null;
    return {
      roleId: role.id,
      name: typeof role.name === 'string' ? role.name : '',
      workPerCase,
      utilisation,
      queueGrowthPerPeriod,
    };
  });

  const leadTime = ctx.visits.entries.reduce(
    (sum, e) => sum + (ctx.timeToEnd[e] as number) / ctx.visits.entries.length,
    0,
  );
  return {
    leadTime,
    processTime,
    waitTime,
    valueAddedTime,
    handoffs,
    rolledCompleteAccurate: caKnown ? Math.exp(logCa) : null,
    costPerCase: costKnown ? cost : null,
    taktTime: demand ? demand.minutesPerPeriod / demand.count : null,
    roles,
    bottleneck: findBottleneck(ctx),
    longestWait: findLongestWait(ctx),
  };
}

/** The step with the highest own utilisation, else the longest own process + wait time. */
function findBottleneck(ctx: Context): BottleneckMetric | null {
  const { g, v, demand } = ctx;
  let best = -1;
  let score = 0;
  if (demand) {
    for (let i = 0; i < g.steps.length; i++) {
      const hc = headcount(ctx, g.steps[i]?.roleId as string);
      if (hc === undefined) continue;
      const u =
        (demand.count * (v[i] as number) * (g.processTime[i] as number)) /
        (hc * demand.minutesPerPeriod);
      if (u > score) {
        score = u;
        best = i;
      }
    }
    if (best >= 0) return pick(ctx, best, 'utilisation');
  }
  const anyVisited = v.some((x) => x > 0);
  for (let i = 0; i < g.steps.length; i++) {
    if (anyVisited && !((v[i] as number) > 0)) continue;
    const own = (g.processTime[i] as number) + (g.waitTime[i] as number);
    if (own > score) {
      score = own;
      best = i;
    }
  }
  return best >= 0 ? pick(ctx, best, 'time') : null;
}

function pick(ctx: Context, i: number, basis: BottleneckMetric['basis']): BottleneckMetric {
  const step = ctx.g.steps[i];
  return { stepId: step?.id as StepId, label: step?.label ?? '', basis };
}

/** The step with the largest expected wait per case. */
function findLongestWait(ctx: Context): LongestWaitMetric | null {
  const { g, v } = ctx;
  let best = -1;
  let most = 0;
  for (let i = 0; i < g.steps.length; i++) {
    const w = (v[i] as number) * (g.waitTime[i] as number);
    if (w > most) {
      most = w;
      best = i;
    }
  }
  if (best < 0) return null;
  const step = g.steps[best];
  return { stepId: step?.id as StepId, label: step?.label ?? '', waitTime: round2(most) };
}

/** The metrics as analyze() returns them: rounded, ratios derived. */
export function publicMetrics(raw: RawMetrics, ctx: Context): Metrics {
  const ratio = (x: number) => (raw.leadTime > 0 ? round3(x / raw.leadTime) : null);
  const pce = ratio(raw.valueAddedTime);
  const { demand } = ctx;
  return {
    leadTime: round2(raw.leadTime),
    processTime: round2(raw.processTime),
    waitTime: round2(raw.waitTime),
    valueAddedTime: round2(raw.valueAddedTime),
    processCycleEfficiency: pce === null ? null : Math.min(1, pce),
    activityRatio: ratio(raw.processTime),
    handoffs: round3(raw.handoffs),
    rolledCompleteAccurate:
      raw.rolledCompleteAccurate === null ? null : round3(raw.rolledCompleteAccurate),
    costPerCase: raw.costPerCase === null ? null : round2(raw.costPerCase),
    taktTime: raw.taktTime === null ? null : round2(raw.taktTime),
    casesInProgress: demand
      ? round2((demand.count / demand.minutesPerPeriod) * raw.leadTime)
      : null,
    bottleneck: raw.bottleneck,
    longestWait: raw.longestWait,
    roles: raw.roles.map((r) => ({
      roleId: r.roleId as RoleId,
      name: r.name,
      workPerCase: round2(r.workPerCase),
      utilisation: r.utilisation === null ? null : round3(r.utilisation),
      queueGrowthPerPeriod: r.queueGrowthPerPeriod === null ? null : round2(r.queueGrowthPerPeriod),
    })),
  };
}
