import {
  COMMENT_KINDS,
  type Comment,
  type CommentId,
  commentId,
  isVotable,
  type Reply,
  votesPerPerson,
} from '@procmap/model';
import * as Y from 'yjs';
import { cloneJson, insertRecord, setField } from '../codec';
import { checkFields, checkKind } from '../check-input';
import { DocError } from '../errors';
import { type CommandContext, claimId, requireRecord } from './context';

export interface AddCommentInput {
  readonly id?: string;
  /** A step or flow id; omitted for a comment on the whole map. */
  readonly targetId?: string;
  readonly kind: Comment['kind'];
  readonly waste?: Comment['waste'];
  readonly author: string;
  readonly text: string;
}

export type CommentPatch = {
  readonly [K in 'kind' | 'waste' | 'text' | 'resolved']?: Comment[K] | undefined;
};

function checkTarget(ctx: CommandContext, targetId: string | undefined): void {
  if (targetId === undefined) return;
  if (!ctx.maps.steps.has(targetId) && !ctx.maps.flows.has(targetId)) {
    throw new DocError('unknown-step', `No step or flow with id "${targetId}" to comment on`);
  }
}

/** Adds an annotation (note, pain point, idea, question) to a step, a flow or the map. */
export function addComment(ctx: CommandContext, input: AddCommentInput): CommentId {
  checkKind(input.kind, COMMENT_KINDS, 'comment');
  checkFields('comments', input);
  checkTarget(ctx, input.targetId);
  const id = claimId(ctx, 'comments', input.id, 'c_');
  const createdAt = ctx.now().toISOString();
  const { votes: _votes, ...fields } = input as AddCommentInput & { votes?: unknown };
  insertRecord(
    ctx.maps.comments,
    id,
    { ...fields, id, createdAt, resolved: false, replies: [] },
    ['replies'],
    ['votes'],
  );
  return commentId(id);
}

/** Changes a comment's text, kind, waste or resolved flag. */
export function updateComment(ctx: CommandContext, id: CommentId, patch: CommentPatch): void {
  const record = requireRecord(ctx, 'comments', id);
  checkKind(patch.kind, COMMENT_KINDS, 'comment');
  checkFields('comments', patch);
  // Only these four: replies and votes are shared structures that a patch must never replace.
  for (const key of ['kind', 'waste', 'text', 'resolved'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if ((key === 'kind' || key === 'text') && value === undefined) continue;
    setField(record, key, value);
  }
}

/** Appends a reply; replies are a shared list, so two people replying at once both keep theirs. */
export function addReply(
  ctx: CommandContext,
  id: CommentId,
  reply: Omit<Reply, 'createdAt'>,
): void {
  const record = requireRecord(ctx, 'comments', id);
  checkFields('replies', reply);
  let replies = record.get('replies');
  if (!(replies instanceof Y.Array)) {
    const existing = Array.isArray(replies) ? replies : [];
    replies = new Y.Array<unknown>();
    (replies as Y.Array<unknown>).push(existing.map(cloneJson));
    record.set('replies', replies);
  }
  (replies as Y.Array<unknown>).push([{ ...cloneJson(reply), createdAt: ctx.now().toISOString() }]);
}

/** Deletes a comment. */
export function deleteComment(ctx: CommandContext, id: CommentId): void {
  requireRecord(ctx, 'comments', id);
  ctx.maps.comments.delete(id);
}

/** A whole number of votes above 0, or 0 for anything else (a foreign writer's junk). */
function voteCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** The votes one voter placed on one comment record. */
function votesIn(record: Y.Map<unknown>, voterId: string): number {
  const votes = record.get('votes');
  if (votes instanceof Y.Map) return voteCount(votes.get(voterId));
  if (typeof votes === 'object' && votes !== null && Object.hasOwn(votes, voterId)) {
    return voteCount((votes as Record<string, unknown>)[voterId]);
  }
  return 0;
}

/** The comment's votes map; a plain object a foreign writer left is turned into one first. */
function votesMap(record: Y.Map<unknown>): Y.Map<unknown> {
  const votes = record.get('votes');
  if (votes instanceof Y.Map) return votes as Y.Map<unknown>;
  const map = new Y.Map<unknown>();
  record.set('votes', map);
  if (typeof votes === 'object' && votes !== null && !Array.isArray(votes)) {
    for (const [k, v] of Object.entries(votes)) map.set(k, cloneJson(v));
  }
  return map;
}

/** Each person's allowance from the map's settings (default 3). */
function allowance(ctx: CommandContext): number {
  const settings = ctx.maps.meta.get('settings');
  const value = settings instanceof Y.Map ? settings.get('votesPerPerson') : undefined;
  return votesPerPerson({ settings: { votesPerPerson: value as number | undefined } });
}

/** The votes one voter has placed across all comments. */
function votesUsedIn(ctx: CommandContext, voterId: string): number {
  let used = 0;
  ctx.maps.comments.forEach((record) => {
    if (record instanceof Y.Map) used += votesIn(record, voterId);
  });
  return used;
}

/** The votes a voter may still place (never below 0). */
export function votesLeftIn(ctx: CommandContext, voterId: string): number {
  return Math.max(0, allowance(ctx) - votesUsedIn(ctx, voterId));
}

/**
 * Dot-voting: places one of `voterId`'s votes on a pain point or idea (`delta` 1), or takes one
 * back (`delta` -1; allowed on any comment, so votes left on a comment whose kind changed can be
 * recovered). Refuses a vote beyond the voter's allowance (`no-votes-left`) and taking back a
 * vote the voter never placed. Returns the voter's votes on this comment afterwards. Votes live
 * in a nested map per comment, one entry per voter, so two people voting at once both count.
 */
export function vote(ctx: CommandContext, id: CommentId, voterId: string, delta: 1 | -1): number {
  const record = requireRecord(ctx, 'comments', id);
  if (typeof voterId !== 'string' || voterId === '') {
    throw new DocError('invalid-value', 'A vote needs the id of the person voting');
  }
  if (delta !== 1 && delta !== -1) {
    throw new DocError('invalid-value', `A vote changes by 1 or -1, got ${JSON.stringify(delta)}`);
  }
  const mine = votesIn(record, voterId);
  if (delta === -1) {
    if (mine === 0) {
      throw new DocError('invalid-value', 'There is no vote of yours on this comment to take back');
    }
  } else {
    const kind = record.get('kind') as Comment['kind'];
    if (!isVotable(kind)) {
      throw new DocError(
        'invalid-value',
        `Only pain points and ideas take votes; this comment is a ${String(kind)}`,
      );
    }
    const limit = allowance(ctx);
    if (votesUsedIn(ctx, voterId) >= limit) {
      throw new DocError(
        'no-votes-left',
        limit === 0
          ? 'Voting is off for this map (0 votes per person)'
          : `You have used all ${limit} of your votes: take one back from another comment first`,
      );
    }
  }
  const next = mine + delta;
  const votes = votesMap(record);
  if (next === 0) votes.delete(voterId);
  else votes.set(voterId, next);
  return next;
}

/** Clears every comment's votes as one edit (the facilitator starting a new round). */
export function resetVotes(ctx: CommandContext): number {
  let cleared = 0;
  ctx.maps.comments.forEach((record) => {
    if (!(record instanceof Y.Map)) return;
    const votes = record.get('votes');
    if (votes instanceof Y.Map) {
      for (const [voter, n] of [...votes.entries()]) {
        cleared += voteCount(n);
        votes.delete(voter);
      }
    } else if (votes !== undefined) {
      // A plain object a foreign writer left: count it and replace it with an empty map.
      for (const n of Object.values(typeof votes === 'object' && votes ? votes : {})) {
        cleared += voteCount(n);
      }
      record.set('votes', new Y.Map<unknown>());
    }
  });
  return cleared;
}
