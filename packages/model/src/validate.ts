import type { z } from 'zod';
import { LABEL_FIELDS, labelLengthProblem } from './limits';
import { type JsonObject, migrate } from './migrations';
import { MAX_NESTING, tooDeep } from './nesting';
import { formatPath, type Problem } from './problems';
import { checkReferences } from './references';
import { processMapSchema, recordSchemas } from './schema';
import type { ProcessMap } from './types';

export type ValidationResult =
  | {
      readonly ok: true;
      readonly map: ProcessMap;
      /** Warnings only: inconsistencies that normalize() repairs in the view. */
      readonly problems: readonly Problem[];
      /** Names of the migrations applied to bring the file to the current version. */
      readonly migrated: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed JSON value against the version-1 format and reports every problem at once,
 * each with its JSON path. Older versions are migrated first. Unknown fields are kept.
 */
export function validateMap(input: unknown): ValidationResult {
  if (!isObject(input)) {
    return {
      ok: false,
      problems: [
        {
          path: '(root)',
          code: 'not-an-object',
          message: `expected a procmap map (a JSON object), got ${describe(input)}`,
          severity: 'error',
        },
      ],
    };
  }
  const deep = tooDeep(input);
  if (deep !== undefined) {
    return {
      ok: false,
      problems: [
        {
          path: deep,
          code: 'out-of-range',
          message: `nested more than ${MAX_NESTING} levels deep`,
          severity: 'error',
        },
      ],
    };
  }
  const migrated = migrate(input);
  const file = migrated.ok ? migrated.file : input;
  const parsed = processMapSchema.safeParse(file);
  const problems: Problem[] = migrated.ok ? [] : [migrated.problem];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (!migrated.ok && issue.path[0] === 'version') continue;
      problems.push(toProblem(issue, file));
    }
  }
  problems.push(...checkReferences(file));
  problems.push(...labelLengths(file));
  problems.sort(byPath);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !migrated.ok || !parsed.success) return { ok: false, problems };
  return {
    ok: true,
    map: parsed.data,
    problems,
    migrated: migrated.applied,
  };
}

/** What checkRecord checks: a record of one of the lists, or the map's own fields. */
export type RecordKind = keyof typeof recordSchemas;

/**
 * Checks one record (a role, step, flow or comment as the file holds it, or the map's own
 * fields: title, description, settings) against the version-1 format, without the rest of the
 * map: what a server needs to refuse an edit that would make the map invalid, at the cost of
 * the record rather than the map. References to other records are not checked (a concurrent
 * delete can leave one dangling, and normalize() repairs that in the view). Problems' paths
 * start with `at`, e.g. `steps[s1]`.
 */
export function checkRecord(kind: RecordKind, value: unknown, at: string): Problem[] {
  const parsed = recordSchemas[kind].safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const problem = toProblem(issue, value);
    const tail =
      problem.path === '(root)'
        ? ''
        : problem.path.startsWith('[')
          ? problem.path
          : `.${problem.path}`;
    return { ...problem, path: `${at}${tail}` };
  });
}

const SECTIONS = [
  '(root)',
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
];

/** Document order: the header first, then each list entry by index, so output reads top-down. */
function byPath(a: Problem, b: Problem): number {
  const ta = a.path.split(/[.[\]]+/).filter(Boolean);
  const tb = b.path.split(/[.[\]]+/).filter(Boolean);
  const rank = (t: string) => {
    const i = SECTIONS.indexOf(t);
    return i === -1 ? SECTIONS.length : i;
  };
  const head = rank(ta[0] ?? '') - rank(tb[0] ?? '');
  if (head !== 0) return head;
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] as string;
    const y = tb[i] as string;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return 0; // same entry, different fields: keep the order they were found in
  }
  return ta.length - tb.length;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A short human description of a JSON value, for messages. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `an ${typeof v}`;
}

const article: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function toProblem(issue: z.core.$ZodIssue, root: unknown): Problem {
  const path = formatPath(issue.path);
  const value = valueAt(root, issue.path);
  const key = String(issue.path[issue.path.length - 1] ?? 'value');
  const make = (code: Problem['code'], message: string): Problem => ({
    path,
    code,
    message,
    severity: 'error',
  });
  switch (issue.code) {
    case 'invalid_type': {
      const expected = article[issue.expected] ?? issue.expected;
      if (value === undefined) return make('missing', `required (${expected})`);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return make('wrong-type', `expected a finite number, got ${value}`);
      }
      return make('wrong-type', `expected ${expected}, got ${describe(value)}`);
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (value === undefined) return make('missing', `required (${allowed})`);
      if (issue.values.length === 1)
        return make('bad-value', `must be ${allowed}, got ${describe(value)}`);
      return make('bad-value', `unknown ${key} ${describe(value)} (expected one of ${allowed})`);
    }
    case 'too_small':
      if (issue.origin === 'string') return make('bad-value', 'must not be empty');
      return make(
        'out-of-range',
        `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, got ${describe(value)}`,
      );
    case 'too_big':
      return make(
        'out-of-range',
        `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${describe(value)}`,
      );
    case 'invalid_union': {
      // A discriminated union (a time variation's distribution): name the value and the choices.
      const options = (issue as { options?: readonly unknown[] }).options;
      if (!options) return make('bad-value', issue.message);
      const allowed = options.map((v) => JSON.stringify(v)).join(', ');
      if (value === undefined) return make('missing', `required (${allowed})`);
      return make('bad-value', `unknown ${key} ${describe(value)} (expected one of ${allowed})`);
    }
    default:
      return make('bad-value', issue.message);
  }
}

/** Names longer than MAX_LABEL_LENGTH, wherever the file holds them (scenarios too). */
function labelLengths(file: unknown): Problem[] {
  if (!file || typeof file !== 'object') return [];
  const out: Problem[] = [];
  const top = file as Record<string, unknown>;
  const title = labelLengthProblem(top.title, 'title');
  if (title) out.push(title);
  out.push(...processLabelLengths(top, ''));
  if (Array.isArray(top.scenarios)) {
    top.scenarios.forEach((scenario, i) => {
      if (!scenario || typeof scenario !== 'object') return;
      const at = `scenarios[${i}]`;
      const name = labelLengthProblem((scenario as Record<string, unknown>).name, `${at}.name`);
      if (name) out.push(name);
      out.push(...processLabelLengths(scenario as Record<string, unknown>, `${at}.`));
    });
  }
  return out;
}

/** Names too long in one process's roles, steps and flows; paths start with `prefix`. */
function processLabelLengths(process: Record<string, unknown>, prefix: string): Problem[] {
  const out: Problem[] = [];
  for (const list of ['roles', 'steps', 'flows'] as const) {
    const records = process[list];
    if (!Array.isArray(records)) continue;
    const field = LABEL_FIELDS[list];
    records.forEach((record, i) => {
      const problem =
        record && typeof record === 'object'
          ? labelLengthProblem(
              (record as Record<string, unknown>)[field],
              `${prefix}${list}[${i}].${field}`,
            )
          : undefined;
      if (problem) out.push(problem);
    });
  }
  return out;
}
