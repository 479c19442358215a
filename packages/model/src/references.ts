import type { JsonObject } from './migrations';
import type { Problem } from './problems';

/*
 * Checks between records: duplicate ids (errors: the file is ambiguous) and references to
 * records that do not exist (warnings: the map loads and normalize() repairs the view).
 * Works on the raw file so it can report alongside schema errors, skipping malformed entries.
 */

type Entry = { readonly index: number; readonly record: JsonObject };

const entries = (file: JsonObject, key: string): Entry[] => {
  const list = file[key];
  if (!Array.isArray(list)) return [];
  const out: Entry[] = [];
  list.forEach((record: unknown, index) => {
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
      out.push({ index, record: record as JsonObject });
    }
  });
  return out;
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function collectIds(file: JsonObject, key: string, problems: Problem[]): Set<string> {
  const firstAt = new Map<string, number>();
  for (const { index, record } of entries(file, key)) {
    const id = str(record.id);
    if (id === undefined) continue;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, index);
    else {
      problems.push({
        path: `${key}[${index}].id`,
        code: 'duplicate-id',
        message: `duplicate id "${id}" (first used at ${key}[${first}])`,
        severity: 'error',
      });
    }
  }
  return new Set(firstAt.keys());
}

const EPSILON = 1e-9;

/** Duplicate ids, unknown roles, steps and comment targets, and decision probability sums. */
export function checkReferences(file: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const roles = collectIds(file, 'roles', problems);
  const steps = collectIds(file, 'steps', problems);
  const flowIds = collectIds(file, 'flows', problems);
  collectIds(file, 'comments', problems);
  const warn = (path: string, code: Problem['code'], message: string) =>
    problems.push({ path, code, message, severity: 'warning' });

  for (const { index, record } of entries(file, 'steps')) {
    const role = str(record.roleId);
    if (role !== undefined && role !== '' && !roles.has(role)) {
      warn(`steps[${index}].roleId`, 'unknown-role', `unknown role "${role}"`);
    }
  }
  const leaving = new Map<string, JsonObject[]>();
  for (const { index, record } of entries(file, 'flows')) {
    for (const end of ['from', 'to'] as const) {
      const target = str(record[end]);
      if (target !== undefined && target !== '' && !steps.has(target)) {
        warn(`flows[${index}].${end}`, 'unknown-step', `unknown step "${target}"`);
      }
    }
    const from = str(record.from);
    if (from !== undefined) {
      const list = leaving.get(from);
      if (list) list.push(record);
      else leaving.set(from, [record]);
    }
  }
  for (const { index, record } of entries(file, 'comments')) {
    const target = str(record.targetId);
    if (target !== undefined && !steps.has(target) && !flowIds.has(target)) {
      warn(`comments[${index}].targetId`, 'unknown-target', `unknown step or flow "${target}"`);
    }
  }
  problems.push(...checkScenarios(file));
  for (const { index, record } of entries(file, 'steps')) {
    if (record.kind !== 'decision') continue;
    const out = leaving.get(str(record.id) ?? '') ?? [];
    const given = out.map((f) => f.probability).filter((p): p is number => typeof p === 'number');
    if (given.length === 0) continue;
    const sum = given.reduce((a, b) => a + b, 0);
    const complete = given.length === out.length;
    if (sum > 1 + EPSILON || (complete && Math.abs(sum - 1) > EPSILON)) {
      warn(
        `steps[${index}]`,
        'probability-sum',
        `the branches leaving decision "${str(record.label) ?? str(record.id)}" have probabilities summing to ${round(sum)}, not 1`,
      );
    }
  }
  return problems;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Each scenario is a process of its own: the same checks as the map's (duplicate ids, unknown
 * roles and steps, probability sums), its paths under `scenarios[i].`; scenario ids are unique;
 * its ideas name idea comments of the map.
 */
function checkScenarios(file: JsonObject): Problem[] {
  const problems: Problem[] = [];
  collectIds(file, 'scenarios', problems);
  const kinds = new Map<string, unknown>();
  for (const { record } of entries(file, 'comments')) {
    const id = str(record.id);
    if (id !== undefined && !kinds.has(id)) kinds.set(id, record.kind);
  }
  for (const { index, record } of entries(file, 'scenarios')) {
    const at = `scenarios[${index}]`;
    const own = checkReferences({ roles: record.roles, steps: record.steps, flows: record.flows });
    for (const p of own) problems.push({ ...p, path: `${at}.${p.path}` });
    const ideas = Array.isArray(record.ideas) ? record.ideas : [];
    ideas.forEach((idea: unknown, k) => {
      const id = str(idea);
      if (id === undefined) return;
      const kind = kinds.get(id);
      if (kind === undefined)
        problems.push({
          path: `${at}.ideas[${k}]`,
          code: 'unknown-target',
          message: `unknown comment "${id}"`,
          severity: 'warning',
        });
      else if (kind !== 'idea')
        problems.push({
          path: `${at}.ideas[${k}]`,
          code: 'unknown-target',
          message: `comment "${id}" is not an idea`,
          severity: 'warning',
        });
    });
  }
  return problems;
}
