import { describe, expect, it } from 'vitest';
import {
  assertMigrationChain,
  type JsonObject,
  MIGRATIONS,
  type Migration,
  type MigrationResult,
  migrate,
} from './migrations';
import { CURRENT_VERSION } from './vocabulary';

/** Freezes a value and everything inside it, so any write by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/*
 * A synthetic history: version 0 called the title `name`; version 1 renamed it to `title`;
 * version 2 turned `tags` (a comma-separated string) into a list. Each `up` records that it ran.
 */
const v0ToV1: Migration = {
  name: 'v0-to-v1-rename-name-to-title',
  from: 0,
  up: (file) => {
    const { name, ...rest } = file;
    return { ...rest, title: name, trail: [...((file.trail as string[]) ?? []), 'v0-v1'] };
  },
};
const v1ToV2: Migration = {
  name: 'v1-to-v2-split-tags',
  from: 1,
  up: (file) => ({
    ...file,
    tags: typeof file.tags === 'string' ? file.tags.split(',') : [],
    trail: [...((file.trail as string[]) ?? []), 'v1-v2'],
  }),
};
const CHAIN: readonly Migration[] = [v0ToV1, v1ToV2];

function ok(result: MigrationResult): { file: JsonObject; applied: readonly string[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problem)}`);
  return result;
}

describe('migrate with a synthetic v0 -> v1 -> v2 chain', () => {
  it('given a v0 file, when migrated to 2, then both steps run in order and are named', () => {
    const result = ok(migrate({ version: 0, name: 'Referral', tags: 'a,b' }, CHAIN, 2));
    expect(result.applied).toEqual([v0ToV1.name, v1ToV2.name]);
    expect(result.file).toEqual({
      version: 2,
      title: 'Referral',
      tags: ['a', 'b'],
      trail: ['v0-v1', 'v1-v2'],
    });
  });

  it('given a v1 file, then only the v1 -> v2 step runs', () => {
    const result = ok(migrate({ version: 1, title: 'T', tags: 'x' }, CHAIN, 2));
    expect(result.applied).toEqual([v1ToV2.name]);
    expect(result.file).toEqual({ version: 2, title: 'T', tags: ['x'], trail: ['v1-v2'] });
  });

  it('given a current (v2) file, then nothing runs and the file comes back as it was', () => {
    const file = { version: 2, title: 'T', tags: ['x'] };
    const result = ok(migrate(file, CHAIN, 2));
    expect(result.applied).toEqual([]);
    expect(result.file).toEqual(file);
  });

  it('given a migration that forgets to bump the version, then migrate sets it', () => {
    const forgetful: Migration = { name: 'forgetful', from: 0, up: (f) => ({ ...f, x: 1 }) };
    const result = ok(migrate({ version: 0 }, [forgetful], 1));
    expect(result.file).toEqual({ version: 1, x: 1 });
  });

  it('given the output of a migration, when migrated again, then nothing is applied and the file is equal', () => {
    const first = ok(migrate({ version: 0, name: 'Referral', tags: 'a,b' }, CHAIN, 2));
    const second = ok(migrate(deepFreeze(first.file), CHAIN, 2));
    expect(second.applied).toEqual([]);
    expect(second.file).toEqual(first.file);
  });

  it('given a frozen input, then migrating does not mutate it', () => {
    const input = deepFreeze({ version: 0, name: 'Referral', tags: 'a,b', extra: { keep: [1] } });
    const before = structuredClone(input);
    const result = ok(migrate(input, CHAIN, 2));
    expect(input).toEqual(before);
    expect(result.file).not.toBe(input);
    expect(result.file.extra).toEqual({ keep: [1] });
  });

  it('given a version newer than current, then unsupported-version says it is newer', () => {
    const result = migrate({ version: 3 }, CHAIN, 2);
    expect(result).toEqual({
      ok: false,
      problem: {
        path: 'version',
        code: 'unsupported-version',
        message: 'version 3 was written by a newer procmap; this one reads up to version 2',
        severity: 'error',
      },
    });
  });

  it('given a version older than the chain starts, then unsupported-version', () => {
    const result = migrate({ version: -1 }, CHAIN, 2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ path: 'version', code: 'unsupported-version' });
    expect(result.problem.message).toContain('-1');
  });

  it('given a chain starting at 1, then a v0 file is too old', () => {
    const result = migrate({ version: 0 }, [v1ToV2], 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('unsupported-version');
  });

  it('given no version, then a "missing" problem', () => {
    const result = migrate({ title: 'x' }, CHAIN, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ path: 'version', code: 'missing' });
  });

  it.each([
    ['text', '1'],
    ['a fraction', 1.5],
    ['null', null],
    ['a list', [1]],
  ])('given a version that is %s, then a wrong-type problem', (_n, version) => {
    const result = migrate({ version }, CHAIN, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ path: 'version', code: 'wrong-type' });
  });

  it('given a broken chain, then migrate throws (a programming error, not a file problem)', () => {
    expect(() => migrate({ version: 0 }, [v0ToV1], 2)).toThrow();
  });
});

describe('assertMigrationChain', () => {
  const m = (from: number, name = `m${from}`): Migration => ({ name, from, up: (f) => f });

  it('given a consecutive chain ending at current, then it does not throw', () => {
    expect(() => assertMigrationChain(CHAIN, 2)).not.toThrow();
    expect(() => assertMigrationChain([m(3), m(4), m(5)], 6)).not.toThrow();
  });

  it('given an empty chain, then it does not throw', () => {
    expect(() => assertMigrationChain([], 1)).not.toThrow();
  });

  it('given a gap, then it throws naming the migration after the gap', () => {
    expect(() => assertMigrationChain([m(0), m(2, 'two-to-three')], 3)).toThrow(/two-to-three/);
  });

  it('given a repeated start version, then it throws', () => {
    expect(() => assertMigrationChain([m(0), m(0, 'again')], 1)).toThrow(/again/);
  });

  it('given steps out of order, then it throws', () => {
    expect(() => assertMigrationChain([m(1), m(0)], 2)).toThrow();
  });

  it('given a chain that ends below or above current, then it throws naming both versions', () => {
    expect(() => assertMigrationChain([m(0), m(1)], 3)).toThrow(/ends at version 2, not 3/);
    expect(() => assertMigrationChain([m(0), m(1)], 1)).toThrow(/ends at version 2, not 1/);
  });
});

describe('the real MIGRATIONS chain', () => {
  it('is a valid chain ending at CURRENT_VERSION', () => {
    expect(() => assertMigrationChain(MIGRATIONS, CURRENT_VERSION)).not.toThrow();
    expect(() => assertMigrationChain(MIGRATIONS)).not.toThrow();
  });

  it('has unique names', () => {
    const names = MIGRATIONS.map((x) => x.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('given a current file, then the defaults migrate nothing', () => {
    const file = { format: 'procmap', version: CURRENT_VERSION, title: '' };
    const result = ok(migrate(file));
    expect(result.applied).toEqual([]);
    expect(result.file).toEqual(file);
  });

  it('given a file one version newer, then the defaults report unsupported-version', () => {
    const result = migrate({ version: CURRENT_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('unsupported-version');
  });

  it('given version 0, then the defaults report unsupported-version', () => {
    const result = migrate({ version: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('unsupported-version');
  });
});
