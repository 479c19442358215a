import type { CommentId, FlowId, RoleId, StepId } from './ids';

/*
 * The map, version 1. Field names are a public contract (docs/format.md): the CLI, the REST API,
 * the shared Yjs document and users' own scripts all read them. Records may carry fields this
 * version does not know; every layer keeps them untouched.
 */

/** What a step is: where a case begins, work, a choice, a pause, or where it ends. */
export const STEP_KINDS = ['start', 'task', 'decision', 'delay', 'end'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Lean value classes: does the customer pay for it, does the business need it, or neither. */
export const VALUE_CLASSES = ['value-adding', 'necessary', 'waste'] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number];

/** The nature of the work, used by the waste rules (approval chains, unused skills...). */
export const ACTIVITIES = ['work', 'approval', 'inspection', 'transport'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const COMMENT_KINDS = ['note', 'pain-point', 'idea', 'question'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** The eight wastes of Lean (TIMWOODS). */
export const WASTES = [
  'transport',
  'inventory',
  'motion',
  'waiting',
  'overproduction',
  'overprocessing',
  'defects',
  'skills',
] as const;
export type Waste = (typeof WASTES)[number];

export const DEMAND_PERIODS = ['hour', 'day', 'week'] as const;
export type DemandPeriod = (typeof DEMAND_PERIODS)[number];

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** Cases arriving per period; drives takt time and utilisation. */
export interface Demand {
  readonly count: number;
  readonly per: DemandPeriod;
}

export interface Settings {
  /** Working hours in a day: turns "1.5d" into minutes, and sizes capacity. Default 7.5. */
  readonly hoursPerDay?: number;
  /** Working days in a week. Default 5. */
  readonly daysPerWeek?: number;
  readonly demand?: Demand;
  /** ISO 4217 code for hourly costs, e.g. "GBP". */
  readonly currency?: string;
  /** Dot-voting: how many votes each person may place across the map's comments, 0..99. Default 3. */
  readonly votesPerPerson?: number;
  /** The waste analysis thresholds of this map, by name; a missing one takes its default (docs/analysis.md). */
  readonly analysis?: Readonly<Record<string, number>>;
}

/** A swimlane: the people in one role who own the steps drawn in it. */
export interface Role {
  readonly id: RoleId;
  readonly name: string;
  /** Sort key of the lane, top to bottom (ties broken by id). Fractional: see orderBetween. */
  readonly order?: number;
  /** People available to this process in this role. */
  readonly headcount?: number;
  readonly hourlyCost?: number;
  readonly color?: string;
}

export interface Step {
  readonly id: StepId;
  /** The owning role. The truth of lane membership: lane geometry is derived from it. */
  readonly roleId: RoleId;
  readonly kind: StepKind;
  readonly label: string;
  /** Hands-on minutes per case. */
  readonly processTime?: number;
  /** Minutes the case waits BEFORE this step starts. */
  readonly waitTime?: number;
  readonly valueClass?: ValueClass;
  readonly activity?: Activity;
  /** Share of cases arriving complete and accurate, 0..1. */
  readonly completeAccurate?: number;
  /** Data items keyed in at this step: the same item at two steps is duplicated entry. */
  readonly dataEntered?: readonly string[];
  readonly systems?: readonly string[];
  readonly batchSize?: number;
  /** A manual position; absent means auto-layout decides. */
  readonly position?: Position;
  readonly notes?: string;
}

export interface Flow {
  readonly id: FlowId;
  readonly from: StepId;
  readonly to: StepId;
  readonly label?: string;
  /** For flows leaving a decision: the share of cases taking this branch, 0..1. */
  readonly probability?: number;
}

export interface Reply {
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
}

/** An analyst's annotation on a step, a flow, or (without targetId) the whole map. */
export interface Comment {
  readonly id: CommentId;
  readonly targetId?: string;
  readonly kind: CommentKind;
  readonly waste?: Waste;
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
  readonly resolved?: boolean;
  readonly replies?: readonly Reply[];
  /**
   * Dot votes on a pain point or idea: voter id -> number of votes that person placed here
   * (a whole number, at least 0). Absent means no votes.
   */
  readonly votes?: Votes;
}

/** Dot votes on one comment: voter id -> votes that voter placed on it. */
export type Votes = Readonly<Record<string, number>>;

/** The comment kinds that take dot votes. */
export const VOTABLE_KINDS: readonly CommentKind[] = ['pain-point', 'idea'];

export const FORMAT_NAME = 'procmap';
/** The newest file version this code reads and writes. */
export const CURRENT_VERSION = 1;

/** A whole map as one JSON document (`*.procmap.json`). */
export interface ProcessMap {
  readonly format: typeof FORMAT_NAME;
  readonly version: typeof CURRENT_VERSION;
  readonly id?: string;
  readonly title: string;
  readonly description?: string;
  readonly settings?: Settings;
  readonly roles: readonly Role[];
  readonly steps: readonly Step[];
  readonly flows: readonly Flow[];
  readonly comments?: readonly Comment[];
}
