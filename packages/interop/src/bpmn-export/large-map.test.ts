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
});
