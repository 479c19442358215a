import { describe, expect, it } from 'vitest';
import { deepFreeze, errorsOf, find, type Json, paths, validMap, withMap } from './test-helpers';
import { describe as describeValue, validateMap } from './validate';

describe('validateMap: duplicate ids are errors', () => {
  it.each([
    ['roles', 0],
    ['steps', 1],
    ['flows', 2],
    ['comments', 0],
  ] as const)('given two %s with one id, then duplicate-id at the second', (key, dupeOf) => {
    const input = validMap();
    const list = input[key] as Json[];
    const original = list[dupeOf] as Json;
    list.push({ ...original });
    const at = list.length - 1;

    const result = validateMap(input);

    expect(result.ok).toBe(false);
    const p = find(result.problems, `${key}[${at}].id`);
    expect(p).toEqual({
      path: `${key}[${at}].id`,
      code: 'duplicate-id',
      message: `duplicate id "${String(original.id)}" (first used at ${key}[${dupeOf}])`,
      severity: 'error',
    });
    expect(errorsOf(result.problems)).toHaveLength(1);
  });

  it('given an id used three times, then the second and third are both reported', () => {
    const result = validateMap(
      withMap({
        roles: [
          { id: 'gp', name: 'a' },
          { id: 'clerk', name: 'b' },
          { id: 'gp', name: 'c' },
          { id: 'gp', name: 'd' },
        ],
      }),
    );
    expect(result.problems.filter((p) => p.code === 'duplicate-id').map((p) => p.path)).toEqual([
      'roles[2].id',
      'roles[3].id',
    ]);
  });

  it('given the same id in two different lists, then it is not a duplicate', () => {
    const result = validateMap(
      withMap({
        roles: [
          { id: 'x', name: 'X' },
          { id: 'gp', name: 'GP' },
          { id: 'clerk', name: 'Clerk' },
        ],
        flows: [{ id: 's0', from: 's0', to: 's1' }],
        comments: [],
      }),
    );
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });
});

describe('validateMap: broken references are warnings', () => {
  it('given a step in an unknown role, then a warning and ok stays true', () => {
    const input = validMap();
    ((input.steps as Json[])[1] as Json).roleId = 'nurse';
    const result = validateMap(input);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        path: 'steps[1].roleId',
        code: 'unknown-role',
        message: 'unknown role "nurse"',
        severity: 'warning',
      },
    ]);
    if (result.ok) expect(result.map.steps[1]?.roleId).toBe('nurse');
  });

  it('given flows to and from unknown steps, then a warning per end and ok stays true', () => {
    const input = validMap();
    (input.flows as Json[]).push({ id: 'f9', from: 'ghost', to: 'phantom' });
    ((input.flows as Json[])[0] as Json).to = 'gone';
    const result = validateMap(input);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.path, p.code, p.severity, p.message])).toEqual([
      ['flows[0].to', 'unknown-step', 'warning', 'unknown step "gone"'],
      ['flows[4].from', 'unknown-step', 'warning', 'unknown step "ghost"'],
      ['flows[4].to', 'unknown-step', 'warning', 'unknown step "phantom"'],
    ]);
  });

  it('given a comment on an unknown target, then a warning; on a flow or the map, nothing', () => {
    const input = validMap();
    const base = (input.comments as Json[])[0] as Json;
    input.comments = [
      { ...base, id: 'c1', targetId: 'nowhere' },
      { ...base, id: 'c2', targetId: 'f1' },
      { ...base, id: 'c3', targetId: undefined },
    ];
    delete ((input.comments as Json[])[2] as Json).targetId;
    const result = validateMap(input);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        path: 'comments[0].targetId',
        code: 'unknown-target',
        message: 'unknown step or flow "nowhere"',
        severity: 'warning',
      },
    ]);
  });

  it('given warnings and an error, then ok is false and both are reported', () => {
    const input = validMap();
    ((input.steps as Json[])[1] as Json).roleId = 'nurse';
    ((input.steps as Json[])[1] as Json).processTime = 'ten';
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.severity).sort()).toEqual(['error', 'warning']);
  });
});

describe('validateMap: decision probabilities', () => {
  /** A decision `d` with branches of the given probabilities (undefined = not given). */
  function decisionMap(probabilities: readonly (number | undefined)[]): Json {
    const ends = probabilities.map((_, i) => ({
      id: `e${i}`,
      roleId: 'r',
      kind: 'end',
      label: '',
    }));
    return {
      format: 'procmap',
      version: 1,
      title: 'decision',
      roles: [{ id: 'r', name: 'R' }],
      steps: [{ id: 'd', roleId: 'r', kind: 'decision', label: 'Which way?' }, ...ends],
      flows: probabilities.map((p, i) => ({
        id: `f${i}`,
        from: 'd',
        to: `e${i}`,
        ...(p === undefined ? {} : { probability: p }),
      })),
    };
  }

  it('given branches summing to 1 (with float noise), then no problem', () => {
    expect(validateMap(decisionMap([0.1, 0.2, 0.7])).problems).toEqual([]);
    expect(validateMap(decisionMap([0.7, 0.1, 0.2])).problems).toEqual([]);
  });

  it('given all branches given but summing to 0.8, then a probability-sum warning', () => {
    const result = validateMap(decisionMap([0.5, 0.3]));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        path: 'steps[0]',
        code: 'probability-sum',
        message:
          'the branches leaving decision "Which way?" have probabilities summing to 0.8, not 1',
        severity: 'warning',
      },
    ]);
  });

  it('given some branches missing and the given ones leaving room, then nothing is flagged', () => {
    expect(validateMap(decisionMap([0.5, undefined])).problems).toEqual([]);
    expect(validateMap(decisionMap([0.2, undefined, undefined])).problems).toEqual([]);
    expect(validateMap(decisionMap([0.6, 0.4, undefined])).problems).toEqual([]);
  });

  it('given some branches missing but the given ones already over 1, then a warning', () => {
    const result = validateMap(decisionMap([0.7, 0.6, undefined]));
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.path, p.code, p.severity])).toEqual([
      ['steps[0]', 'probability-sum', 'warning'],
    ]);
    expect(result.problems[0]?.message).toContain('1.3');
  });

  it('given no probabilities at all, then nothing is flagged', () => {
    expect(validateMap(decisionMap([undefined, undefined])).problems).toEqual([]);
  });

  it('given parallel flows (not a decision) with probabilities, then no sum check', () => {
    const input = decisionMap([0.5, 0.2]);
    ((input.steps as Json[])[0] as Json).kind = 'task';
    expect(validateMap(input).problems).toEqual([]);
  });
});

describe('validateMap: document order', () => {
  it('given problems found in different passes, then they come out header first, then by list and index', () => {
    const input = validMap();
    // reference warnings (found after the schema pass) early in the document...
    ((input.steps as Json[])[0] as Json).roleId = 'nurse';
    ((input.flows as Json[])[0] as Json).from = 'ghost';
    // ...schema errors later in the document
    ((input.steps as Json[])[3] as Json).label = 3;
    ((input.comments as Json[])[0] as Json).author = null;
    // and a header error
    input.format = 'bpmn';
    // and a duplicate (found in the reference pass) before a schema error in the same list
    (input.roles as Json[]).push({ id: 'gp', name: 'again' }, { id: 'x', name: 5 });

    const result = validateMap(input);

    expect(paths(result.problems)).toEqual([
      'format',
      'roles[2].id',
      'roles[3].name',
      'steps[0].roleId',
      'steps[3].label',
      'flows[0].from',
      'comments[0].author',
    ]);
  });

  it('given entries 2 and 10 in one list, then index 2 comes first (numeric, not text order)', () => {
    const steps = Array.from({ length: 11 }, (_, i) => ({
      id: `s${i}`,
      roleId: 'gp',
      kind: 'task',
      label: i === 2 || i === 10 ? null : '',
    }));
    const result = validateMap(withMap({ steps, flows: [], comments: [] }));
    expect(paths(result.problems)).toEqual(['steps[2].label', 'steps[10].label']);
  });

  it('given a whole-entry warning and a field error on the same entry, then the entry comes first', () => {
    const input = validMap();
    ((input.flows as Json[])[2] as Json).probability = 0.5; // sums to 0.7 -> steps[2]
    ((input.steps as Json[])[2] as Json).notes = 4; // steps[2].notes
    expect(paths(validateMap(input).problems)).toEqual(['steps[2]', 'steps[2].notes']);
  });
});

describe('validateMap: never mutates its input', () => {
  it.each([
    ['a valid map', validMap()],
    [
      'a map with many problems',
      withMap({ version: 9, steps: [{ id: 1, kind: 'x' }], flows: 'no' }),
    ],
    ['a map with warnings', withMap({ flows: [{ id: 'f', from: 'a', to: 'b', probability: 2 }] })],
  ])('given %s frozen deep, then validating does not throw and leaves it equal', (_n, input) => {
    const before = structuredClone(input);
    const frozen = deepFreeze(input);
    expect(() => validateMap(frozen)).not.toThrow();
    expect(frozen).toEqual(before);
  });

  it('given a valid map, then the returned map does not share lists with the input', () => {
    const input = validMap();
    const result = validateMap(input);
    if (!result.ok) throw new Error('expected ok');
    expect(result.map.steps).not.toBe(input.steps);
  });
});

describe('describeValue', () => {
  it('describes values briefly for messages', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({})).toBe('an object');
    expect(describeValue('hi')).toBe('"hi"');
    expect(describeValue(3)).toBe('3');
    expect(describeValue(false)).toBe('false');
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
  });
});
