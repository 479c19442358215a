import type { Comment, CommentKind, MapIndex, Waste } from '@procmap/model';

/*
 * Which comments the panel lists, in which order: pure, so the filters are unit-tested
 * without a browser.
 */

export type StatusFilter = 'open' | 'resolved' | 'all';
export type SortOrder = 'newest' | 'votes';

export interface CommentFilters {
  readonly kind: CommentKind | 'all';
  readonly waste: Waste | 'all';
  readonly status: StatusFilter;
  /** A lane: comments on its steps (and on flows leaving them). */
  readonly roleId: string | 'all';
  readonly sort: SortOrder;
}

export const NO_FILTERS: CommentFilters = {
  kind: 'all',
  waste: 'all',
  status: 'open',
  roleId: 'all',
  sort: 'newest',
};

/** Where a comment is pinned, as the panel says it. */
export type Placement =
  | {
      readonly on: 'step';
      readonly stepId: string;
      readonly label: string;
      readonly roleId: string;
    }
  | {
      readonly on: 'flow';
      readonly flowId: string;
      readonly label: string;
      readonly roleId: string;
    }
  | { readonly on: 'map' }
  | { readonly on: 'orphan' };

/** The total of a comment's votes (an optional `votes` object of voter → count). */
export function voteCount(comment: Comment): number {
  const votes = (comment as { votes?: unknown }).votes;
  if (typeof votes === 'number') return votes;
  if (typeof votes !== 'object' || votes === null) return 0;
  let total = 0;
  for (const v of Object.values(votes)) if (typeof v === 'number' && v > 0) total += v;
  return total;
}

/** Where a comment sits; `orphan` when its step or flow was deleted (the comment is kept). */
export function placement(index: MapIndex, comment: Comment): Placement {
  const target = comment.targetId;
  if (target === undefined) return { on: 'map' };
  const step = index.step(target as never);
  if (step) return { on: 'step', stepId: step.id, label: step.label, roleId: step.roleId };
  const flow = index.flow(target as never);
  if (flow) {
    const from = index.step(flow.from);
    const to = index.step(flow.to);
    return {
      on: 'flow',
      flowId: flow.id,
      label: `${from?.label || 'Unnamed step'} → ${to?.label || 'Unnamed step'}`,
      roleId: from?.roleId ?? '',
    };
  }
  return { on: 'orphan' };
}

/** The comments to list, filtered and sorted (newest first, or most votes first). */
export function listComments(
  index: MapIndex,
  comments: readonly Comment[],
  filters: CommentFilters,
): Comment[] {
  const shown = comments.filter((c) => {
    if (filters.kind !== 'all' && c.kind !== filters.kind) return false;
    if (filters.waste !== 'all' && c.waste !== filters.waste) return false;
    if (filters.status === 'open' && c.resolved) return false;
    if (filters.status === 'resolved' && !c.resolved) return false;
    if (filters.roleId !== 'all') {
      const place = placement(index, c);
      if ((place.on !== 'step' && place.on !== 'flow') || place.roleId !== filters.roleId)
        return false;
    }
    return true;
  });
  const newest = (a: Comment, b: Comment) =>
    b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
  return shown.sort(
    filters.sort === 'votes' ? (a, b) => voteCount(b) - voteCount(a) || newest(a, b) : newest,
  );
}

/** Open comments per step or flow id, for the canvas markers. */
export function openCommentsByTarget(
  comments: readonly Comment[],
): Map<string, { count: number; kind: CommentKind }> {
  const out = new Map<string, { count: number; kind: CommentKind }>();
  // A pain point outranks an idea, an idea a question, a question a note: the marker's colour.
  const rank: Record<CommentKind, number> = { 'pain-point': 3, idea: 2, question: 1, note: 0 };
  for (const c of comments) {
    if (c.resolved || c.targetId === undefined) continue;
    const mark = out.get(c.targetId);
    if (!mark) out.set(c.targetId, { count: 1, kind: c.kind });
    else {
      mark.count++;
      if (rank[c.kind] > rank[mark.kind]) mark.kind = c.kind;
    }
  }
  return out;
}
