export type { CommentId, FlowId, RoleId, StepId } from './ids';
export { commentId, createIdFactory, flowId, roleId, stepId } from './ids';
export type {
  Comment,
  Demand,
  Flow,
  Position,
  ProcessMap,
  Reply,
  Role,
  Scenario,
  Settings,
  SimulationSettings,
  Step,
  TimeVariation,
  Votes,
} from './types';
export type {
  Activity,
  ArrivalPattern,
  CommentKind,
  DemandPeriod,
  Distribution,
  StepKind,
  ValueClass,
  Waste,
} from './vocabulary';
export {
  ACTIVITIES,
  ARRIVAL_PATTERNS,
  COMMENT_KINDS,
  CURRENT_VERSION,
  DEMAND_PERIODS,
  DISTRIBUTIONS,
  FORMAT_NAME,
  STEP_KINDS,
  VALUE_CLASSES,
  VOTABLE_KINDS,
  WASTES,
} from './vocabulary';
export type { ResolvedSettings } from './settings';
export { DEFAULT_SETTINGS, resolveSettings, workingMinutesPer } from './settings';
export type { Problem, ProblemCode, ProblemSeverity } from './problems';
export { formatPath, formatProblem } from './problems';
export type { JsonObject, Migration, MigrationResult } from './migrations';
export { assertMigrationChain, MIGRATIONS, migrate } from './migrations';
export { processMapJsonSchema } from './schema';
export { MAX_NESTING, tooDeep } from './nesting';
export type { RecordKind, ValidationResult } from './validate';
export { checkRecord, describe as describeValue, validateMap } from './validate';
export type { NormalizeResult, Repair, RepairCode } from './normalize';
export { normalize, UNASSIGNED_ROLE_ID, UNASSIGNED_ROLE_NAME } from './normalize';
export type { MapIndex } from './graph';
export { entrySteps, indexMap, isHandoff, lanesInOrder, reachableFrom } from './graph';
export type {
  BadDecision,
  CompiledGraph,
  CompileOptions,
  GraphProblems,
} from './compiled-graph';
export { branchSharesWithout, compileGraph, entryIndices, KIND_CODE } from './compiled-graph';
export { compareOrder, ORDER_STEP, orderBetween, rebalanceOrders } from './order-keys';
export { emptyMap } from './empty';
export type { DurationResult, DurationSettings } from './duration';
export { formatDuration, formatStepTimes, parseDuration, roundedDuration } from './duration';
export {
  DEFAULT_VOTES_PER_PERSON,
  isVotable,
  votesBy,
  votesLeft,
  votesOf,
  votesPerPerson,
  votesUsed,
} from './votes';
export { flowLabel } from './flow-label';
export type { LabelledKind } from './limits';
export { LABEL_FIELDS, labelLengthProblem, MAX_LABEL_LENGTH, shortLabel } from './limits';
export { LANE_COLOURS, laneColour } from './lane-colours';
export type { FieldTable } from './field-check';
export { FIELD_TABLES, fieldExpects, fieldNames, fieldProblem, HEADER_ORDER } from './field-check';
export type { ListChanges, MapChanges } from './diff-maps';
export { diffFrom, diffMaps, sameValue } from './diff-maps';
export type { ScenarioLookup } from './scenario-map';
export { AS_IS_ID, findScenario, scenarioMap } from './scenario-map';
