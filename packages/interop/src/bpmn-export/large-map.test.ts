import { normalize, validateMap } from '@procmap/model';
import { generateMap } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from './export-bpmn';
import { boundsOf, type El, list, parseBpmn } from './test-helpers';

describe('a 1,000-step map', () => {
  it('exports whole: every step, flow and lane, each drawn, and parses back without warnings', async () => {
    const map = generateMap({ steps: 1000, roles: 8, seed: 7 });
    expect(validateMap(map).ok).toBe(true);
    const shown = normalize(map).map;
    const parsed = await parseBpmn(await exportBpmn(map));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.lanes).toHaveLength(shown.roles.length);
    const original = (e: El) => e.$attrs['procmap:id'] ?? (e.id as string);
    const ours = parsed.elements.filter((e) => !e.$attrs['procmap:generated']);
    const flows = ours.filter((e) => e.$type === 'bpmn:SequenceFlow');
    const nodes = ours.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    expect(nodes.map(original).sort()).toEqual(shown.steps.map((s) => s.id).sort());
    expect(flows.map(original).sort()).toEqual(shown.flows.map((f) => f.id).sort());
    for (const e of parsed.elements) {
      const drawn = parsed.di.get(e.id as string);
      expect(drawn, e.id).toBeDefined();
      if (e.$type === 'bpmn:SequenceFlow') expect(list(drawn?.waypoint).length).toBeGreaterThan(1);
      else expect(boundsOf(parsed.di, e.id as string)?.width).toBeGreaterThan(0);
    }
  });

  it('with parallel work every few steps still exports whole, each split and join drawn', async () => {
    const base = generateMap({ steps: 1000, roles: 6, seed: 11 });
    // A task every 40 steps also hands work two steps ahead: a split there, a join ahead.
    const tasks = base.steps.filter((s) => s.kind === 'task');
    const order = new Map(base.steps.map((s, i) => [s.id as string, i]));
    const extra = tasks
      .filter((_, i) => i % 40 === 0)
      .flatMap((t, i) => {
        const ahead = base.steps[(order.get(t.id) as number) + 2];
        return ahead ? [{ id: `par${i}`, from: t.id, to: ahead.id }] : [];
      });
    expect(extra.length).toBeGreaterThan(10);
    const map = { ...base, flows: [...base.flows, ...extra] } as typeof base;
    expect(validateMap(map).ok).toBe(true);
    const parsed = await parseBpmn(await exportBpmn(map));
    expect(parsed.warnings).toEqual([]);
    const gateways = parsed.elements.filter((e) => e.$type === 'bpmn:ParallelGateway');
    expect(gateways.length).toBeGreaterThanOrEqual(extra.length);
    const joins = gateways.filter((g) => g.gatewayDirection === 'Converging');
    expect(joins.length).toBeGreaterThan(0);
    for (const g of gateways) {
      expect(parsed.di.get(g.id as string), g.id).toBeDefined();
      const lane = parsed.lanes.find((l) => list(l.flowNodeRef).includes(g));
      expect(lane, g.id).toBeDefined();
    }
    const flows = parsed.elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    const original = (e: El) => e.$attrs['procmap:id'] ?? (e.id as string);
    const ours = flows.filter((f) => !f.$attrs['procmap:generated']).map(original);
    expect(ours.sort()).toEqual(map.flows.map((f) => f.id as string).sort());
  });
});
