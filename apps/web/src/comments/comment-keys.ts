import type { Comment } from '@procmap/model';
import { voteCount } from './comment-list';

/** The keys of a key press that decide what it does in the comment box. */
export interface BoxKey {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  /** An input method (IME) is composing: its Enter picks a word, it sends nothing. */
  readonly isComposing: boolean;
}

/**
 * What a key press does in the new-comment box, as in chat tools and the label fields: Enter
 * (with Ctrl or ⌘ too) sends, Shift+Enter starts a new line, anything else types.
 */
export function commentBoxKey(e: BoxKey): 'send' | 'type' {
  if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey) return 'type';
  return 'send';
}

/** How many lines the comment box shows at most before it scrolls. */
export const COMMENT_BOX_MAX_LINES = 6;

/** The box's height for its content: at least its two rows, at most the maximum lines. */
export function commentBoxHeight(
  contentHeight: number,
  lineHeight: number,
  chrome: number,
  maxLines = COMMENT_BOX_MAX_LINES,
): number {
  const least = 2 * lineHeight + chrome;
  const most = maxLines * lineHeight + chrome;
  return Math.min(most, Math.max(least, contentHeight + chrome));
}

/** Every vote placed on the map, by everyone. */
export function totalVotes(comments: readonly Comment[]): number {
  return comments.reduce((sum, c) => sum + voteCount(c), 0);
}

/** The question before a reset: what it does, in numbers. */
export function resetVotesQuestion(votes: number): string {
  return `Clear all ${votes} ${votes === 1 ? 'vote' : 'votes'} on this map for a new round? Everyone gets their votes back.`;
}
