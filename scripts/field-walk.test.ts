import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocError, MapDoc } from '@procmap/doc';
import {
  commentId,
  FIELD_TABLES,
  type FieldTable,
  fieldExpects,
  fieldNames,
  fieldProblem,
  roleId,
  stepId,
  validateMap,
} from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/*
 * Every field of every record, walked from the schema (the one definition in @procmap/model),
 * through every layer that must know it: a value survives file → shared document → file, a bad
 * value is refused on a local edit with a sentence saying what the field takes, and the field is
 * in the published JSON Schema and in docs/format.md. A field added to the schema and missing
 * from any layer fails here by name.
 */

type Json = Record<string, unknown>;

const DOCS = join(import.meta.dirname, '..', 'docs');
const published = JSON.parse(readFileSync(join(DOCS, 'format.schema.json'), 'utf8')) as Json;
const formatDoc = readFileSync(join(DOCS, 'format.md'), 'utf8');

/** Every table an edit can target, and what the walk covers of each. */
const TABLES = Object.keys(FIELD_TABLES) as FieldTable[];

/** A valid map in which every record has only its required fields. */
function baseFile(): Json {
  return {
    format: 'procmap',
    version: 1,
    title: 'Walk',
    roles: [{ id: 'r1', name: 'Clerk' }],
    steps: [
      { id: 's1', roleId: 'r1', kind: 'start', label: 'Letter arrives' },
      { id: 's2', roleId: 'r1', kind: 'end', label: 'Filed' },
    ],
    flows: [{ id: 'f1', from: 's1', to: 's2' }],
    comments: [
      {
        id: 'c1',
        kind: 'note',
        author: 'Ana',
        text: 'First',
        createdAt: '2026-12-01T09:00:00.000Z',
        replies: [{ author: 'Bo', text: 'Agreed', createdAt: '2026-12-01T10:00:00.000Z' }],
      },
    ],
  };
}

/** Where a table's record sits in a file. */
function recordIn(file: Json, table: FieldTable): Json {
  const first = (list: string) => (file[list] as Json[])[0] as Json;
  switch (table) {
    case 'header':
      return file;
    case 'settings':
      file.settings ??= {};
      return file.settings as Json;
    case 'replies':
      return (first('comments').replies as Json[])[0] as Json;
    default:
      return first(table);
  }
}

/** The field's own JSON Schema, generated from its zod definition. */
function jsonSchemaOf(table: FieldTable, key: string): Json {
  const field = (FIELD_TABLES[table] as Record<string, z.ZodType>)[key] as z.ZodType;
  return z.toJSONSchema(field, { target: 'draft-2020-12', unrepresentable: 'any' }) as Json;
}

/** A valid value, not a default, made from the field's JSON Schema. */
function sample(schema: Json, key: string): unknown {
  if (Array.isArray(schema.enum)) return schema.enum[schema.enum.length - 1];
  if ('const' in schema) return schema.const;
  // One of several shapes: the one with the most fields, so that the most is carried through.
  const options = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (options) {
    const size = (o: Json) => Object.keys((o.properties as Json | undefined) ?? {}).length;
    return sample(
      options.reduce((a, b) => (size(b) > size(a) ? b : a)),
      key,
    );
  }
  switch (schema.type) {
    case 'string':
      return `sample ${key}`;
    case 'boolean':
      return true;
    case 'integer':
    case 'number': {
      const max = (schema.maximum ?? schema.exclusiveMaximum) as number | undefined;
      if (max !== undefined && max <= 1) return 0.25;
      if (key === 'min') return 1.5; // below any other sample, as a range's lower bound must be
      return schema.type === 'integer' ? 2 : 2.5;
    }
    case 'array':
      return [sample(schema.items as Json, `${key} 1`), sample(schema.items as Json, `${key} 2`)];
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      if (Object.keys(props).length === 0) {
        return { someone: sample(schema.additionalProperties as Json, key) };
      }
      return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, sample(s, k)]));
    }
    default:
      throw new Error(`no sample for ${key}: ${JSON.stringify(schema)}`);
  }
}

/** A value of the wrong type (or outside an enum) for the field. */
function invalid(schema: Json): unknown {
  if (Array.isArray(schema.enum)) return 'not-one-of-them';
  return schema.type === 'string' ? 42 : 'not this';
}

/** The field's place in the published JSON Schema, if it has one. */
function publishedField(table: FieldTable, key: string): unknown {
  const props = (s: unknown) => (s as { properties?: Json } | undefined)?.properties ?? {};
  const items = (s: unknown) => (s as { items?: Json } | undefined)?.items;
  const top = props(published);
  switch (table) {
    case 'header':
      return top[key];
    case 'settings':
      return props(top.settings)[key];
    case 'replies':
      return props(items(props(items(top.comments)).replies))[key];
    default:
      return props(items(top[table]))[key];
  }
}

/** The part of the example file in docs/format.md that shows a table's record. */
function documented(table: FieldTable): string {
  const between = (from: string, to?: string) => {
    const start = formatDoc.indexOf(from);
    const end = to === undefined ? formatDoc.indexOf('```', start) : formatDoc.indexOf(to, start);
    return start === -1 ? '' : formatDoc.slice(start, end);
  };
  switch (table) {
    case 'header':
      return between('"format"', '"roles": [');
    case 'settings':
      return between('"settings": {', '"roles": [');
    case 'replies':
      return between('"replies": [', ']');
    case 'roles':
      return between('"roles": [', '"steps": [');
    case 'steps':
      return between('"steps": [', '"flows": [');
    case 'flows':
      return between('"flows": [', '"comments": [');
    case 'comments':
      return between('"comments": [');
  }
}

/**
 * A local edit that sets one field of the table's record, as a user would make it: adding the
 * record with the field (ids and references are set only when a record is added), or changing
 * the map's header, settings or a reply.
 */
function edit(doc: MapDoc, table: FieldTable, key: string, value: unknown): void {
  const field = { [key]: value };
  switch (table) {
    case 'roles':
      doc.addRole({ name: 'Porter', ...field } as never);
      return;
    case 'steps':
      doc.addStep({ roleId: roleId('r1'), label: 'Sort post', ...field } as never);
      return;
    case 'flows': {
      const ends = { from: 's2', to: 's1', ...field } as { from: string; to: string };
      doc.connect(stepId(ends.from), stepId(ends.to), field as never);
      return;
    }
    case 'comments':
      doc.addComment({ kind: 'idea', author: 'Cy', text: 'Batch less', ...field } as never);
      return;
    case 'header':
      doc.updateMeta(field as never);
      return;
    case 'settings':
      doc.updateSettings(field as never);
      return;
    case 'replies':
      doc.addReply(commentId('c1'), { author: 'Cy', text: 'Also', ...field } as never);
      return;
  }
}

const cases = TABLES.flatMap((table) =>
  fieldNames(table).map((key) => [table, key] as [FieldTable, string]),
);

describe('every field of every record, through every layer', () => {
  it('walks all the fields the schema defines', () => {
    expect(cases.length).toBeGreaterThan(40);
    expect(cases).toContainEqual(['steps', 'processTime']);
  });

  describe.each(cases)('%s.%s', (table, key) => {
    const schema = jsonSchemaOf(table, key);

    it('survives file → shared document → file', () => {
      const file = baseFile();
      const record = recordIn(file, table);
      // Ids and references keep the base map's valid values; everything else gets a sample.
      if (!(key in record)) record[key] = sample(schema, key);
      const value = record[key];
      const checked = validateMap(file);
      expect(checked.ok, JSON.stringify(checked.problems)).toBe(true);
      const out = MapDoc.fromFile(file).exportFile() as unknown as Json;
      expect(recordIn(out, table)[key]).toEqual(value);
    });

    it('is refused on a local edit with a bad value, saying what it takes', () => {
      const bad = invalid(schema);
      expect(fieldExpects(table, key), 'a wording for its messages').toBeTruthy();
      expect(fieldProblem(table, key, bad)).toBe(
        `${key} must be ${fieldExpects(table, key)}, got ${JSON.stringify(bad)}`,
      );
      const doc = MapDoc.fromFile(baseFile());
      const before = JSON.stringify(doc.exportFile());
      let error: unknown;
      try {
        edit(doc, table, key, bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DocError);
      // A reference naming no record is refused as such; any other bad value as invalid.
      if (!['roleId', 'from', 'to'].includes(key))
        expect((error as DocError).code).toBe('invalid-value');
      expect(JSON.stringify(doc.exportFile())).toBe(before);
    });

    it('is in the published JSON Schema', () => {
      expect(publishedField(table, key)).toEqual(schema.$schema ? stripped(schema) : schema);
    });

    it('is in docs/format.md', () => {
      expect(documented(table)).toContain(`"${key}"`);
    });
  });
});

/** A field's schema as it appears inside the whole file's schema (no `$schema` of its own). */
function stripped(schema: Json): Json {
  const { $schema: _, ...rest } = schema;
  return rest;
}
