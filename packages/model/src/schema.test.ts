import { describe, expect, it } from 'vitest';
import { processMapJsonSchema } from './schema';
import { validateMap } from './validate';
import {
  ACTIVITIES,
  COMMENT_KINDS,
  CURRENT_VERSION,
  DEMAND_PERIODS,
  FORMAT_NAME,
  STEP_KINDS,
  VALUE_CLASSES,
  WASTES,
} from './vocabulary';

type Node = Record<string, unknown>;

/** Follows a chain of keys through nested schema objects, failing clearly if one is absent. */
function at(node: unknown, ...keys: string[]): Node {
  let v: unknown = node;
  for (const key of keys) {
    expect(v, `schema has no "${key}"`).toBeTypeOf('object');
    v = (v as Node)[key];
  }
  expect(v, `schema has nothing at ${keys.join('.')}`).toBeTypeOf('object');
  return v as Node;
}

describe('processMapJsonSchema', () => {
  const schema = processMapJsonSchema();

  it('is a draft 2020-12 schema with a title', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toMatch(/procmap/);
    expect(schema.title).toMatch(/version 1/);
    expect(schema.type).toBe('object');
  });

  it('is plain JSON (survives a stringify round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('names the required top-level fields, and only those', () => {
    expect([...(schema.required as string[])].sort()).toEqual(
      ['flows', 'format', 'roles', 'steps', 'title', 'version'].sort(),
    );
  });

  it('describes every documented top-level field', () => {
    expect(Object.keys(at(schema, 'properties')).sort()).toEqual(
      [
        'format',
        'version',
        'id',
        'title',
        'description',
        'settings',
        'roles',
        'steps',
        'flows',
        'comments',
        'scenarios',
      ].sort(),
    );
  });

  it('pins the format name and the version', () => {
    expect(at(schema, 'properties', 'format').const).toBe(FORMAT_NAME);
    expect(at(schema, 'properties', 'version').const).toBe(CURRENT_VERSION);
  });

  it('lists the step kinds as an enum', () => {
    const kind = at(schema, 'properties', 'steps', 'items', 'properties', 'kind');
    expect(kind.enum).toEqual([...STEP_KINDS]);
    expect(kind.enum).toEqual(['start', 'task', 'decision', 'delay', 'end']);
  });

  it('lists the other enums from the types', () => {
    const stepProps = at(schema, 'properties', 'steps', 'items', 'properties');
    expect(at(stepProps, 'valueClass').enum).toEqual([...VALUE_CLASSES]);
    expect(at(stepProps, 'activity').enum).toEqual([...ACTIVITIES]);
    const commentProps = at(schema, 'properties', 'comments', 'items', 'properties');
    expect(at(commentProps, 'kind').enum).toEqual([...COMMENT_KINDS]);
    expect(at(commentProps, 'waste').enum).toEqual([...WASTES]);
    expect(
      at(schema, 'properties', 'settings', 'properties', 'demand', 'properties', 'per').enum,
    ).toEqual([...DEMAND_PERIODS]);
  });

  it('names the required fields of each record', () => {
    const required = (list: string) =>
      [...(at(schema, 'properties', list, 'items').required as string[])].sort();
    expect(required('roles')).toEqual(['id', 'name']);
    expect(required('steps')).toEqual(['id', 'kind', 'label', 'roleId']);
    expect(required('flows')).toEqual(['from', 'id', 'to']);
    expect(required('comments')).toEqual(['author', 'createdAt', 'id', 'kind', 'text']);
  });

  it('bounds shares to 0..1', () => {
    const probability = at(schema, 'properties', 'flows', 'items', 'properties', 'probability');
    expect(probability).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
    const ca = at(schema, 'properties', 'steps', 'items', 'properties', 'completeAccurate');
    expect(ca).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
  });

  it('does not forbid unknown fields (files may be extended)', () => {
    expect(schema.additionalProperties).not.toBe(false);
    expect(at(schema, 'properties', 'steps', 'items').additionalProperties).not.toBe(false);
    expect(at(schema, 'properties', 'settings').additionalProperties).not.toBe(false);
  });

  it('describes the optional analysis thresholds in settings, shares bounded to 0..1', () => {
    const analysis = at(schema, 'properties', 'settings', 'properties', 'analysis');
    expect(analysis.required ?? []).toEqual([]);
    expect(at(analysis, 'properties', 'longWaitShare')).toMatchObject({ minimum: 0, maximum: 1 });
    expect(at(analysis, 'properties', 'longWaitMinutes')).toMatchObject({ minimum: 0 });
    expect(at(analysis, 'properties', 'approvalWaitRatio')).toMatchObject({ minimum: 0 });
  });

  it('returns a fresh object each call, so callers may edit it', () => {
    const a = processMapJsonSchema();
    (a as Node).title = 'changed';
    expect(processMapJsonSchema().title).not.toBe('changed');
  });
});

describe('settings.analysis in a map file', () => {
  const base = { format: 'procmap', version: 1, title: '', roles: [], steps: [], flows: [] };

  it('given thresholds that are numbers in range, then the map is valid and keeps them', () => {
    const settings = { analysis: { longWaitShare: 0.4, longWaitMinutes: 60, custom: 'kept' } };
    const result = validateMap({ ...base, settings });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.map.settings).toEqual(settings);
  });

  it('given a share above 1 or a negative or non-numeric threshold, then each is reported', () => {
    const result = validateMap({
      ...base,
      settings: { analysis: { handoffShare: 1.5, approvalWaitRatio: -1, longWaitDays: 'two' } },
    });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.path).sort()).toEqual([
      'settings.analysis.approvalWaitRatio',
      'settings.analysis.handoffShare',
      'settings.analysis.longWaitDays',
    ]);
  });
});
