import type * as Y from 'yjs';
import { DocError, type DocErrorCode } from '../errors';
import type { Collection, DocMaps, RecordMap } from '../shape';

/** What a command needs: the maps to write, fresh ids, and the clock for timestamps. */
export interface CommandContext {
  readonly maps: DocMaps;
  readonly newId: (prefix: string) => string;
  readonly now: () => Date;
}

const UNKNOWN: Record<Collection, DocErrorCode> = {
  roles: 'unknown-role',
  steps: 'unknown-step',
  flows: 'unknown-flow',
  comments: 'unknown-comment',
};

const NOUN: Record<Collection, string> = {
  roles: 'role',
  steps: 'step',
  flows: 'flow',
  comments: 'comment',
};

/** The record with this id, or a DocError naming what is missing. */
export function requireRecord(ctx: CommandContext, collection: Collection, id: string): RecordMap {
  const record = ctx.maps[collection].get(id);
  if (!record) throw new DocError(UNKNOWN[collection], `No ${NOUN[collection]} with id "${id}"`);
  return record;
}

/** A new id not yet used in the collection (ids are random; this guards against a bad source). */
export function freshId(ctx: CommandContext, collection: Collection, prefix: string): string {
  for (;;) {
    const id = ctx.newId(prefix);
    if (!ctx.maps[collection].has(id)) return id;
  }
}

/** Refuses an explicit id that is already taken. */
export function claimId(
  ctx: CommandContext,
  collection: Collection,
  id: string | undefined,
  prefix: string,
): string {
  if (id === undefined) return freshId(ctx, collection, prefix);
  if (id === '' || ctx.maps[collection].has(id)) {
    throw new DocError('invalid-value', `The ${NOUN[collection]} id "${id}" is empty or taken`);
  }
  return id;
}

/** A string field of a record, or undefined. */
export function readString(record: Y.Map<unknown>, key: string): string | undefined {
  const v = record.get(key);
  return typeof v === 'string' ? v : undefined;
}
