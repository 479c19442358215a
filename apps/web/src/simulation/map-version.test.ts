import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { mapVersion } from './map-version';
import { referralMap } from './test-fixtures';

type Mutable = { -readonly [K in keyof ProcessMap]: ProcessMap[K] };
const edited = (change: (map: Mutable & Record<string, unknown>) => void): ProcessMap => {
  const map = structuredClone(referralMap()) as Mutable & Record<string, unknown>;
  change(map);
  return map as ProcessMap;
};

describe('the version of the map a run was computed on', () => {
  it('is the same for the same map, whatever the order of its fields', () => {
    const reordered = edited((m) => {
      m.steps = m.steps.map((s) => Object.fromEntries(Object.entries(s).reverse()) as typeof s);
    });
    expect(mapVersion(referralMap())).toBe(mapVersion(referralMap()));
    expect(mapVersion(reordered)).toBe(mapVersion(referralMap()));
  });

  it('changes with what the simulation reads: a headcount, a time, the demand, a flow', () => {
    const before = mapVersion(referralMap());
    const headcount = edited((m) => {
      m.roles = m.roles.map((r) => (r.id === 'nurse' ? { ...r, headcount: 2 } : r));
    });
    const time = edited((m) => {
      m.steps = m.steps.map((s) => (s.id === 'triage' ? { ...s, processTime: 12 } : s));
    });
    const demand = edited((m) => {
      m.settings = { ...m.settings, demand: { count: 41, per: 'day' } };
    });
    const flow = edited((m) => {
      m.flows = m.flows.slice(0, 2);
    });
    const versions = [before, ...[headcount, time, demand, flow].map(mapVersion)];
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('stays when only the drawing, notes or comments change', () => {
    const before = mapVersion(referralMap());
    const moved = edited((m) => {
      m.steps = m.steps.map((s) =>
        s.id === 'triage' ? { ...s, position: { x: 500, y: 90 }, notes: 'see the SOP' } : s,
      );
      m.roles = m.roles.map((r) => ({ ...r, order: 9, color: '#000000' }));
      m.comments = [{ id: 'c1', text: 'Too slow', createdAt: '2026-01-01' }] as never;
    });
    expect(mapVersion(moved)).toBe(before);
  });
});
