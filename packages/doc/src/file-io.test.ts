import { emptyMap, type ProcessMap, roleId, stepId, validateMap } from '@procmap/model';
import { FIXTURES } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { DocError } from './errors';
import { MapDoc } from './map-doc';
import {
  comment,
  docErrorOf,
  FIXED_NOW,
  newDoc,
  sampleFile,
  seededRandom,
  syncDocs,
} from './test-helpers';

/** The sample map with unknown fields everywhere a file may carry them. */
function extendedFile(): ProcessMap {
  const file = sampleFile();
  const extended = {
    ...file,
    $schema: 'https://example.org/procmap.schema.json',
    owner: { team: 'Outpatients', contacts: ['a@example.org'] },
    revision: 7,
    settings: {
      ...file.settings,
      demand: { count: 40, per: 'day', seasonal: true },
      fiscalYearStart: '04-01',
    },
    roles: file.roles.map((r, i) => (i === 0 ? { ...r, department: 'Admin', fte: 1.5 } : r)),
    steps: file.steps.map((s, i) =>
      i === 1
        ? {
            ...s,
            risk: 'high',
            metrics: { p90: 25, samples: [1, 2, 3] },
            position: { x: 120, y: 40, pinned: true },
          }
        : s,
    ),
    flows: file.flows.map((f, i) => (i === 2 ? { ...f, style: 'dashed', weight: 2 } : f)),
    comments: (file.comments ?? []).map((c, i) =>
      i === 0
        ? {
            ...c,
            mentions: ['GP'],
            replies: [
              ...(c.replies ?? []),
              {
                author: 'GP',
                text: 'Agreed',
                createdAt: '2026-11-03T09:00:00.000Z',
                reactions: { '+1': 2 },
              },
            ],
          }
        : c,
    ),
  };
  return extended as unknown as ProcessMap;
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('import then export', () => {
  it('gives back the file, known and unknown fields alike', () => {
    const file = extendedFile();
    const doc = MapDoc.fromFile(file);
    expect(doc.exportFile()).toEqual(file);
    expect(asJson(doc.exportFile())).toEqual(asJson(file));
  });

  it('keeps unknown fields at top level, on roles, steps, flows, comments and replies', () => {
    const out = MapDoc.fromFile(extendedFile()).exportFile() as unknown as Record<string, never>;
    expect(out).toMatchObject({ revision: 7, owner: { team: 'Outpatients' } });
    expect(out).toHaveProperty('$schema');
    expect(out).toHaveProperty(['settings', 'fiscalYearStart'], '04-01');
    expect(out).toHaveProperty(['settings', 'demand', 'seasonal'], true);
    expect(out).toHaveProperty(['roles', 0, 'department'], 'Admin');
    expect(out).toHaveProperty(['steps', 1, 'metrics', 'samples'], [1, 2, 3]);
    expect(out).toHaveProperty(['steps', 1, 'position', 'pinned'], true);
    expect(out).toHaveProperty(['flows', 2, 'style'], 'dashed');
    expect(out).toHaveProperty(['comments', 0, 'mentions'], ['GP']);
    expect(out).toHaveProperty(['comments', 0, 'replies', 1, 'reactions', '+1'], 2);
  });

  it('keeps unknown fields through edits of known fields of the same record', () => {
    const file = extendedFile();
    const doc = MapDoc.fromFile(file);
    doc.updateStep(stepId('s2'), { label: 'Register' });
    doc.renameRole(roleId('clerk'), 'Admin clerk');
    const out = doc.exportFile() as unknown as { steps: Record<string, unknown>[] };
    expect(out.steps[1]).toEqual({ ...(file.steps[1] as object), label: 'Register' });
    expect(doc.exportFile().roles[0]).toEqual({ ...file.roles[0], name: 'Admin clerk' });
  });

  it('gives back a minimal file and an empty map unchanged', () => {
    expect(MapDoc.fromFile(emptyMap('Blank')).exportFile()).toEqual(emptyMap('Blank'));
    const { settings: _settings, comments: _comments, ...minimal } = sampleFile();
    expect(MapDoc.fromFile(minimal).exportFile()).toEqual(minimal);
  });

  it('loads a file that is valid but inconsistent (dangling references) unchanged', () => {
    const file = sampleFile();
    const odd: ProcessMap = {
      ...file,
      steps: [...file.steps, { ...file.steps[0]!, id: stepId('orphan'), roleId: roleId('gone') }],
      flows: [...file.flows, { ...file.flows[0]!, id: 'dangling' as never, to: stepId('nowhere') }],
    };
    expect(validateMap(odd).ok).toBe(true);
    expect(MapDoc.fromFile(odd).exportFile()).toEqual(odd);
  });

  it('exports a file the validator accepts, after edits too', () => {
    const doc = MapDoc.fromFile(sampleFile(), { random: seededRandom(1), now: () => FIXED_NOW });
    doc.addNextStep(stepId('s4'), { label: 'Letter sent' });
    doc.addComment({ targetId: 's1', kind: 'idea', author: 'A', text: 'Go digital' });
    const result = validateMap(asJson(doc.exportFile()));
    expect(result.ok).toBe(true);
    expect(result.ok && result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('passes the options through fromFile (ids and clock)', () => {
    const doc = MapDoc.fromFile(sampleFile(), {
      actor: 'ana',
      random: seededRandom(3),
      now: () => FIXED_NOW,
    });
    const again = MapDoc.fromFile(sampleFile(), { random: seededRandom(3), now: () => FIXED_NOW });
    expect(doc.origins.user.actor).toBe('ana');
    const id = doc.addComment({ kind: 'note', author: 'A', text: 't' });
    expect(again.addComment({ kind: 'note', author: 'A', text: 't' })).toBe(id);
    expect(doc.getSnapshot().comments?.at(-1)?.createdAt).toBe(FIXED_NOW.toISOString());
    expect(doc.canUndo()).toBe(true);
    doc.undo();
    expect(doc.getSnapshot()).toEqual(sampleFile());
  });
});

describe('invalid files', () => {
  it('are refused with a DocError listing every problem by path', () => {
    const file = sampleFile() as unknown as {
      steps: Record<string, unknown>[];
      roles: Record<string, unknown>[];
    };
    (file.steps[1] as Record<string, unknown>).kind = 'milestone';
    (file.steps[3] as Record<string, unknown>).completeAccurate = 1.5;
    delete (file.roles[0] as Record<string, unknown>).name;
    const error = docErrorOf(() => MapDoc.fromFile(file));
    expect(error).toBeInstanceOf(DocError);
    expect(error.code).toBe('invalid-value');
    expect(error.message).toContain('steps[1].kind');
    expect(error.message).toContain('steps[3].completeAccurate');
    expect(error.message).toContain('roles[0].name');
  });

  it.each<[string, unknown]>([
    ['not an object', 'hello'],
    ['null', null],
    ['an array', []],
    ['the wrong format', { ...sampleFile(), format: 'bpmn' }],
    ['a newer version', { ...sampleFile(), version: 2 }],
    ['no roles list', { ...sampleFile(), roles: undefined }],
    [
      'duplicate step ids',
      { ...sampleFile(), steps: [...sampleFile().steps, sampleFile().steps[0]] },
    ],
  ])('given %s, then importFile throws and the doc is unchanged', (_name, bad) => {
    const doc = newDoc('alice', { file: sampleFile() });
    doc.renameRole(roleId('gp'), 'Doctor');
    const before = doc.getSnapshot();
    const error = docErrorOf(() => doc.importFile(bad));
    expect(error.code).toBe('invalid-value');
    expect(error.message).toMatch(/^Not a valid map: .+: /);
    expect(doc.getSnapshot()).toBe(before);
    // A refused import leaves the user's history alone too.
    expect(doc.canUndo()).toBe(true);
  });
});

describe('a second import', () => {
  it('replaces the whole content, dropping records, meta fields and settings of the first', () => {
    const doc = MapDoc.fromFile(extendedFile());
    const second: ProcessMap = {
      format: 'procmap',
      version: 1,
      title: 'Invoices',
      roles: [{ id: roleId('ap'), name: 'Accounts payable' }],
      steps: [{ id: stepId('s1'), roleId: roleId('ap'), kind: 'start', label: 'Invoice received' }],
      flows: [],
    };
    doc.importFile(second);
    expect(doc.exportFile()).toEqual(second);
    expect(doc.canUndo()).toBe(false);
  });

  it('of the same file gives the same export', () => {
    const doc = MapDoc.fromFile(extendedFile());
    doc.deleteSteps([stepId('s2')]);
    doc.importFile(extendedFile());
    expect(doc.exportFile()).toEqual(extendedFile());
  });

  it('reaches a peer that held the first content', () => {
    const a = newDoc('alice', { file: sampleFile(), clientID: 1 });
    const b = newDoc('bob', { clientID: 2 });
    syncDocs(a, b);
    expect(b.exportFile()).toEqual(sampleFile());
    a.importFile(extendedFile());
    syncDocs(a, b);
    expect(b.exportFile()).toEqual(extendedFile());
  });
});

describe('fixtures from @procmap/test-kit', () => {
  const names = Object.keys(FIXTURES) as (keyof typeof FIXTURES)[];

  it('exist', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)('%s: import then export gives back the fixture', (name) => {
    const file = FIXTURES[name]();
    expect(validateMap(file).ok).toBe(true);
    const doc = MapDoc.fromFile(file);
    expect(doc.exportFile()).toEqual(file);
    expect(asJson(doc.exportFile())).toEqual(asJson(file));
  });

  it.each(names)('%s with votes and orphan comments: import then export gives it back', (name) => {
    const base = FIXTURES[name]();
    const target = base.steps[0]?.id;
    const file: ProcessMap = {
      ...base,
      settings: { ...base.settings, votesPerPerson: 5 },
      comments: [
        ...(base.comments ?? []).map((c, i) =>
          i === 0 ? { ...c, votes: { 'u-ana': 2, 'u-bo': 0 } } : c,
        ),
        comment('orphan-step', 'deleted-step', 'Was slow', {
          kind: 'pain-point',
          waste: 'waiting',
          resolved: true,
          replies: [{ author: 'B', text: 'Gone now', createdAt: '2026-11-21T09:00:00Z' }],
          votes: { 'u-ana': 1, 'u-cy': 3 },
        }),
        comment('orphan-flow', 'deleted-flow', 'Why?', { kind: 'question' }),
        ...(target ? [comment('on-step', target, 'Go digital', { kind: 'idea', votes: {} })] : []),
      ],
    };
    expect(validateMap(file).ok).toBe(true);
    const doc = MapDoc.fromFile(file);
    // An empty votes object reads as no votes: the one change an import and export makes.
    const expected = asJson({
      ...file,
      comments: file.comments?.map((c) => (c.id === 'on-step' ? { ...c, votes: undefined } : c)),
    });
    expect(asJson(doc.exportFile())).toEqual(expected);
    expect(asJson(MapDoc.fromFile(doc.exportFile()).exportFile())).toEqual(expected);
  });
});
