import type { Comment } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { commentBoxHeight, commentBoxKey, resetVotesQuestion, totalVotes } from './comment-keys';

const key = (
  k: string,
  mods: Partial<{ shiftKey: boolean; altKey: boolean; isComposing: boolean }> = {},
) => ({
  key: k,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  ...mods,
});

describe('commentBoxKey', () => {
  it('sends on Enter, as chat tools and the label fields do (Ctrl+Enter too)', () => {
    expect(commentBoxKey(key('Enter'))).toBe('send');
  });
  it('types a new line on Shift+Enter, and leaves Alt+Enter and other keys alone', () => {
    expect(commentBoxKey(key('Enter', { shiftKey: true }))).toBe('type');
    expect(commentBoxKey(key('Enter', { altKey: true }))).toBe('type');
    expect(commentBoxKey(key('a'))).toBe('type');
  });
  it('lets an input method use Enter to pick its word', () => {
    expect(commentBoxKey(key('Enter', { isComposing: true }))).toBe('type');
  });
});

describe('commentBoxHeight', () => {
  it('is two lines at least, grows a line at a time, and stops at the maximum', () => {
    expect(commentBoxHeight(10, 20, 12)).toBe(52);
    expect(commentBoxHeight(60, 20, 12)).toBe(72);
    expect(commentBoxHeight(1000, 20, 12, 6)).toBe(132);
  });
});

describe('reset votes', () => {
  const c = (votes: unknown) => ({ id: 'c', kind: 'idea', text: 't', votes }) as unknown as Comment;
  it('counts every vote on the map', () => {
    expect(totalVotes([c({ a: 2, b: 1 }), c(undefined), c({ a: 1 })])).toBe(4);
    expect(totalVotes([])).toBe(0);
  });
  it('says what will happen, in numbers', () => {
    expect(resetVotesQuestion(4)).toBe(
      'Clear all 4 votes on this map for a new round? Everyone gets their votes back.',
    );
    expect(resetVotesQuestion(1)).toContain('Clear all 1 vote on');
  });
});
