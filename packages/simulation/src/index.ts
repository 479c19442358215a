export type { Random } from './random';
export { randomStreams } from './random';
export type { Sampler } from './distributions';
export { samplerOf, variationProblem } from './distributions';
