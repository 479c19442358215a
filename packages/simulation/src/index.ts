export type { Random } from './random';
export { randomStreams } from './random';
export type { Sampler } from './distributions';
export { samplerOf, variationProblem } from './distributions';
export { EventQueue } from './event-queue';
export { meanWithCi95, RunningStats, studentT975 } from './statistics';
