import { COMMENT_KINDS, type Comment, type CommentId, commentId, type Reply } from '@procmap/model';
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
  checkFields(input);
  checkTarget(ctx, input.targetId);
  const id = claimId(ctx, 'comments', input.id, 'c_');
  const createdAt = ctx.now().toISOString();
  insertRecord(ctx.maps.comments, id, { ...input, id, createdAt, resolved: false, replies: [] }, [
    'replies',
  ]);
  return commentId(id);
}

/** Changes a comment's text, kind, waste or resolved flag. */
export function updateComment(ctx: CommandContext, id: CommentId, patch: CommentPatch): void {
  const record = requireRecord(ctx, 'comments', id);
  checkKind(patch.kind, COMMENT_KINDS, 'comment');
  checkFields(patch);
  for (const [key, value] of Object.entries(patch)) {
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
  checkFields(reply);
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
