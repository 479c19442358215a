export type { Random } from './random';
export { randomStreams } from './random';
export type { Sampler } from './distributions';
export { samplerOf, variationProblem } from './distributions';
export { EventQueue } from './event-queue';
export { meanWithCi95, RunningStats, studentT975 } from './statistics';
export type {
  HistogramBin,
  LeadTimeResult,
  RoleResult,
  SimulationOptions,
  SimulationProblem,
  SimulationProblemCode,
  SimulationResult,
  SimulationWarning,
  SimulationWarningCode,
  StepResult,
} from './result';
export { SIMULATION_DEFAULTS, SIMULATION_RANGES } from './result';
export type { Prepared, Simulated, SimulationRun } from './run';
export { prepareSimulation, simulate } from './run';
export { summarise } from './summary';
