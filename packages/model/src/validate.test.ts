import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from './problems';
import { CURRENT_VERSION, STEP_KINDS } from './types';
import { describe as describeValue, validateMap } from './validate';

/* Small inline maps: every test builds what it needs from these. */

type Json = Record<string, unknown>;

/** Freezes a value and everything inside it, so any write by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Json)[key]);
  }
  return value;
}

/** A small, complete, valid map: two lanes, a decision with two branches, a comment. */
function validMap(): Json {
  return {
    format: 'procmap',
    version: 1,
    id: 'opd-referral',
    title: 'Outpatient referral',
    description: '',
    settings: {
      hoursPerDay: 7.5,
      daysPerWeek: 5,
      demand: { count: 40, per: 'day' },
      currency: 'GBP',
    },
    roles: [
      { id: 'gp', name: 'GP', order: 0, headcount: 2, hourlyCost: 65, color: '#4f7cff' },
      { id: 'clerk', name: 'Clerk', order: 1 },
    ],
    steps: [
      { id: 's0', roleId: 'gp', kind: 'start', label: 'Patient seen' },
      {
        id: 's1',
        roleId: 'gp',
        kind: 'task',
        label: 'Write referral',
        processTime: 10,
        waitTime: 0,
        valueClass: 'value-adding',
        activity: 'work',
        completeAccurate: 0.9,
        dataEntered: ['NHS number', 'Address'],
        systems: ['EMIS'],
        batchSize: 1,
        position: { x: 120, y: 40 },
        notes: '',
      },
      { id: 's2', roleId: 'clerk', kind: 'decision', label: 'Complete?' },
      { id: 's3', roleId: 'clerk', kind: 'end', label: 'Sent' },
    ],
    flows: [
      { id: 'f0', from: 's0', to: 's1' },
      { id: 'f1', from: 's1', to: 's2', label: '' },
      { id: 'f2', from: 's2', to: 's3', probability: 0.8 },
      { id: 'f3', from: 's2', to: 's1', probability: 0.2, label: 'rework' },
    ],
    comments: [
      {
        id: 'c1',
        targetId: 's2',
        kind: 'pain-point',
        waste: 'waiting',
        author: 'Analyst',
        text: 'Letters wait for the weekly batch',
        createdAt: '2026-11-20T10:00:00Z',
        resolved: false,
        replies: [{ author: 'Ward clerk', text: 'Yes', createdAt: '2026-11-21T09:00:00Z' }],
      },
    ],
  };
}

/** A copy of the valid map with some parts replaced. */
const withMap = (patch: Json): Json => ({ ...validMap(), ...patch });

const paths = (problems: readonly Problem[]) => problems.map((p) => p.path);
const find = (problems: readonly Problem[], path: string) => {
  const found = problems.filter((p) => p.path === path);
  expect(found, `problems at ${path}: ${JSON.stringify(problems)}`).toHaveLength(1);
  return found[0] as Problem;
};
const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

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
