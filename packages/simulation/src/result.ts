/*
 * What a simulation run reports: exactly the JSON of `procmap simulate FILE --json`
 * (docs/simulation.md). Times in working minutes, shares 0..1. Means are over replications;
 * `ci95` is the 95% confidence interval of the mean across replications (Student t), null when
 * there is one replication only.
 */

/** One bar of the lead-time histogram: cases (of every replication) with from ≤ lead < to. */
export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface LeadTimeResult {
  readonly mean: number;
  readonly ci95: readonly [number, number] | null;
  /** Percentiles: each replication's own, averaged over the replications. */
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  /** The longest lead time of any measured case in any replication. */
  readonly max: number;
  readonly histogram: readonly HistogramBin[];
}

export interface RoleResult {
  readonly id: string;
  readonly name: string;
  /** People in the role's pool; null when the map gives none (as many as needed). */
  readonly headcount: number | null;
  /** Share of the pool's time spent working; null for a role without a headcount. */
  readonly utilisation: number | null;
  /** Cases waiting for someone of this role, time-averaged. */
  readonly meanQueueLength: number;
  /** Minutes a visit waits for someone of this role, per visit to its steps. */
  readonly meanQueueTime: number;
}

export interface StepResult {
  readonly id: string;
  readonly label: string;
  /** Visits per measured case. */
  readonly visits: number;
  /** Per visit; null when no measured case visited the step. */
  readonly meanQueueTime: number | null;
  readonly meanProcessTime: number | null;
  readonly meanWaitTime: number | null;
}

/** Codes of the things a run says about its answer. */
export type SimulationWarningCode =
  /** A role offered more work than its people can do: its queue grows without end. */
  | 'overloaded'
  /** A role without a headcount: simulated with as many people as it needed. */
  | 'unlimited'
  /** A headcount that is not a whole number, rounded to whole people. */
  | 'whole-people'
  /** Cases that never finished: their parallel branches never all met again. */
  | 'stuck'
  /** Measuring began before the service had filled up: the warm-up is shorter than a case. */
  | 'short-warmup';

export interface SimulationWarning {
  readonly code: SimulationWarningCode;
  readonly roleId?: string;
  readonly stepId?: string;
  readonly message: string;
}

export interface SimulationResult {
  readonly cases: number;
  readonly replications: number;
  readonly warmup: number;
  readonly seed: number;
  readonly leadTime: LeadTimeResult;
  readonly throughputPerHour: number;
  readonly wip: { readonly mean: number };
  /** Hands-on cost of a case from the roles' hourly costs; null when no role has one. */
  readonly costPerCase: number | null;
  readonly roles: readonly RoleResult[];
  readonly steps: readonly StepResult[];
  readonly warnings: readonly SimulationWarning[];
}

/** Why a map cannot be simulated as it is: each names what to add or fix, and where. */
export type SimulationProblemCode =
  | 'no-demand'
  | 'no-start'
  | 'bad-time'
  | 'bad-variation'
  | 'bad-probabilities'
  | 'no-people'
  | 'endless-loop'
  | 'bad-option';

export interface SimulationProblem {
  readonly code: SimulationProblemCode;
  readonly stepId?: string;
  readonly roleId?: string;
  readonly message: string;
}

/** How a run goes; each absent field takes the map's `settings.simulation`, then the default. */
export interface SimulationOptions {
  readonly cases?: number;
  readonly replications?: number;
  readonly warmup?: number;
  readonly seed?: number;
}

/**
 * The defaults of docs/format.md, "Simulation inputs". The warm-up is the least one chosen when
 * none is asked for: a run lengthens it for a map whose cases take longer (docs/simulation.md).
 */
export const SIMULATION_DEFAULTS = {
  cases: 10_000,
  replications: 10,
  warmup: 500,
  seed: 1,
} as const;

/** The values each option takes, least and most: whole numbers, a run needs a case and a replication. */
export const SIMULATION_RANGES: Readonly<
  Record<keyof SimulationOptions, readonly [number, number]>
> = {
  cases: [1, 10_000_000],
  replications: [1, 1000],
  warmup: [0, 10_000_000],
  seed: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
