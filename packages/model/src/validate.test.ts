import { describe, expect, it } from 'vitest';
import { deepFreeze, find, type Json, paths, validMap, withMap } from './test-helpers';
import { CURRENT_VERSION, STEP_KINDS } from './vocabulary';
import { validateMap } from './validate';
import { formatProblem } from './problems';

describe('validateMap: a valid map', () => {
  it('given the documented example, when validated, then it passes with no problems', () => {
    const result = validateMap(deepFreeze(validMap()));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.migrated).toEqual([]);
    expect(result.map).toEqual(validMap());
  });

  it('given the minimal map (empty lists, empty title), then it passes', () => {
    const result = validateMap({
      format: 'procmap',
      version: 1,
      title: '',
      roles: [],
      steps: [],
      flows: [],
    });
    expect(result).toMatchObject({ ok: true, problems: [] });
  });

  it('given every step kind, then each is accepted', () => {
    const steps = STEP_KINDS.map((kind, i) => ({ id: `k${i}`, roleId: 'gp', kind, label: kind }));
    const result = validateMap(withMap({ steps, flows: [], comments: [] }));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('given unknown fields at the top, on records and in nested settings, then all are kept', () => {
    const input = validMap();
    input.plugin = { name: 'x', data: [1, 2, 3] };
    (input.settings as Json).shiftPattern = 'earlies';
    ((input.settings as Json).demand as Json).seasonal = true;
    ((input.roles as Json[])[0] as Json).site = 'North';
    ((input.steps as Json[])[1] as Json).riskScore = 4;
    (((input.steps as Json[])[1] as Json).position as Json).z = 3;
    ((input.flows as Json[])[0] as Json).style = 'dashed';
    ((input.comments as Json[])[0] as Json).pinned = true;
    const replies = ((input.comments as Json[])[0] as Json).replies as Json[];
    (replies[0] as Json).edited = false;
    const expected = structuredClone(input);

    const result = validateMap(deepFreeze(input));

    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.map).toEqual(expected);
    const map = result.map as unknown as Json;
    expect(map.plugin).toEqual({ name: 'x', data: [1, 2, 3] });
    expect((map.settings as Json).shiftPattern).toBe('earlies');
    expect(((map.settings as Json).demand as Json).seasonal).toBe(true);
    expect(((map.steps as Json[])[1] as Json).riskScore).toBe(4);
  });

  it('given optional fields absent, then the validated map does not invent them', () => {
    const input = withMap({ settings: undefined, description: undefined, comments: undefined });
    delete input.settings;
    delete input.description;
    delete input.comments;
    const result = validateMap(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.map).sort()).toEqual(
      ['format', 'version', 'id', 'title', 'roles', 'steps', 'flows'].sort(),
    );
    expect(Object.keys(result.map.steps[0] as object).sort()).toEqual(
      ['id', 'roleId', 'kind', 'label'].sort(),
    );
  });
});

describe('validateMap: input that is not a map object', () => {
  it.each([
    ['an array', [], 'a list'],
    ['null', null, 'null'],
    ['a string', 'procmap', '"procmap"'],
    ['a number', 42, '42'],
    ['undefined', undefined, 'nothing'],
    ['a boolean', true, 'true'],
  ])('given %s, then one not-an-object error at (root), no crash', (_name, input, shown) => {
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        path: '(root)',
        code: 'not-an-object',
        message: `expected a procmap map (a JSON object), got ${shown}`,
        severity: 'error',
      },
    ]);
  });
});

describe('validateMap: header problems', () => {
  it('given no format, then a "missing" error at format', () => {
    const input = validMap();
    delete input.format;
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(find(result.problems, 'format')).toMatchObject({ code: 'missing', severity: 'error' });
  });

  it('given the wrong format, then a bad-value error naming the expected literal', () => {
    const result = validateMap(withMap({ format: 'bpmn' }));
    expect(result.ok).toBe(false);
    const p = find(result.problems, 'format');
    expect(p.code).toBe('bad-value');
    expect(p.message).toContain('"procmap"');
    expect(p.message).toContain('"bpmn"');
  });

  it('given no version, then one "missing" error at version (not also a schema error)', () => {
    const input = validMap();
    delete input.version;
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(find(result.problems, 'version')).toMatchObject({ code: 'missing', severity: 'error' });
  });

  it('given a newer version, then one unsupported-version error that says so', () => {
    const result = validateMap(withMap({ version: CURRENT_VERSION + 1 }));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    const p = find(result.problems, 'version');
    expect(p.code).toBe('unsupported-version');
    expect(p.message).toMatch(/newer/);
  });

  it('given version 0 (older than any file version), then unsupported-version', () => {
    const result = validateMap(withMap({ version: 0 }));
    expect(result.ok).toBe(false);
    expect(find(result.problems, 'version').code).toBe('unsupported-version');
  });

  it.each([
    ['a string', '1'],
    ['a fraction', 1.5],
    ['null', null],
  ])('given a version that is %s, then one wrong-type error', (_name, version) => {
    const result = validateMap(withMap({ version }));
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(find(result.problems, 'version').code).toBe('wrong-type');
  });

  it('given a newer version and other errors, then the other errors are still reported', () => {
    const result = validateMap(withMap({ version: 99, title: 3 }));
    expect(result.ok).toBe(false);
    expect(paths(result.problems)).toEqual(['version', 'title']);
  });

  it('given a missing title and missing lists, then each is a "missing" error', () => {
    const result = validateMap({ format: 'procmap', version: 1 });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['title', 'missing'],
      ['roles', 'missing'],
      ['steps', 'missing'],
      ['flows', 'missing'],
    ]);
  });

  it('given lists that are not lists, then wrong-type errors that say what was found', () => {
    const result = validateMap(withMap({ roles: {}, steps: 'none', flows: null }));
    expect(result.ok).toBe(false);
    expect(find(result.problems, 'roles')).toMatchObject({
      code: 'wrong-type',
      message: 'expected a list, got an object',
    });
    expect(find(result.problems, 'steps').message).toBe('expected a list, got "none"');
    expect(find(result.problems, 'flows').message).toBe('expected a list, got null');
  });
});

describe('validateMap: field problems', () => {
  it('given a text processTime, then a wrong-type error with path and message', () => {
    const input = validMap();
    (input.steps as Json[])[0] = {
      id: 's0',
      roleId: 'gp',
      kind: 'start',
      label: '',
      processTime: 'ten',
    };
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    const p = find(result.problems, 'steps[0].processTime');
    expect(p).toEqual({
      path: 'steps[0].processTime',
      code: 'wrong-type',
      message: 'expected a number, got "ten"',
      severity: 'error',
    });
    expect(formatProblem(p)).toBe('steps[0].processTime: expected a number, got "ten"');
  });

  it('given an unknown kind, then a bad-value error listing the kinds', () => {
    const input = validMap();
    ((input.steps as Json[])[2] as Json).kind = 'subprocess';
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    const p = find(result.problems, 'steps[2].kind');
    expect(p.code).toBe('bad-value');
    expect(p.message).toContain('"subprocess"');
    for (const kind of STEP_KINDS) expect(p.message).toContain(`"${kind}"`);
  });

  it.each([
    [1.5, 'must be at most 1, got 1.5'],
    [-0.1, 'must be at least 0, got -0.1'],
  ])('given flow probability %s, then an out-of-range error', (probability, message) => {
    const input = validMap();
    ((input.flows as Json[])[2] as Json).probability = probability;
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(find(result.problems, 'flows[2].probability')).toMatchObject({
      code: 'out-of-range',
      message,
      severity: 'error',
    });
  });

  it('given probabilities exactly 0 and 1, then they are accepted', () => {
    const input = validMap();
    ((input.flows as Json[])[2] as Json).probability = 1;
    ((input.flows as Json[])[3] as Json).probability = 0;
    const result = validateMap(input);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('given completeAccurate above 1, then an out-of-range error', () => {
    const input = validMap();
    ((input.steps as Json[])[1] as Json).completeAccurate = 1.01;
    const result = validateMap(input);
    expect(result.ok).toBe(false);
    expect(find(result.problems, 'steps[1].completeAccurate')).toMatchObject({
      code: 'out-of-range',
      message: 'must be at most 1, got 1.01',
    });
  });

  it('given negative times and a zero batch size, then out-of-range errors', () => {
    const input = validMap();
    Object.assign((input.steps as Json[])[1] as Json, {
      processTime: -1,
      waitTime: -5,
      batchSize: 0,
    });
    const result = validateMap(input);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['steps[1].processTime', 'out-of-range'],
      ['steps[1].waitTime', 'out-of-range'],
      ['steps[1].batchSize', 'out-of-range'],
    ]);
    expect(find(result.problems, 'steps[1].batchSize').message).toBe('must be more than 0, got 0');
  });

  it('given an empty id, then a bad-value error "must not be empty"', () => {
    const input = validMap();
    ((input.roles as Json[])[1] as Json).id = '';
    ((input.steps as Json[])[2] as Json).roleId = 'gp';
    ((input.steps as Json[])[3] as Json).roleId = 'gp';
    const result = validateMap(input);
    expect(result.problems).toEqual([
      { path: 'roles[1].id', code: 'bad-value', message: 'must not be empty', severity: 'error' },
    ]);
  });

  it('given bad nested settings, then the nested paths are reported', () => {
    const result = validateMap(
      withMap({
        settings: { hoursPerDay: 25, daysPerWeek: 0, demand: { count: 3, per: 'month' } },
      }),
    );
    expect(result.ok).toBe(false);
    expect(paths(result.problems)).toEqual([
      'settings.hoursPerDay',
      'settings.daysPerWeek',
      'settings.demand.per',
    ]);
    expect(find(result.problems, 'settings.demand.per').message).toContain('"month"');
  });

  it('given a bad position and reply, then deep paths use dots and brackets', () => {
    const input = validMap();
    ((input.steps as Json[])[1] as Json).position = { x: 'left', y: 1 };
    const comment = (input.comments as Json[])[0] as Json;
    comment.replies = [
      { author: 'a', text: 't', createdAt: 'now' },
      { author: 'b', text: 7 },
    ];
    const result = validateMap(input);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['steps[1].position.x', 'wrong-type'],
      ['comments[0].replies[1].text', 'wrong-type'],
      ['comments[0].replies[1].createdAt', 'missing'],
    ]);
  });

  it('given a step that is not an object, then one wrong-type error at its index', () => {
    const input = validMap();
    (input.steps as unknown[]).push('s9');
    const result = validateMap(input);
    expect(result.problems).toEqual([
      {
        path: 'steps[4]',
        code: 'wrong-type',
        message: 'expected an object, got "s9"',
        severity: 'error',
      },
    ]);
  });
});

describe('validateMap: every problem at once', () => {
  it('given many problems across the file, then all are reported in one pass', () => {
    const input = validMap();
    input.title = 7;
    ((input.roles as Json[])[0] as Json).headcount = -2;
    ((input.steps as Json[])[0] as Json).processTime = 'ten';
    ((input.steps as Json[])[1] as Json).kind = 'subprocess';
    ((input.steps as Json[])[1] as Json).completeAccurate = 2;
    ((input.flows as Json[])[2] as Json).probability = 1.5;
    ((input.comments as Json[])[0] as Json).kind = 'rant';

    const result = validateMap(deepFreeze(input));

    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['title', 'wrong-type'],
      ['roles[0].headcount', 'out-of-range'],
      ['steps[0].processTime', 'wrong-type'],
      ['steps[1].kind', 'bad-value'],
      ['steps[1].completeAccurate', 'out-of-range'],
      // 1.5 + 0.2 leaving the decision: also reported as a sum problem (warning)
      ['steps[2]', 'probability-sum'],
      ['flows[2].probability', 'out-of-range'],
      ['comments[0].kind', 'bad-value'],
    ]);
  });
});
