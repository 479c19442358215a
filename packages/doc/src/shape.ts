import { fieldNames, HEADER_ORDER } from '@procmap/model';
import type * as Y from 'yjs';

/*
 * The shape of the shared document — a public contract that other Yjs clients read and write:
 * top-level Y.Maps `roles`, `steps`, `flows`, `comments` keyed by record id, each record a Y.Map
 * of its fields named as in the file format (docs/format.md); and `meta`, a Y.Map holding the
 * map's own fields (title, description, id, any unknown top-level field) with `settings` as a
 * nested Y.Map. Comment replies are a Y.Array so two people replying at once both keep theirs,
 * and a comment's `votes` a nested Y.Map (voter id -> votes, present from the comment's
 * creation, read as absent while empty) so two people voting at once both count.
 * Keying by id (never list positions) means a concurrent move cannot duplicate a record.
 * `scenarios` holds the map's alternative processes, each shaped like the map's own (ADR 9).
 */

export const COLLECTIONS = ['roles', 'steps', 'flows', 'comments'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export type RecordMap = Y.Map<unknown>;

export interface DocMaps {
  readonly roles: Y.Map<RecordMap>;
  readonly steps: Y.Map<RecordMap>;
  readonly flows: Y.Map<RecordMap>;
  readonly comments: Y.Map<RecordMap>;
  readonly meta: Y.Map<unknown>;
  /**
   * The map's scenarios (ADR 9), keyed by scenario id: each a Y.Map with `name`, `description`,
   * `createdAt`, `ideas` (a Y.Map set of comment ids), `settings` (a Y.Map of overrides) and
   * `roles`, `steps`, `flows` shaped as the top-level maps.
   */
  readonly scenarios: Y.Map<Y.Map<unknown>>;
}

/** The top-level maps of a Y.Doc, created on first access. */
export function docMaps(doc: Y.Doc): DocMaps {
  return {
    roles: doc.getMap<RecordMap>('roles'),
    steps: doc.getMap<RecordMap>('steps'),
    flows: doc.getMap<RecordMap>('flows'),
    comments: doc.getMap<RecordMap>('comments'),
    meta: doc.getMap<unknown>('meta'),
    scenarios: doc.getMap<Y.Map<unknown>>('scenarios'),
  };
}

/*
 * Field order when a record is read back, so every replica writes the same JSON: the file
 * format's own order (the field tables of @procmap/model), never a list kept here. Unknown
 * fields follow, sorted. A Y.Map lists keys in the order each replica learnt of them, so
 * without a fixed order two replicas that received two people's edits in different orders
 * would write different JSON.
 */
export const FIELD_ORDER: Record<Collection, readonly string[]> = {
  roles: fieldNames('roles'),
  steps: fieldNames('steps'),
  flows: fieldNames('flows'),
  comments: fieldNames('comments'),
};

/** Field order of `settings` when read back; unknown settings follow, sorted. */
export const SETTINGS_ORDER = fieldNames('settings');

/** The map's own fields, in file order; unknown top-level fields follow, sorted. */
export const META_ORDER = HEADER_ORDER;
