import { z } from 'zod';
import { MAX_LABEL_LENGTH } from './limits';
import {
  ACTIVITIES,
  ARRIVAL_PATTERNS,
  COMMENT_KINDS,
  CURRENT_VERSION,
  DEMAND_PERIODS,
  DISTRIBUTIONS,
  FORMAT_NAME,
  STEP_KINDS,
  VALUE_CLASSES,
  WASTES,
} from './vocabulary';

/*
 * The version-1 file, defined once. Everything else is derived from these field tables: the
 * TypeScript types (types.ts), the validator (validate.ts), the shared document's field order
 * and its checks on a local edit (@procmap/doc), and the published JSON Schema
 * (docs/format.schema.json). Adding an optional field to a record is one line in its table
 * (plus docs/format.md and tests; the field walk test in records.test.ts says what is missing).
 *
 * Objects are "loose": fields this version does not know pass through untouched, so a file
 * written by a newer tool or a user's script loses nothing. Each field carries, in the
 * `fieldTexts` registry, what a value must be, for the messages of a refused edit ("processTime
 * must be minutes, at least 0"); the registry is not the global one, so it stays out of the
 * JSON Schema.
 */

/** What a field's value must be, in words, keyed by the field's schema. */
export const fieldTexts = z.registry<{ readonly expects: string }>();

function said<T extends z.ZodType>(schema: T, expects: string): T {
  fieldTexts.add(schema, { expects });
  return schema;
}

/** Ids are non-empty text, branded by what they name (ids.ts). */
const anId = () => z.string().min(1);
const ID = 'a non-empty id';
const roleId = () => said(anId().brand<'RoleId'>(), ID);
const stepId = () => said(anId().brand<'StepId'>(), ID);
const flowId = () => said(anId().brand<'FlowId'>(), ID);
const commentId = () => said(anId().brand<'CommentId'>(), ID);
const text = () => said(z.string(), 'text');
/** A name: a step's or flow's label, a lane's name, the map's title (capped: see limits.ts). */
const name = () => said(z.string(), `text of at most ${MAX_LABEL_LENGTH} characters`);
const minutes = () => said(z.number().nonnegative(), 'minutes, at least 0');
const atLeastZero = () => said(z.number().nonnegative(), 'a number of at least 0');
const share = (expects = 'a share between 0 and 1') => said(z.number().min(0).max(1), expects);
const tags = () => said(z.array(z.string()), 'a list of text');
const oneOf = <const T extends readonly [string, ...string[]]>(list: T) =>
  said(z.enum(list), list.join(', '));

/** A manual position on the canvas. */
export const positionFields = { x: z.number(), y: z.number() };

/** Cases arriving per period; drives takt time, utilisation and the simulation's arrivals. */
export const demandFields = {
  count: z.number().nonnegative(),
  per: z.enum(DEMAND_PERIODS),
  /** How cases arrive in a simulation: random (Poisson, the default) or even. */
  arrivals: z.enum(ARRIVAL_PATTERNS).optional(),
};

/** A simulation's defaults for this map; the command line's flags override them. */
export const simulationFields = {
  cases: z.number().int().min(1).optional(),
  replications: z.number().int().min(1).optional(),
  warmup: z.number().int().nonnegative().optional(),
  seed: z.number().int().optional(),
};

/*
 * How a step's time varies from case to case (docs/simulation.md). The step's own time is the
 * mean (exponential, lognormal) or the most likely value (triangular); the bounds a range needs
 * are required with it, and may not cross.
 */
const bound = () => z.number().nonnegative();
const variationWords = `a variation: { distribution: ${DISTRIBUTIONS.join(' | ')}, … } with min ≤ max where a range needs them`;
const timeVariation = () =>
  said(
    z
      .discriminatedUnion('distribution', [
        z.looseObject({ distribution: z.literal('fixed') }),
        z.looseObject({ distribution: z.literal('exponential') }),
        z.looseObject({ distribution: z.literal('triangular'), min: bound(), max: bound() }),
        z.looseObject({ distribution: z.literal('uniform'), min: bound(), max: bound() }),
        z.looseObject({ distribution: z.literal('lognormal'), cv: z.number().positive() }),
      ])
      .refine((v) => !('min' in v && 'max' in v) || (v.min as number) <= (v.max as number), {
        message: 'min must not be above max',
        path: ['min'],
      }),
    variationWords,
  );

/*
 * The waste analysis thresholds of this map (docs/analysis.md); every one optional, a missing
 * one takes the documented default. Shares are 0..1; the rest are non-negative numbers.
 */
const ratio = () => z.number().nonnegative();
const thresholdShare = () => z.number().min(0).max(1);
export const analysisFields = {
  longWaitShare: thresholdShare().optional(),
  longWaitEfficiency: thresholdShare().optional(),
  longWaitMinutes: ratio().optional(),
  longWaitDays: ratio().optional(),
  bottleneckUtilisation: ratio().optional(),
  bottleneckCritical: ratio().optional(),
  handoffShare: thresholdShare().optional(),
  completeAccurate: thresholdShare().optional(),
  rolledCompleteAccurate: thresholdShare().optional(),
  approvalWaitRatio: ratio().optional(),
  unusedSkillsCostRatio: ratio().optional(),
  probabilityTolerance: thresholdShare().optional(),
};

export const settingsFields = {
  /** Working hours in a day: turns "1.5d" into minutes, and sizes capacity. Default 7.5. */
  hoursPerDay: said(z.number().positive().max(24), 'hours between 0 and 24').optional(),
  /** Working days in a week. Default 5. */
  daysPerWeek: said(z.number().positive().max(7), 'days between 0 and 7').optional(),
  demand: said(
    z.looseObject(demandFields),
    `{ count, per: ${DEMAND_PERIODS.join(' | ')} }`,
  ).optional(),
  /** ISO 4217 code for hourly costs, e.g. "GBP". */
  currency: text().optional(),
  /** The waste analysis thresholds of this map, by name; a missing one takes its default. */
  analysis: said(z.looseObject(analysisFields), 'thresholds by name').optional(),
  /** Dot-voting: votes each person may place across the map's comments. Default 3. */
  votesPerPerson: said(z.number().int().min(0).max(99), 'a whole number from 0 to 99').optional(),
  /** A simulation's defaults: cases, replications, warm-up cases, seed. */
  simulation: said(
    z.looseObject(simulationFields),
    '{ cases, replications, warmup, seed }: whole numbers, cases and replications at least 1',
  ).optional(),
};

/** A swimlane: the people in one role who own the steps drawn in it. */
export const roleFields = {
  id: roleId(),
  name: name(),
  /** Sort key of the lane, top to bottom (ties broken by id). Fractional: see orderBetween. */
  order: said(z.number(), 'a number').optional(),
  /** People available to this process in this role. */
  headcount: atLeastZero().optional(),
  hourlyCost: atLeastZero().optional(),
  color: text().optional(),
};

export const stepFields = {
  id: stepId(),
  /** The owning role. The truth of lane membership: lane geometry is derived from it. */
  roleId: roleId(),
  kind: oneOf(STEP_KINDS),
  label: name(),
  /** Hands-on minutes per case. */
  processTime: minutes().optional(),
  /** Minutes the case waits BEFORE this step starts. */
  waitTime: minutes().optional(),
  /** How processTime varies from case to case in a simulation; absent: always the same. */
  processVariation: timeVariation().optional(),
  /** How waitTime varies from case to case in a simulation; absent: always the same. */
  waitVariation: timeVariation().optional(),
  valueClass: oneOf(VALUE_CLASSES).optional(),
  activity: oneOf(ACTIVITIES).optional(),
  /** Share of cases arriving complete and accurate, 0..1. */
  completeAccurate: share().optional(),
  /** Data items keyed in at this step: the same item at two steps is duplicated entry. */
  dataEntered: tags().optional(),
  systems: tags().optional(),
  batchSize: said(z.number().positive(), 'a number above 0').optional(),
  /** A manual position; absent means auto-layout decides. */
  position: said(z.looseObject(positionFields), 'an { x, y } point').optional(),
  notes: text().optional(),
};

export const flowFields = {
  id: flowId(),
  from: stepId(),
  to: stepId(),
  label: name().optional(),
  /** For flows leaving a decision: the share of cases taking this branch, 0..1. */
  probability: share('a probability between 0 and 1').optional(),
};

export const replyFields = { author: text(), text: text(), createdAt: text() };

/** An analyst's annotation on a step, a flow, or (without targetId) the whole map. */
export const commentFields = {
  id: commentId(),
  targetId: text().optional(),
  kind: oneOf(COMMENT_KINDS),
  waste: oneOf(WASTES).optional(),
  author: text(),
  text: text(),
  createdAt: text(),
  resolved: said(z.boolean(), 'true or false').optional(),
  replies: said(z.array(z.looseObject(replyFields)), 'a list of replies').optional(),
  /**
   * Dot votes on a pain point or idea: voter id -> number of votes that person placed here
   * (a whole number, at least 0). Absent means no votes.
   */
  votes: said(
    z.record(z.string(), z.number().int().nonnegative()),
    'votes by voter, whole numbers of at least 0',
  ).optional(),
};

/** The map's own fields (its header), as one edit may set them. */
export const headerFields = {
  id: text().optional(),
  title: name(),
  description: text().optional(),
  settings: said(z.looseObject(settingsFields), 'map settings').optional(),
};

/** The id a scenario may not take: the map's own process is always "as-is". */
export const AS_IS_ID = 'as-is';

/**
 * A named alternative of the map's process (a to-be): a whole process of its own, started as a
 * copy of the as-is keeping its ids, so "what changed" is a comparison by id (ADR 9). Comments
 * stay with the map; `ideas` names the idea comments the scenario puts into practice.
 */
export const scenarioFields = {
  id: said(
    anId().refine((id) => id !== AS_IS_ID, {
      message: `"${AS_IS_ID}" names the map's own process`,
    }),
    `a non-empty id other than "${AS_IS_ID}"`,
  ),
  name: name(),
  description: text().optional(),
  createdAt: text().optional(),
  ideas: said(z.array(z.string()), 'a list of comment ids').optional(),
  /** Overrides of the map's settings for this scenario (demand, simulation…). */
  settings: said(z.looseObject(settingsFields), 'settings to override').optional(),
  roles: z.array(z.looseObject(roleFields)),
  steps: z.array(z.looseObject(stepFields)),
  flows: z.array(z.looseObject(flowFields)),
};

/** The whole file's top level, in file order. */
export const mapFields = {
  format: z.literal(FORMAT_NAME),
  version: z.literal(CURRENT_VERSION),
  ...headerFields,
  roles: z.array(z.looseObject(roleFields)),
  steps: z.array(z.looseObject(stepFields)),
  flows: z.array(z.looseObject(flowFields)),
  comments: z.array(z.looseObject(commentFields)).optional(),
  scenarios: z.array(z.looseObject(scenarioFields)).optional(),
};

/** One record of each list, and the map's own fields: checked one at a time (checkRecord). */
const { roles: _r, steps: _s, flows: _f, ideas: _i, ...scenarioOwnFields } = scenarioFields;

export const recordSchemas = {
  roles: z.looseObject(roleFields),
  steps: z.looseObject(stepFields),
  flows: z.looseObject(flowFields),
  comments: z.looseObject(commentFields),
  header: z.looseObject(headerFields),
  /** A scenario's own fields (id, name, description, createdAt, settings), its lists apart. */
  scenario: z.looseObject(scenarioOwnFields),
} as const;

/** The whole version-1 map file. */
export const processMapSchema = z.looseObject(mapFields);

/** JSON Schema (draft 2020-12) of the version-1 file, generated from the validator. */
export function processMapJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(processMapSchema, { target: 'draft-2020-12' }),
    title: 'procmap map file, version 1',
  };
}
