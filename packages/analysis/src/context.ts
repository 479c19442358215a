import {
  DEFAULT_SETTINGS,
  DEMAND_PERIODS,
  type DemandPeriod,
  type ProcessMap,
  shortLabel,
  workingMinutesPer,
} from '@procmap/model';
import { formatMinutes, formatShare } from './format';
import { type ClaimBook, claimBook } from './gains';
import { buildGraph, type Graph } from './graph';
import { timeToEnd } from './lead-time';
import { type AnalysisMemo, durationsFor } from './memo';
import type { Thresholds } from './thresholds';
import { expectedVisitsOf, type Visits } from './visits';

/** Cases arriving, read from the map's settings. */
export interface DemandRate {
  readonly count: number;
  readonly per: DemandPeriod;
  /** Working minutes in one period: the capacity of one person. */
  readonly minutesPerPeriod: number;
}

/** Everything the metrics and rules read: built once per analysis. */
export interface Context {
  readonly g: Graph;
  readonly visits: Visits;
  /** v(i), expected visits per case. */
  readonly v: Float64Array;
  /** Expected time left on entering each step, for lead time. */
  readonly timeToEnd: Float64Array;
  readonly thresholds: Thresholds;
  /** Whether any step sends the case down several flows at once (then only the critical path counts). */
  readonly hasParallel: boolean;
  /** What each finding's time at stake is made of, for counting shared time once. */
  readonly claims: ClaimBook;
  /** A copy of the flows' shares that a what-if may change and must put back. */
  readonly scratchWeights: Float64Array;
  readonly hoursPerDay: number;
  readonly demand: DemandRate | null;
  /** Position of each step in flow order (topological, loops from where cases enter). */
  readonly flowRank: Int32Array;
  /** The step at each position of flow order: the inverse of flowRank. */
  readonly byRank: Int32Array;
  /**
   * Message pieces already written, by step and by minutes: a large map names a step in several
   * findings and repeats the same few waits, and each string written anew is memory to collect.
   */
  readonly names: (string | undefined)[];
  /** Names by label, shared with analyses run alongside (a comparison), when there are any. */
  readonly labelNames: Map<string, string> | undefined;
  readonly durations: Map<number, string>;
  /** Percentages already written, by value: writing a fraction as text is costly. */
  readonly percents: Map<number, string>;
}

const positive = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;

/**
 * Builds the graph, visits and lead-time table of a map. With a memo, the message pieces are
 * shared with the other analyses that use it.
 */
export function buildContext(
  map: ProcessMap,
  thresholds: Thresholds,
  memo?: AnalysisMemo,
): Context {
  const g = buildGraph(map, thresholds.probabilityTolerance);
  const visits = expectedVisitsOf(g);
  const raw: unknown = map.settings;
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hoursPerDay = positive(s.hoursPerDay, DEFAULT_SETTINGS.hoursPerDay);
  const daysPerWeek = positive(s.daysPerWeek, DEFAULT_SETTINGS.daysPerWeek);
  const d = s.demand as { count?: unknown; per?: unknown } | undefined;
  let demand: DemandRate | null = null;
  if (
    typeof d === 'object' &&
    d !== null &&
    typeof d.count === 'number' &&
    Number.isFinite(d.count) &&
    d.count > 0 &&
    (DEMAND_PERIODS as readonly unknown[]).includes(d.per)
  ) {
    const per = d.per as DemandPeriod;
    demand = {
      count: d.count,
      per,
      minutesPerPeriod: workingMinutesPer(per, { hoursPerDay, daysPerWeek }),
    };
  }
  const flowRank = new Int32Array(g.steps.length);
  const byRank = new Int32Array(g.steps.length);
  let rank = 0;
  const { comps } = visits;
  for (let c = comps.count - 1; c >= 0; c--) {
    const loop = visits.loopOf[c];
    if (!loop) {
      const i = comps.single[c] as number;
      byRank[rank] = i;
      flowRank[i] = rank++;
      continue;
    }
    for (const i of loop.steps) {
      byRank[rank] = i;
      flowRank[i] = rank++;
    }
  }
  return {
    g,
    visits,
    v: visits.v,
    timeToEnd: timeToEnd(g, visits),
    thresholds,
    hasParallel: g.parallel.includes(1),
    claims: claimBook(),
    scratchWeights: Float64Array.from(g.edgeWeight),
    hoursPerDay,
    demand,
    flowRank,
    byRank,
    names: new Array(g.steps.length),
    labelNames: memo?.labelNames,
    durations: memo ? durationsFor(memo, hoursPerDay) : new Map(),
    percents: memo?.percents ?? new Map(),
  };
}

/**
 * A duration as people read it, as precise as it is useful: `12.5 min`, `2 h 51 min`, `69.6 d`
 * (a day is hoursPerDay working hours).
 */
export function duration(ctx: Context, minutes: number): string {
  // Keyed by what is shown: a large map repeats the same few waits, each a little apart.
  const day = ctx.hoursPerDay * 60;
  let shown = Math.round(minutes * 100) / 100;
  if (day > 0 && minutes >= day) shown = (Math.round((minutes / day) * 10) / 10) * day;
  else if (minutes >= 60) shown = Math.round(minutes);
  let text = ctx.durations.get(shown);
  if (text === undefined) {
    text = formatMinutes(shown, ctx.hoursPerDay);
    ctx.durations.set(shown, text);
  }
  return text;
}

/** A step's label in quotes for messages (a long one cut at a word, with "…"), or its id when it has none. */
export function named(ctx: Context, i: number): string {
  let name = ctx.names[i];
  if (name === undefined) {
    const label = ctx.g.labels[i] as string;
    name = ctx.labelNames?.get(label);
    if (name === undefined) {
      name = label.trim() === '' ? `step ${ctx.g.ids[i]}` : `“${shortLabel(label)}”`;
      // An unlabelled step's name is its id: only a label's name holds in another analysis.
      if (ctx.labelNames && label.trim() !== '') ctx.labelNames.set(label, name);
    }
    ctx.names[i] = name;
  }
  return name;
}

/**
 * The names of steps for a message list. A loop, not `steps.map((i) => named(ctx, i))`: V8
 * optimises a closure made anew on every call again and again.
 */
export function namesOf(ctx: Context, steps: readonly number[]): string[] {
  const out: string[] = new Array(steps.length);
  for (let k = 0; k < steps.length; k++) out[k] = named(ctx, steps[k] as number);
  return out;
}

/** A share as a percentage with at most one decimal: `37.5%`. */
export function percent(ctx: Context, share: number): string {
  const key = Math.round(share * 1000);
  let text = ctx.percents.get(key);
  if (text === undefined) {
    text = formatShare(key / 1000);
    ctx.percents.set(key, text);
  }
  return text;
}

/** Step indices in flow order (ties by map order). */
export function inFlowOrder(ctx: Context, steps: readonly number[]): number[] {
  // A numeric sort of ranks (no comparator calls), then back to steps, repeats dropped.
  const ranks = new Int32Array(steps.length);
  for (let k = 0; k < steps.length; k++) ranks[k] = ctx.flowRank[steps[k] as number] as number;
  ranks.sort();
  const out: number[] = [];
  let last = -1;
  for (const r of ranks) {
    if (r !== last) out.push(ctx.byRank[r] as number);
    last = r;
  }
  return out;
}

/** Hourly cost of step i's role; NaN when the map gives none. */
export function hourlyCost(ctx: Context, i: number): number {
  const r = ctx.g.role[i] as number;
  return r < 0 ? Number.NaN : (ctx.g.roleCost[r] as number);
}

/** Headcount of step i's role; NaN when the map gives no positive one. */
export function headcount(ctx: Context, i: number): number {
  const r = ctx.g.role[i] as number;
  return r < 0 ? Number.NaN : (ctx.g.roleHeadcount[r] as number);
}
