import { describe, expect, it } from 'vitest';
import { diffFrom, diffMaps, sameValue } from './diff-maps';
import type { ProcessMap } from './types';

/*
 * diffMaps on hand-built as-is / to-be pairs: each test states the change a room would make and
 * the answer a reader works out by hand.
 */

const asIs = {
  roles: [
    { id: 'clerk', name: 'Ward clerk', headcount: 2 },
    { id: 'nurse', name: 'Nurse', headcount: 4 },
  ],
  steps: [
    { id: 's1', kind: 'start', label: 'Referral arrives', roleId: 'clerk' },
    { id: 's2', kind: 'task', label: 'Key in referral', roleId: 'clerk', processTime: 10 },
    { id: 's3', kind: 'task', label: 'Triage', roleId: 'nurse', processTime: 15, waitTime: 60 },
    { id: 's4', kind: 'end', label: 'Booked', roleId: 'clerk', position: { x: 10, y: 20 } },
  ],
  flows: [
    { id: 'f1', from: 's1', to: 's2' },
    { id: 'f2', from: 's2', to: 's3' },
    { id: 'f3', from: 's3', to: 's4', label: 'Accept' },
  ],
} as unknown as ProcessMap;

/** The as-is with some of its records replaced, by id. */
function toBe(edit: {
  roles?: (r: Record<string, unknown>[]) => unknown[];
  steps?: (s: Record<string, unknown>[]) => unknown[];
  flows?: (f: Record<string, unknown>[]) => unknown[];
}): ProcessMap {
  const copy = JSON.parse(JSON.stringify(asIs));
  return {
    ...copy,
    roles: edit.roles ? edit.roles(copy.roles) : copy.roles,
    steps: edit.steps ? edit.steps(copy.steps) : copy.steps,
    flows: edit.flows ? edit.flows(copy.flows) : copy.flows,
  };
}

const none = { added: [], removed: [], changed: [] };

describe('diffMaps', () => {
  it('finds nothing between a map and its copy', () => {
    expect(diffMaps(asIs, toBe({}))).toEqual({ steps: none, flows: none, roles: none });
  });

  it('drops the re-keying: a step removed and the flows around it re-routed', () => {
    // The referral comes in online: nobody keys it in. s2 goes, f1 now runs to s3, f2 goes.
    const b = toBe({
      steps: (s) => s.filter((x) => x.id !== 's2'),
      flows: (f) =>
        f.filter((x) => x.id !== 'f2').map((x) => (x.id === 'f1' ? { ...x, to: 's3' } : x)),
    });
    expect(diffMaps(asIs, b)).toEqual({
      steps: { added: [], removed: ['s2'], changed: [] },
      flows: { added: [], removed: ['f2'], changed: [{ id: 'f1', fields: ['to'] }] },
      roles: none,
    });
  });

  it('a step moved to another role is changed in roleId; a new step is added', () => {
    const b = toBe({
      steps: (s) => [
        ...s.map((x) => (x.id === 's3' ? { ...x, roleId: 'clerk', waitTime: 0 } : x)),
        { id: 'n1', kind: 'task', label: 'Test at the bedside', roleId: 'nurse', processTime: 5 },
      ],
    });
    expect(diffMaps(asIs, b).steps).toEqual({
      added: ['n1'],
      removed: [],
      // In the file's field order, whatever order the edits came in.
      changed: [{ id: 's3', fields: ['roleId', 'waitTime'] }],
    });
  });

  it('a role resized and one added; a field cleared counts as changed', () => {
    const b = toBe({
      roles: (r) => [
        ...r.map((x) => (x.id === 'clerk' ? { ...x, headcount: 3 } : x)),
        { id: 'porter', name: 'Porter' },
      ],
      flows: (f) => f.map((x) => (x.id === 'f3' ? { id: 'f3', from: 's3', to: 's4' } : x)),
    });
    const d = diffMaps(asIs, b);
    expect(d.roles).toEqual({
      added: ['porter'],
      removed: [],
      changed: [{ id: 'clerk', fields: ['headcount'] }],
    });
    expect(d.flows.changed).toEqual([{ id: 'f3', fields: ['label'] }]);
  });

  it('leaves a step dragged on the canvas out, but not a changed time variation', () => {
    const b = toBe({
      steps: (s) =>
        s.map((x) => {
          if (x.id === 's4') return { ...x, position: { x: 400, y: 20 } };
          if (x.id === 's2')
            return { ...x, processVariation: { distribution: 'triangular', min: 5, max: 30 } };
          return x;
        }),
    });
    expect(diffMaps(asIs, b).steps.changed).toEqual([{ id: 's2', fields: ['processVariation'] }]);
    const c = toBe({
      steps: (s) =>
        s.map((x) =>
          x.id === 's2'
            ? { ...x, processVariation: { distribution: 'triangular', min: 5, max: 31 } }
            : x,
        ),
    });
    expect(diffMaps(b, c).steps.changed).toEqual([{ id: 's2', fields: ['processVariation'] }]);
  });

  it('names fields it does not know, after the known ones, by name', () => {
    const b = toBe({
      steps: (s) => s.map((x) => (x.id === 's1' ? { ...x, zeta: 1, alpha: [1], label: 'In' } : x)),
    });
    expect(diffMaps(asIs, b).steps.changed).toEqual([
      { id: 's1', fields: ['label', 'alpha', 'zeta'] },
    ]);
  });

  it('finds a field only the second record has, even when the first holds one set to undefined', () => {
    // The two records have as many keys, and read alike on every key of the first.
    const one = { roles: [], flows: [], steps: [{ id: 's1', label: 'A', notes: undefined }] };
    const two = { roles: [], flows: [], steps: [{ id: 's1', label: 'A', zeta: 2 }] };
    const d = diffMaps(one as unknown as ProcessMap, two as unknown as ProcessMap);
    expect(d.steps.changed).toEqual([{ id: 's1', fields: ['zeta'] }]);
    // Absent and undefined are alike either way round.
    const three = { roles: [], flows: [], steps: [{ id: 's1', label: 'A' }] };
    const back = diffMaps(one as unknown as ProcessMap, three as unknown as ProcessMap);
    expect(back.steps.changed).toEqual([]);
  });

  it('never throws on malformed lists, and keeps the first of a repeated id', () => {
    const bad = {
      roles: 'x',
      steps: [null, 7, { id: 's1' }, { id: 's1', label: 'again' }],
      flows: undefined,
    };
    const d = diffMaps(bad as unknown as ProcessMap, asIs);
    expect(d.steps.added).toEqual(['s2', 's3', 's4']);
    expect(d.steps.changed.map((c) => c.id)).toEqual(['s1']);
    expect(d.roles.added).toEqual(['clerk', 'nurse']);
    expect(d.flows.added).toEqual(['f1', 'f2', 'f3']);
  });

  it('is linear: 20,000 steps compare in one pass each', () => {
    const big = (n: number, shift: number) =>
      ({
        roles: [],
        flows: [],
        steps: Array.from({ length: n }, (_, i) => ({ id: `s${i + shift}`, label: `Step ${i}` })),
      }) as unknown as ProcessMap;
    const d = diffMaps(big(20_000, 0), big(20_000, 10));
    expect(d.steps.added).toHaveLength(10);
    expect(d.steps.removed).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`));
    // Every shared id now carries the label of the step ten before it.
    expect(d.steps.changed).toHaveLength(19_990);
  });
});

/** A small seeded generator (the test-kit's depends on this package). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** The answer worked out the plain way: every list indexed by id, fields compared as sets. */
function byIdOracle(before: unknown[], after: unknown[]) {
  const valid = (r: unknown): r is Record<string, unknown> =>
    typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string';
  const first = new Map<string, Record<string, unknown>>();
  for (const r of before) if (valid(r) && !first.has(r.id as string)) first.set(r.id as string, r);
  const seen = new Set<string>();
  const added: string[] = [];
  const changed: { id: string; fields: string[] }[] = [];
  for (const r of after) {
    if (!valid(r) || seen.has(r.id as string)) continue;
    const id = r.id as string;
    seen.add(id);
    const old = first.get(id);
    if (!old) {
      added.push(id);
      continue;
    }
    const keys = new Set([...Object.keys(old), ...Object.keys(r)]);
    const fields = [...keys]
      .filter((k) => k !== 'id' && k !== 'position' && !sameValue(old[k], r[k]))
      .sort();
    if (fields.length > 0) changed.push({ id, fields });
  }
  const removed = [...first.keys()].filter((id) => !seen.has(id));
  return { added, removed, changed };
}

describe('diffFrom', () => {
  it('one differ answers every scenario as the plain by-id answer does', () => {
    const from = diffFrom(asIs);
    const moved = toBe({ steps: (s) => [s[3], s[0], { ...s[2], waitTime: 5 }] });
    const renamed = toBe({ flows: (f) => f.map((x) => ({ ...x, label: 'Go' })) });
    for (const other of [asIs, moved, renamed, asIs]) {
      const got = from(other);
      for (const list of ['steps', 'flows', 'roles'] as const) {
        const sorted = got[list].changed.map((c) => ({ id: c.id, fields: [...c.fields].sort() }));
        expect({ ...got[list], changed: sorted }).toEqual(
          byIdOracle(asIs[list] as unknown[], other[list] as unknown[]),
        );
      }
    }
    expect(from(moved).steps).toEqual({
      added: [],
      removed: ['s2'],
      changed: [{ id: 's3', fields: ['waitTime'] }],
    });
  });

  it('pairs records by id however far they moved, repeats and gaps included (seeded fuzz)', () => {
    const random = lcg(21);
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 300; round++) {
      // Ids from a small pool, so lists repeat ids; now and then a record without one.
      const record = () =>
        random() < 0.05
          ? { label: 'no id' }
          : {
              id: `s${pick(12)}`,
              label: `L${pick(3)}`,
              ...(random() < 0.3 ? { waitTime: pick(3) } : {}),
            };
      const before = Array.from({ length: pick(14) }, record);
      // The after list: a copy with records removed, added, edited and moved, as a room edits.
      const after: unknown[] = before.map((r) => (random() < 0.2 ? { ...r, label: 'edited' } : r));
      for (let k = pick(4); k > 0; k--) after.splice(pick(after.length + 1), 0, record());
      for (let k = pick(3); k > 0 && after.length > 0; k--) after.splice(pick(after.length), 1);
      if (random() < 0.3 && after.length > 1) after.push(after.splice(pick(after.length), 1)[0]);
      const got = diffFrom({ steps: before, flows: [], roles: [] } as unknown as ProcessMap)({
        steps: after,
        flows: [],
        roles: [],
      } as unknown as ProcessMap).steps;
      const want = byIdOracle(before, after);
      const sorted = got.changed.map((c) => ({ id: c.id, fields: [...c.fields].sort() }));
      expect({ ...got, changed: sorted }, `round ${round}`).toEqual(want);
    }
  });
});

describe('sameValue', () => {
  it('compares numbers, text, lists and records all the way down', () => {
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue([1, { a: [2] }], [1, { a: [2] }])).toBe(true);
    expect(sameValue([1, { a: [2] }], [1, { a: [3] }])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameValue({ a: 1 }, [1])).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});
