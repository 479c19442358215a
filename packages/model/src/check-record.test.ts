import { describe, expect, it } from 'vitest';
import { MAX_NESTING, tooDeep } from './nesting';
import { checkRecord, validateMap } from './validate';

describe('checkRecord', () => {
  it('passes a valid record of each kind, unknown fields included', () => {
    expect(
      checkRecord(
        'steps',
        { id: 's1', roleId: 'r', kind: 'task', label: 'Triage', extra: 1 },
        'steps[s1]',
      ),
    ).toEqual([]);
    expect(checkRecord('roles', { id: 'r', name: 'Nurse' }, 'roles[r]')).toEqual([]);
    expect(
      checkRecord('flows', { id: 'f', from: 'a', to: 'b', probability: 0.5 }, 'flows[f]'),
    ).toEqual([]);
    expect(
      checkRecord(
        'comments',
        {
          id: 'c',
          kind: 'idea',
          author: 'A',
          text: 't',
          createdAt: '2026-11-29',
          votes: { p_1: 2 },
        },
        'comments[c]',
      ),
    ).toEqual([]);
    expect(
      checkRecord('header', { title: 'Map', settings: { hoursPerDay: 7.5 } }, '(map)'),
    ).toEqual([]);
  });

  it('names each bad field with its path under the record', () => {
    const problems = checkRecord(
      'steps',
      {
        id: 's1',
        roleId: 'r',
        kind: 'bogus',
        label: 42,
        processTime: -5,
        dataEntered: 'NHS number',
      },
      'steps[s1]',
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'steps[s1].dataEntered',
      'steps[s1].kind',
      'steps[s1].label',
      'steps[s1].processTime',
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(problems.find((p) => p.path.endsWith('processTime'))?.message).toMatch(/at least 0/);
  });

  it('reports missing required fields, bad settings and a record that is not an object', () => {
    expect(checkRecord('flows', { id: 'f', from: 'a' }, 'flows[f]')).toMatchObject([
      { path: 'flows[f].to', code: 'missing' },
    ]);
    expect(
      checkRecord(
        'header',
        { title: 123, settings: { hoursPerDay: 0, votesPerPerson: 1000 } },
        '(map)',
      ).map((p) => p.path),
    ).toEqual(['(map).title', '(map).settings.hoursPerDay', '(map).settings.votesPerPerson']);
    expect(checkRecord('roles', 'nope', 'roles[r]')).toMatchObject([{ path: 'roles[r]' }]);
  });
});

describe('validateMap and deep nesting', () => {
  it('refuses a file nested deeper than MAX_NESTING, naming where, without overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const file = {
      format: 'procmap',
      version: 1,
      title: 'Deep',
      roles: [],
      steps: [],
      flows: [],
      extra: deep,
    };
    const result = validateMap(file);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        path: `extra${'[0]'.repeat(MAX_NESTING - 1)}`,
        code: 'out-of-range',
        message: `nested more than ${MAX_NESTING} levels deep`,
        severity: 'error',
      },
    ]);
    expect(tooDeep({ a: [{ b: 1 }] })).toBeUndefined();
    // A part checked on its own, with the levels above it taken off the limit.
    expect(tooDeep({ a: [{ b: 1 }] }, 2)).toBe('a[0]');
    expect(tooDeep({ a: [{ b: 1 }] }, 3)).toBeUndefined();
  });
});
