import type { z } from 'zod';
import type {
  commentFields,
  demandFields,
  flowFields,
  mapFields,
  positionFields,
  replyFields,
  roleFields,
  scenarioFields,
  settingsFields,
  simulationFields,
  stepFields,
} from './schema';

/*
 * The map, version 1, as TypeScript types. They are inferred from the field tables in
 * schema.ts, the one definition of each record, so a field added there is known here at once
 * and the validator's output is these types without a cast. Field names are a public contract
 * (docs/format.md): the CLI, the REST API, the shared Yjs document and users' own scripts all
 * read them. Records may carry fields this version does not know; every layer keeps them
 * untouched (the types name only the known ones).
 */

/**
 * Read-only all the way down (a map snapshot is never changed in place), naming the known fields
 * only: the `unknown` index signature of a loose object (the unknown fields it keeps) is dropped,
 * so a misspelt field is a compile error rather than `unknown`; a record's (votes) stays.
 */
type Frozen<T> = unknown extends T
  ? T
  : T extends string | number | boolean | null | undefined // branded ids too
    ? T
    : T extends readonly (infer E)[]
      ? readonly Frozen<E>[]
      : {
          readonly [K in keyof T as string extends K
            ? unknown extends T[K]
              ? never
              : K
            : K]: Frozen<T[K]>;
        };

/** The record a field table describes (its known fields only). */
type RecordOf<Fields extends z.core.$ZodLooseShape> = Frozen<z.output<z.ZodObject<Fields>>>;

export type Position = RecordOf<typeof positionFields>;
/** Cases arriving per period; drives takt time and utilisation. */
export type Demand = RecordOf<typeof demandFields>;
export type Settings = RecordOf<typeof settingsFields>;
/** A simulation's defaults for this map (settings.simulation). */
export type SimulationSettings = RecordOf<typeof simulationFields>;
/** A swimlane: the people in one role who own the steps drawn in it. */
export type Role = RecordOf<typeof roleFields>;
export type Step = RecordOf<typeof stepFields>;
export type Flow = RecordOf<typeof flowFields>;
export type Reply = RecordOf<typeof replyFields>;
/** An analyst's annotation on a step, a flow, or (without targetId) the whole map. */
export type Comment = RecordOf<typeof commentFields>;
/** How a step's time varies from case to case in a simulation (processVariation, waitVariation). */
export type TimeVariation = NonNullable<Step['processVariation']>;
/** Dot votes on one comment: voter id -> votes that voter placed on it. */
export type Votes = NonNullable<Comment['votes']>;

/** A named alternative of the map's process (a to-be): a whole process of its own (ADR 9). */
export type Scenario = RecordOf<typeof scenarioFields>;

/** A whole map as one JSON document (`*.procmap.json`). */
export type ProcessMap = RecordOf<typeof mapFields>;
