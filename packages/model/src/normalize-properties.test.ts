import { describe, expect, it } from 'vitest';
import { normalize, UNASSIGNED_ROLE_ID } from './normalize';
import { comment, deepFreeze, flow, map, role, step } from './test-helpers';
import type { ProcessMap, Step } from './types';
import type { StepKind } from './vocabulary';
import { validateMap } from './validate';

describe('normalize: property checks over random maps', () => {
  /** mulberry32: a tiny seeded PRNG, so failures reproduce. */
  function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /**
   * A map with a seeded amount of mess: with `mess` 0 it is consistent; otherwise each record
   * may reuse an id (including ids that look like renames), point at a missing role, step or
   * target, or carry an unknown kind or a missing label.
   */
  function randomMap(seed: number): ProcessMap {
    const r = prng(seed);
    const int = (n: number) => Math.floor(r() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
    const mess = pick([0, 0, 0.05, 0.2, 0.5]);
    const messy = () => r() < mess;
    const idFor = (prefix: string, i: number, earlier: readonly string[]) =>
      messy() && earlier.length > 0
        ? pick([...earlier, `${earlier[0]}~2`, prefix === 'r' ? 'unassigned' : `${prefix}0`])
        : `${prefix}${i}`;

    const roleIds: string[] = [];
    const roles = Array.from({ length: int(5) }, (_, i) => {
      const id = idFor('r', i, roleIds);
      roleIds.push(id);
      return role(id, r() < 0.5 ? { order: int(7) - 2 + (r() < 0.3 ? 0.5 : 0) } : {});
    });
    const stepIds: string[] = [];
    const kinds = ['start', 'task', 'decision', 'delay', 'end'] as const;
    const steps = Array.from({ length: int(14) }, (_, i) => {
      const id = idFor('s', i, stepIds);
      stepIds.push(id);
      const owner = messy() || roleIds.length === 0 ? 'gone' : pick(roleIds);
      const kind: StepKind = messy() ? ('weird' as StepKind) : pick(kinds);
      const noLabel = messy() && r() < 0.3;
      return step(id, owner, {
        kind,
        processTime: int(30),
        ...(noLabel ? { label: undefined as unknown as string } : {}),
      });
    });
    const end = () => (messy() || stepIds.length === 0 ? 'ghost' : pick(stepIds));
    const flowIds: string[] = [];
    const flows = Array.from({ length: int(12) }, (_, i) => {
      const id = idFor('f', i, flowIds);
      flowIds.push(id);
      return flow(id, end(), end());
    });
    const commentIds: string[] = [];
    const targets = [...stepIds, ...flowIds];
    const comments =
      r() < 0.3
        ? undefined
        : Array.from({ length: int(5) }, (_, i) => {
            const id = idFor('c', i, commentIds);
            commentIds.push(id);
            if (r() < 0.3) return comment(id);
            return comment(id, messy() || targets.length === 0 ? 'nowhere' : pick(targets));
          });
    return map({ roles, steps, flows, ...(comments ? { comments } : {}) });
  }

  const SEEDS = Array.from({ length: 500 }, (_, i) => i + 1);
  /** `x` or `x~n`, the renamed copy of a duplicate. */
  const baseId = (id: string, originals: ReadonlySet<string>) =>
    originals.has(id) ? id : id.replace(/~\d+$/, '');

  it('never drops a step, and every input step id is present (modulo duplicate renames)', () => {
    for (const seed of SEEDS) {
      const input = deepFreeze(randomMap(seed));
      const { map: out } = normalize(input);
      const ctx = `seed ${seed}`;
      expect(out.steps.length, ctx).toBe(input.steps.length);
      const outIds = out.steps.map((s) => s.id as string);
      const inIds = input.steps.map((s) => s.id as string);
      const originals = new Set(inIds);
      // the same multiset of ids once renames are undone, in the same order
      expect(
        outIds.map((id) => baseId(id, originals)),
        ctx,
      ).toEqual(inIds);
      for (const id of originals) expect(outIds, ctx).toContain(id);
      // and each step keeps everything but the repaired fields
      out.steps.forEach((s, i) => {
        const before = input.steps[i] as Step;
        expect(s.processTime, ctx).toBe(before.processTime);
      });
    }
  });

  it('leaves a consistent map: unique ids, known roles and kinds, no dangling ends', () => {
    for (const seed of SEEDS) {
      const input = deepFreeze(randomMap(seed));
      const { map: out } = normalize(input);
      const ctx = `seed ${seed}`;
      for (const list of [out.roles, out.steps, out.flows, out.comments ?? []]) {
        const ids = list.map((x) => x.id);
        expect(new Set(ids).size, ctx).toBe(ids.length);
      }
      const roleIds = new Set<string>(out.roles.map((x) => x.id));
      const stepIds = new Set<string>(out.steps.map((x) => x.id));
      const flowIds = new Set<string>(out.flows.map((x) => x.id));
      for (const s of out.steps) {
        expect(roleIds.has(s.roleId), ctx).toBe(true);
        expect(['start', 'task', 'decision', 'delay', 'end'], ctx).toContain(s.kind);
        expect(typeof s.label, ctx).toBe('string');
      }
      for (const f of out.flows) {
        expect(stepIds.has(f.from) && stepIds.has(f.to), ctx).toBe(true);
      }
      for (const c of out.comments ?? []) {
        if (c.targetId !== undefined) {
          expect(stepIds.has(c.targetId) || flowIds.has(c.targetId), ctx).toBe(true);
        }
      }
      expect(out.roles.filter((x) => x.id === UNASSIGNED_ROLE_ID).length, ctx).toBeLessThan(2);
    }
  });

  it('reports every flow it leaves out, and keeps all the others', () => {
    for (const seed of SEEDS) {
      const input = randomMap(seed);
      const { map: out, repairs } = normalize(input);
      const dropped = repairs.filter((x) => x.code === 'dangling-flow').flatMap((x) => x.ids);
      expect(out.flows.length + dropped.length, `seed ${seed}`).toBe(input.flows.length);
    }
  });

  it('is idempotent: normalizing its output repairs nothing and returns it as is', () => {
    for (const seed of SEEDS) {
      const first = normalize(randomMap(seed)).map;
      const second = normalize(first);
      expect(second.repairs, `seed ${seed}`).toEqual([]);
      expect(second.map, `seed ${seed}`).toBe(first);
    }
  });

  it('returns the input itself exactly when there is nothing to repair', () => {
    for (const seed of SEEDS) {
      const input = randomMap(seed);
      const result = normalize(input);
      expect(result.map === input, `seed ${seed}`).toBe(result.repairs.length === 0);
    }
  });

  it('produces maps that validate without errors when the input had valid field values', () => {
    for (const seed of SEEDS) {
      const input = randomMap(seed);
      const { map: out } = normalize(input);
      const result = validateMap(out);
      expect(
        result.problems.filter((p) => p.severity === 'error'),
        `seed ${seed}`,
      ).toEqual([]);
      expect(result.problems, `seed ${seed}`).toEqual([]);
    }
  });
});
