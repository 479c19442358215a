import { describe, expect, it } from 'vitest';
import { paths, validMap } from './test-helpers';
import type { Comment, ProcessMap } from './types';
import { validateMap } from './validate';
import {
  DEFAULT_VOTES_PER_PERSON,
  isVotable,
  votesBy,
  votesLeft,
  votesOf,
  votesPerPerson,
  votesUsed,
} from './votes';

const comment = (id: string, votes?: Comment['votes']): Comment =>
  ({
    id,
    kind: 'pain-point',
    author: 'A',
    text: id,
    createdAt: '2026-11-20T10:00:00Z',
    ...(votes ? { votes } : {}),
  }) as Comment;

const map = (comments: Comment[], votesPerPerson?: number) =>
  ({
    ...(votesPerPerson === undefined ? {} : { settings: { votesPerPerson } }),
    comments,
  }) as Pick<ProcessMap, 'settings' | 'comments'>;

describe('dot votes', () => {
  it('given no votes field, then no votes', () => {
    expect(votesOf(comment('c1'))).toBe(0);
    expect(votesBy(comment('c1'), 'ana')).toBe(0);
  });

  it('given votes from several voters, then the total adds them up', () => {
    const c = comment('c1', { ana: 2, bo: 1, cy: 0 });
    expect(votesOf(c)).toBe(3);
    expect(votesBy(c, 'ana')).toBe(2);
    expect(votesBy(c, 'dee')).toBe(0);
    expect(votesBy(c, 'toString')).toBe(0);
  });

  it('given junk a foreign writer left (negative, fractional, text), then it counts as 0', () => {
    const c = comment('c1', { a: -2, b: 1.5, c: '3' as unknown as number, d: 1 });
    expect(votesOf(c)).toBe(1);
  });

  it('given no setting, then each person has the documented default of 3 votes', () => {
    expect(DEFAULT_VOTES_PER_PERSON).toBe(3);
    expect(votesPerPerson({})).toBe(3);
    expect(votesPerPerson({ settings: { votesPerPerson: 0 } })).toBe(0);
    expect(votesPerPerson({ settings: { votesPerPerson: 10 } })).toBe(10);
  });

  it('given votes across comments, then used and left count one voter across all of them', () => {
    const m = map([comment('c1', { ana: 2, bo: 1 }), comment('c2', { ana: 1 }), comment('c3')]);
    expect(votesUsed(m, 'ana')).toBe(3);
    expect(votesLeft(m, 'ana')).toBe(0);
    expect(votesLeft(m, 'bo')).toBe(2);
    expect(votesLeft(m, 'cy')).toBe(3);
    expect(votesLeft(map([comment('c1', { ana: 5 })], 2), 'ana')).toBe(0);
    expect(votesLeft(map([], 7), 'ana')).toBe(7);
  });

  it('only pain points and ideas take votes', () => {
    expect(isVotable('pain-point')).toBe(true);
    expect(isVotable('idea')).toBe(true);
    expect(isVotable('note')).toBe(false);
    expect(isVotable('question')).toBe(false);
  });
});

describe('validateMap: votes and votesPerPerson', () => {
  it('given votes on a comment and a votesPerPerson setting, then they are valid and kept', () => {
    const input = validMap();
    (input.settings as Record<string, unknown>).votesPerPerson = 5;
    const comments = input.comments as Record<string, unknown>[];
    comments[0]!.votes = { ana: 2, bo: 0 };
    const result = validateMap(input);
    expect(result.problems).toEqual([]);
    expect(result.ok && result.map.comments?.[0]?.votes).toEqual({ ana: 2, bo: 0 });
    expect(result.ok && result.map.settings?.votesPerPerson).toBe(5);
  });

  it('given bad votes and a bad allowance, then each is an error with its path', () => {
    const input = validMap();
    (input.settings as Record<string, unknown>).votesPerPerson = 100;
    const comments = input.comments as Record<string, unknown>[];
    comments[0]!.votes = { ana: -1, bo: 1.5, cy: 'two' };
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(paths(result.problems)).toEqual(
      expect.arrayContaining([
        'settings.votesPerPerson',
        'comments[0].votes.ana',
        'comments[0].votes.bo',
        'comments[0].votes.cy',
      ]),
    );
    const messages = result.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toContain('settings.votesPerPerson: must be at most 99, got 100');
    expect(messages).toContain('comments[0].votes.ana: must be at least 0, got -1');
    expect(messages.find((m) => m.startsWith('comments[0].votes.bo'))).toMatch(/whole number/);
  });

  it('given a fractional or negative allowance, or votes that are not an object, then errors', () => {
    for (const [votesPerPerson, votes] of [
      [2.5, 'three'],
      [-1, [1, 2]],
    ] as const) {
      const input = validMap();
      (input.settings as Record<string, unknown>).votesPerPerson = votesPerPerson;
      (input.comments as Record<string, unknown>[])[0]!.votes = votes;
      const result = validateMap(input);
      expect(result.ok).toBe(false);
      expect(paths(result.problems)).toEqual(
        expect.arrayContaining(['settings.votesPerPerson', 'comments[0].votes']),
      );
    }
  });
});
