import { z } from 'zod';
import {
  ACTIVITIES,
  COMMENT_KINDS,
  CURRENT_VERSION,
  DEMAND_PERIODS,
  FORMAT_NAME,
  STEP_KINDS,
  VALUE_CLASSES,
  WASTES,
} from './types';

/*
 * The version-1 file as a zod schema. Objects are "loose": fields this version does not know
 * pass through untouched, so a file written by a newer tool or a user's script loses nothing.
 * The JSON Schema in docs/format.schema.json is generated from this.
 */

const id = z.string().min(1);
const minutes = z.number().nonnegative();
const share = z.number().min(0).max(1);
const tags = z.array(z.string());

const position = z.looseObject({ x: z.number(), y: z.number() });

const demand = z.looseObject({
  count: z.number().nonnegative(),
  per: z.enum(DEMAND_PERIODS),
});

/*
 * The waste analysis thresholds of this map (docs/analysis.md); every one optional, a missing
 * one takes the documented default. Shares are 0..1; the rest are non-negative numbers.
 */
const ratio = z.number().nonnegative();
const analysisThresholds = z.looseObject({
  longWaitShare: share.optional(),
  longWaitEfficiency: share.optional(),
  longWaitMinutes: minutes.optional(),
  longWaitDays: ratio.optional(),
  bottleneckUtilisation: ratio.optional(),
  bottleneckCritical: ratio.optional(),
  handoffShare: share.optional(),
  completeAccurate: share.optional(),
  rolledCompleteAccurate: share.optional(),
  approvalWaitRatio: ratio.optional(),
  unusedSkillsCostRatio: ratio.optional(),
  probabilityTolerance: share.optional(),
});

const settings = z.looseObject({
  hoursPerDay: z.number().positive().max(24).optional(),
  daysPerWeek: z.number().positive().max(7).optional(),
  demand: demand.optional(),
  currency: z.string().optional(),
  analysis: analysisThresholds.optional(),
  votesPerPerson: z.number().int().min(0).max(99).optional(),
});

const role = z.looseObject({
  id,
  name: z.string(),
  order: z.number().optional(),
  headcount: z.number().nonnegative().optional(),
  hourlyCost: z.number().nonnegative().optional(),
  color: z.string().optional(),
});

const step = z.looseObject({
  id,
  roleId: id,
  kind: z.enum(STEP_KINDS),
  label: z.string(),
  processTime: minutes.optional(),
  waitTime: minutes.optional(),
  valueClass: z.enum(VALUE_CLASSES).optional(),
  activity: z.enum(ACTIVITIES).optional(),
  completeAccurate: share.optional(),
  dataEntered: tags.optional(),
  systems: tags.optional(),
  batchSize: z.number().positive().optional(),
  position: position.optional(),
  notes: z.string().optional(),
});

const flow = z.looseObject({
  id,
  from: id,
  to: id,
  label: z.string().optional(),
  probability: share.optional(),
});

const reply = z.looseObject({ author: z.string(), text: z.string(), createdAt: z.string() });

const comment = z.looseObject({
  id,
  targetId: z.string().optional(),
  kind: z.enum(COMMENT_KINDS),
  waste: z.enum(WASTES).optional(),
  author: z.string(),
  text: z.string(),
  createdAt: z.string(),
  resolved: z.boolean().optional(),
  replies: z.array(reply).optional(),
  votes: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** One record of each list, and the map's own fields: checked one at a time (checkRecord). */
export const recordSchemas = {
  roles: role,
  steps: step,
  flows: flow,
  comments: comment,
  header: z.looseObject({
    id: z.string().optional(),
    title: z.string(),
    description: z.string().optional(),
    settings: settings.optional(),
  }),
} as const;

/** The whole version-1 map file. */
export const processMapSchema = z.looseObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(CURRENT_VERSION),
  id: z.string().optional(),
  title: z.string(),
  description: z.string().optional(),
  settings: settings.optional(),
  roles: z.array(role),
  steps: z.array(step),
  flows: z.array(flow),
  comments: z.array(comment).optional(),
});

/** JSON Schema (draft 2020-12) of the version-1 file, generated from the validator. */
export function processMapJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(processMapSchema, { target: 'draft-2020-12' }),
    title: 'procmap map file, version 1',
  };
}
