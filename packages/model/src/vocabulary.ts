/*
 * The words of the map file, version 1: the closed lists its fields take their values from, and
 * the format's name and version. Field names are a public contract (docs/format.md).
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

/** How cases arrive in a simulation: at random (Poisson, the default) or evenly spaced. */
export const ARRIVAL_PATTERNS = ['random', 'even'] as const;
export type ArrivalPattern = (typeof ARRIVAL_PATTERNS)[number];

/**
 * How a step's time varies from case to case in a simulation (docs/simulation.md): always the
 * same (the default), exponential with the step's time as mean, triangular with it as mode,
 * uniform between two bounds, lognormal with it as mean.
 */
export const DISTRIBUTIONS = [
  'fixed',
  'exponential',
  'triangular',
  'uniform',
  'lognormal',
] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** The comment kinds that take dot votes. */
export const VOTABLE_KINDS: readonly CommentKind[] = ['pain-point', 'idea'];

export const FORMAT_NAME = 'procmap';
/** The newest file version this code reads and writes. */
export const CURRENT_VERSION = 1;
