import type { Problem } from './problems';
import { CURRENT_VERSION } from './vocabulary';

/** A JSON object as read from a file, before validation. */
export type JsonObject = { readonly [key: string]: unknown };

/**
 * One named step that lifts a file from `from` to `from + 1`. Steps run in order, each only on a
 * file at its own `from` version, so running the chain twice changes nothing the second time.
 * `up` must not mutate its input.
 */
export interface Migration {
  readonly name: string;
  readonly from: number;
  up(file: JsonObject): JsonObject;
}

/**
 * The real chain. Version 1 is the first published format, so it is empty today; the first
 * entry will be `{ name: 'v1-to-v2-…', from: 1, up }` when version 2 exists.
 */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { readonly ok: true; readonly file: JsonObject; readonly applied: readonly string[] }
  | { readonly ok: false; readonly problem: Problem };

/** Throws when a chain has gaps, repeats, or does not end at `current`: a programming error. */
export function assertMigrationChain(
  migrations: readonly Migration[],
  current: number = CURRENT_VERSION,
): void {
  migrations.forEach((m, i) => {
    const next = migrations[i + 1];
    if (next && next.from !== m.from + 1) {
      throw new Error(`migration "${next.name}" must start at version ${m.from + 1}`);
    }
  });
  const last = migrations[migrations.length - 1];
  if (last && last.from + 1 !== current) {
    throw new Error(`migration chain ends at version ${last.from + 1}, not ${current}`);
  }
}

/** Lifts a file to `current`, reporting a file too new or too old to read. */
export function migrate(
  file: JsonObject,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = CURRENT_VERSION,
): MigrationResult {
  assertMigrationChain(migrations, current);
  const version = file.version;
  const oldest = migrations[0]?.from ?? current;
  const fail = (code: Problem['code'], message: string): MigrationResult => ({
    ok: false,
    problem: { path: 'version', code, message, severity: 'error' },
  });
  if (version === undefined) return fail('missing', `required: the format version (${current})`);
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail('wrong-type', `expected a whole number, got ${JSON.stringify(version)}`);
  }
  if (version > current) {
    return fail(
      'unsupported-version',
      `version ${version} was written by a newer procmap; this one reads up to version ${current}`,
    );
  }
  if (version < oldest) {
    return fail('unsupported-version', `version ${version} is not a procmap file version`);
  }
  let out = file;
  const applied: string[] = [];
  for (const m of migrations) {
    if (out.version !== m.from) continue;
    out = { ...m.up(out), version: m.from + 1 };
    applied.push(m.name);
  }
  return { ok: true, file: out, applied };
}
