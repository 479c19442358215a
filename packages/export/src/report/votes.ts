import type { Comment } from '@procmap/model';

/**
 * A comment's votes, when it has any: the format may gain an optional `votes`, either a number
 * or an object of voter → count. Anything else (absent, negative, not a number) is undefined.
 */
export function commentVotes(comment: Comment): number | undefined {
  const raw = (comment as Comment & { readonly votes?: unknown }).votes;
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  let total = 0;
  for (const count of Object.values(raw)) {
    if (typeof count === 'number' && Number.isFinite(count) && count > 0) total += count;
  }
  return total;
}
