import type { RoleId, StepId } from '@procmap/model';
import { type Context, hourlyCost } from './context';
import { VALUE } from './graph';
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

/** Computes every metric from the context. */
export function computeMetrics(ctx: Context): RawMetrics {
  const { g, v, demand } = ctx;
  const n = g.steps.length;
  let processTime = 0;
  let waitTime = 0;
  let valueAddedTime = 0;
  let cost = 0;
  let logCa = 0;
  let caKnown = false;
  const work = new Float64Array(g.roles.length);
  for (let i = 0; i < n; i++) {
    const visits = v[i] as number;
    const pt = visits * (g.processTime[i] as number);
    processTime += pt;
    waitTime += visits * (g.waitTime[i] as number);
    if (g.valueClass[i] === VALUE['value-adding']) valueAddedTime += pt;
    const rate = hourlyCost(ctx, i);
    if (rate >= 0) cost += (pt / 60) * rate;
    const ca = g.completeAccurate[i] as number;
    if (ca >= 0) {
      caKnown = true;
      if (visits > 0) logCa += ca === 0 ? Number.NEGATIVE_INFINITY : visits * Math.log(ca);
    }
    const r = g.role[i] as number;
    if (r >= 0) work[r] = (work[r] as number) + pt;
  }
  const costKnown = g.roleCost.some((c) => c >= 0);

  let handoffs = 0;
  for (let e = 0; e < g.edgeFrom.length; e++) {
    const from = g.edgeFrom[e] as number;
    if (g.roleIds[from] !== g.roleIds[g.edgeTo[e] as number]) {
      handoffs += (v[from] as number) * (g.edgeWeight[e] as number);
    }
  }

  const roles: RoleMetrics[] = g.roles.map((role, r) => {
    const workPerCase = work[r] as number;
    const hc = g.roleHeadcount[r] as number;
    const utilisation =
      demand && hc > 0 ? (demand.count * workPerCase) / (hc * demand.minutesPerPeriod) : null;
    const queueGrowthPerPeriod =
      utilisation !== null && utilisation >= 1 && demand
        ? demand.count - (hc * demand.minutesPerPeriod) / workPerCase
        : null;
    const name = g.roleNames[r] as string;
    return { roleId: role.id, name, workPerCase, utilisation, queueGrowthPerPeriod };
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
    bottleneck: findBottleneck(ctx, roles),
    longestWait: findLongestWait(ctx),
  };
}

/**
 * The busiest role, by utilisation, and the step within it that takes most of its capacity
 * (ties: the role, then the step, listed first); without demand or headcounts, the visited step
 * with the longest own process + wait time, and its role.
 */
function findBottleneck(ctx: Context, roles: readonly RoleMetrics[]): BottleneckMetric | null {
  const { g, v } = ctx;
  let busiest = -1;
  let most = 0;
  for (let r = 0; r < roles.length; r++) {
    const u = (roles[r] as RoleMetrics).utilisation;
    if (u !== null && u > most) {
      most = u;
      busiest = r;
    }
  }
  if (busiest >= 0) {
    let best = -1;
    let work = 0;
    for (let i = 0; i < g.steps.length; i++) {
      if (g.role[i] !== busiest) continue;
      const w = (v[i] as number) * (g.processTime[i] as number);
      if (w > work) {
        work = w;
        best = i;
      }
    }
    if (best >= 0) return pick(ctx, best, 'utilisation', most);
  }
  const anyVisited = v.some((x) => x > 0);
  let best = -1;
  let score = 0;
  for (let i = 0; i < g.steps.length; i++) {
    if (anyVisited && !((v[i] as number) > 0)) continue;
    const own = (g.processTime[i] as number) + (g.waitTime[i] as number);
    if (own > score) {
      score = own;
      best = i;
    }
  }
  return best >= 0 ? pick(ctx, best, 'time', null) : null;
}

function pick(
  ctx: Context,
  i: number,
  basis: BottleneckMetric['basis'],
  utilisation: number | null,
): BottleneckMetric {
  const { g } = ctx;
  const r = g.role[i] as number;
  return {
    stepId: g.ids[i] as StepId,
    label: g.labels[i] as string,
    roleId: r < 0 ? null : (g.roles[r]?.id as RoleId),
    roleName: r < 0 ? '' : (g.roleNames[r] as string),
    utilisation: utilisation === null ? null : round3(utilisation),
    basis,
  };
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
  return { stepId: g.ids[best] as StepId, label: g.labels[best] as string, waitTime: round2(most) };
}

/** The metrics as analyze() returns them: rounded, ratios derived. */
export function publicMetrics(raw: RawMetrics, ctx: Context): Metrics {
  const ratio = (x: number) => (raw.leadTime > 0 ? round3(x / raw.leadTime) : null);
  // With no step marked value-adding or not, "0%" would read as a measured result: unknown.
  const classified = ctx.g.valueClass.some((v) => v !== 0);
  const pce = classified ? ratio(raw.valueAddedTime) : null;
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
