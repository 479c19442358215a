import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { annotations } from './annotations';

const map = {
  format: 'procmap',
  version: 1,
  title: 'T',
  roles: [{ id: 'r', name: 'R' }],
  steps: [
    { id: 's1', roleId: 'r', kind: 'task', label: 'Book clinic' },
    { id: 's2', roleId: 'r', kind: 'task', label: 'Send letter' },
  ],
  flows: [{ id: 'f1', from: 's1', to: 's2' }],
  comments: [
    {
      id: 'c1',
      kind: 'pain-point',
      text: 'Waits a week',
      author: 'A',
      createdAt: '2026-01-01T00:00:00Z',
      targetId: 's1',
      votes: { x: 1 },
    },
    {
      id: 'c2',
      kind: 'idea',
      text: 'Book online',
      author: 'B',
      createdAt: '2026-01-02T00:00:00Z',
      targetId: 'f1',
      votes: { x: 2, y: 1 },
      waste: 'waiting',
    },
    {
      id: 'c3',
      kind: 'pain-point',
      text: 'Resolved one',
      author: 'A',
      createdAt: '2026-01-03T00:00:00Z',
      resolved: true,
    },
    { id: 'c4', kind: 'note', text: 'A note', author: 'A', createdAt: '2026-01-04T00:00:00Z' },
    {
      id: 'c5',
      kind: 'pain-point',
      text: 'Orphan',
      author: 'C',
      createdAt: '2026-01-05T00:00:00Z',
      targetId: 'gone',
      replies: [{ author: 'D', text: 'yes', createdAt: 'x' }],
    },
  ],
} as unknown as ProcessMap;

describe('annotations', () => {
  it('lists open pain points and ideas, most votes first, naming where they are pinned', () => {
    expect(annotations(map)).toEqual([
      {
        id: 'c2',
        kind: 'idea',
        text: 'Book online',
        author: 'B',
        waste: 'waiting',
        targetId: 'f1',
        target: 'Book clinic → Send letter',
        votes: 3,
        replies: 0,
      },
      {
        id: 'c1',
        kind: 'pain-point',
        text: 'Waits a week',
        author: 'A',
        waste: null,
        targetId: 's1',
        target: 'Book clinic',
        votes: 1,
        replies: 0,
      },
      {
        id: 'c5',
        kind: 'pain-point',
        text: 'Orphan',
        author: 'C',
        waste: null,
        targetId: null,
        target: null,
        votes: 0,
        replies: 1,
      },
    ]);
  });

  it('given no comments or a malformed list, then nothing and no exception', () => {
    expect(annotations({ ...map, comments: undefined })).toEqual([]);
    expect(
      annotations({ ...map, comments: [null, 3, { kind: 'idea' }] } as unknown as ProcessMap),
    ).toHaveLength(1);
  });
});
