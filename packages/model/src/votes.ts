import type { Comment, ProcessMap } from './types';
import { type CommentKind, VOTABLE_KINDS } from './vocabulary';

/*
 * Dot-voting on pain points and ideas: each person has `settings.votesPerPerson` votes (default
 * 3) to place on the comments they think matter most, several on one if they like. A comment's
 * `votes` maps each voter id to the votes that voter placed on it.
 */

/** How many votes each person has when the map's settings do not say. */
export const DEFAULT_VOTES_PER_PERSON = 3;

/** Whether comments of this kind take votes (pain points and ideas). */
export function isVotable(kind: CommentKind): boolean {
  return VOTABLE_KINDS.includes(kind);
}

/** A non-negative whole number of votes, or 0 for anything else a foreign writer left. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** All votes on one comment, from every voter. */
export function votesOf(comment: Pick<Comment, 'votes'>): number {
  let total = 0;
  for (const n of Object.values(comment.votes ?? {})) total += count(n);
  return total;
}

/** The votes one voter placed on one comment. */
export function votesBy(comment: Pick<Comment, 'votes'>, voterId: string): number {
  const votes = comment.votes;
  return votes && Object.hasOwn(votes, voterId) ? count(votes[voterId]) : 0;
}

/** Each person's allowance: `settings.votesPerPerson`, default 3. */
export function votesPerPerson(map: Pick<ProcessMap, 'settings'>): number {
  const n = map.settings?.votesPerPerson;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_VOTES_PER_PERSON;
}

/** The votes one voter has placed across all of the map's comments. */
export function votesUsed(map: Pick<ProcessMap, 'comments'>, voterId: string): number {
  let used = 0;
  for (const c of map.comments ?? []) used += votesBy(c, voterId);
  return used;
}

/** The votes one voter may still place (never below 0, even if the allowance was lowered). */
export function votesLeft(map: Pick<ProcessMap, 'settings' | 'comments'>, voterId: string): number {
  return Math.max(0, votesPerPerson(map) - votesUsed(map, voterId));
}
