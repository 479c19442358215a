import type { FlowId, RoleId, StepId, Waste } from '@procmap/model';

/*
 * The output of analyze(), as docs/analysis.md documents it. The JSON shape is a contract for
 * `procmap analyze --json` and the editor's panel: add fields freely, never rename these.
 */

/** Every rule, in the order of the method's table (also the tie-break order of findings). */
export const RULE_IDS = [
  'long-wait',
  'bottleneck',
  'slower-than-takt',
  'handoff',
  'ping-pong',
  'rework-loop',
  'low-complete-accurate',
  'duplicate-data-entry',
  'duplicate-step',
  'approval-chain',
  'batching',
  'non-value-adding',
  'unused-skills',
  'missing-data',
  'unreachable',
  'dead-end',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** How loudly a finding should be raised: critical means the process cannot keep up as mapped. */
export type Severity = 'info' | 'warning' | 'critical';

/** One improvement point: which waste, where, and how many minutes per case are at stake. */
export interface Finding {
  readonly rule: RuleId;
  /** The Lean waste; null for problems of the map itself (missing data, unreachable steps). */
  readonly waste: Waste | null;
  readonly severity: Severity;
  /** The steps concerned, in flow order where there is one. Every id exists in the map. */
  readonly stepIds: readonly StepId[];
  readonly flowIds: readonly FlowId[];
  /** The roles concerned (bottleneck, unused skills). */
  readonly roleIds: readonly RoleId[];
  readonly message: string;
  /**
   * Minutes per case the lead time would gain if this waste alone were removed (0 when the map
   * does not say, or when the gain is not time: moving work to a lower-cost role).
   */
  readonly timeAtStake: number;
  /**
   * The part of timeAtStake that no finding listed before this one already counts (the same
   * queue named by a long wait and by a bottleneck counts once). Summed over the findings it
   * never exceeds the lead time: it is what can be added up.
   */
  readonly uniqueTimeAtStake: number;
}

/**
 * What limits the process: the busiest role (by utilisation when demand and headcounts are
 * known), and the step within it that takes most of its capacity; on what basis it was chosen.
 */
export interface BottleneckMetric {
  /** The busiest step of the bottleneck role. */
  readonly stepId: StepId;
  readonly label: string;
  /** The bottleneck role; null when the step's role is not in the map. */
  readonly roleId: RoleId | null;
  readonly roleName: string;
  /** The role's utilisation (basis `utilisation`), else null. */
  readonly utilisation: number | null;
  /** `utilisation` when demand and headcount are known, else `time` (own process + wait). */
  readonly basis: 'utilisation' | 'time';
}

export interface LongestWaitMetric {
  readonly stepId: StepId;
  readonly label: string;
  /** Expected minutes of waiting per case at this step: v(i) x waitTime(i). */
  readonly waitTime: number;
}

export interface RoleMetrics {
  readonly roleId: RoleId;
  readonly name: string;
  /** Expected hands-on minutes per case: sum of v(i) x processTime(i) over the role's steps. */
  readonly workPerCase: number;
  /** Work demanded / capacity available; null without demand or headcount. */
  readonly utilisation: number | null;
  /** When utilisation is 1 or more: cases added to the role's queue each demand period. */
  readonly queueGrowthPerPeriod: number | null;
}

/** Per-case figures, in minutes unless stated. */
export interface Metrics {
  readonly leadTime: number;
  readonly processTime: number;
  readonly waitTime: number;
  readonly valueAddedTime: number;
  readonly processCycleEfficiency: number | null;
  readonly activityRatio: number | null;
  readonly handoffs: number;
  readonly rolledCompleteAccurate: number | null;
  readonly costPerCase: number | null;
  readonly taktTime: number | null;
  /** Little's law: arrival rate x lead time; null without demand. */
  readonly casesInProgress: number | null;
  readonly bottleneck: BottleneckMetric | null;
  readonly longestWait: LongestWaitMetric | null;
  readonly roles: readonly RoleMetrics[];
}

/** What analyze() returns: `{ metrics, findings }`, findings sorted by time at stake. */
export interface AnalysisResult {
  readonly metrics: Metrics;
  readonly findings: readonly Finding[];
}
