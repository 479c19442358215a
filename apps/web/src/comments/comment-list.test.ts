import { type Comment, indexMap, type ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  listComments,
  NO_FILTERS,
  openCommentsByTarget,
  placement,
  voteCount,
} from './comment-list';

const map = {
  format: 'procmap',
  version: 1,
  title: 'T',
  roles: [
    { id: 'clerk', name: 'Clerk', order: 0 },
    { id: 'gp', name: 'GP', order: 1 },
  ],
  steps: [
    { id: 's1', roleId: 'clerk', kind: 'start', label: 'Letter arrives' },
    { id: 's2', roleId: 'gp', kind: 'task', label: 'Triage' },
  ],
  flows: [{ id: 'f1', from: 's1', to: 's2' }],
} as unknown as ProcessMap;
const index = indexMap(map);

const comment = (id: string, extra: Partial<Comment> & { votes?: unknown }): Comment =>
  ({
    id,
    kind: 'note',
    author: 'A',
    text: id,
    createdAt: `2026-11-29T10:0${id.length}:00Z`,
    ...extra,
  }) as Comment;

const comments = [
  comment('c1', {
    targetId: 's1',
    kind: 'pain-point',
    waste: 'waiting',
    createdAt: '2026-11-29T10:01:00Z',
    votes: { a: 2, b: 1 },
  }),
  comment('c2', {
    targetId: 's2',
    kind: 'idea',
    createdAt: '2026-11-29T10:02:00Z',
    votes: { a: 1 },
  }),
  comment('c3', {
    targetId: 'f1',
    kind: 'question',
    resolved: true,
    createdAt: '2026-11-29T10:03:00Z',
  }),
  comment('c4', { createdAt: '2026-11-29T10:04:00Z' }),
  comment('c5', { targetId: 'gone', kind: 'pain-point', createdAt: '2026-11-29T10:05:00Z' }),
];

describe('placement', () => {
  it('names the step, the flow (from → to), the map, or an orphan', () => {
    expect(placement(index, comments[0]!)).toMatchObject({
      on: 'step',
      label: 'Letter arrives',
      roleId: 'clerk',
    });
    expect(placement(index, comments[2]!)).toMatchObject({
      on: 'flow',
      label: 'Letter arrives → Triage',
    });
    expect(placement(index, comments[3]!)).toEqual({ on: 'map' });
    expect(placement(index, comments[4]!)).toEqual({ on: 'orphan' });
  });
});

describe('listComments', () => {
  const ids = (cs: Comment[]) => cs.map((c) => c.id);
  it('given the defaults, then the open ones, newest first', () => {
    expect(ids(listComments(index, comments, NO_FILTERS))).toEqual(['c5', 'c4', 'c2', 'c1']);
  });
  it('filters by kind, waste, status and lane', () => {
    expect(ids(listComments(index, comments, { ...NO_FILTERS, kind: 'pain-point' }))).toEqual([
      'c5',
      'c1',
    ]);
    expect(ids(listComments(index, comments, { ...NO_FILTERS, waste: 'waiting' }))).toEqual(['c1']);
    expect(ids(listComments(index, comments, { ...NO_FILTERS, status: 'resolved' }))).toEqual([
      'c3',
    ]);
    expect(
      ids(listComments(index, comments, { ...NO_FILTERS, status: 'all', roleId: 'clerk' })),
    ).toEqual(['c3', 'c1']);
    expect(ids(listComments(index, comments, { ...NO_FILTERS, roleId: 'gp' }))).toEqual(['c2']);
  });
  it('sorts by votes, ties newest first', () => {
    expect(ids(listComments(index, comments, { ...NO_FILTERS, sort: 'votes' }))).toEqual([
      'c1',
      'c2',
      'c5',
      'c4',
    ]);
  });
  it('does not change the list it is given', () => {
    const copy = [...comments];
    listComments(index, comments, { ...NO_FILTERS, sort: 'votes' });
    expect(comments).toEqual(copy);
  });
});

describe('voteCount and openCommentsByTarget', () => {
  it('adds up the votes of every voter; ignores what is not a count', () => {
    expect(voteCount(comments[0]!)).toBe(3);
    expect(
      voteCount(
        comment('x', { votes: { a: -4, b: 'lots', c: 2 } as unknown as Record<string, number> }),
      ),
    ).toBe(2);
    expect(voteCount(comments[3]!)).toBe(0);
  });
  it('counts open comments per target; the marker takes the weightiest kind', () => {
    const marks = openCommentsByTarget([
      ...comments,
      comment('c6', { targetId: 's2', kind: 'pain-point' }),
    ]);
    expect(marks.get('s1')).toEqual({ count: 1, kind: 'pain-point' });
    expect(marks.get('s2')).toEqual({ count: 2, kind: 'pain-point' });
    expect(marks.has('f1')).toBe(false); // resolved
    expect(marks.get('gone')).toEqual({ count: 1, kind: 'pain-point' });
  });
});
