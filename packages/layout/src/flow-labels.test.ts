import { flowLabel, formatStepTimes, normalize, type ProcessMap } from '@procmap/model';
import { FIXTURES, generateMap, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import {
  GEOMETRY,
  mapGeometry,
  type PlacedLabel,
  placeFlowLabels,
  type Rect,
  routeFlows,
  stepObstacles,
} from './index';

/** Text widths as the exports measure them, near enough: 12px type, 10px padding. */
const labelSize = (text: string) => ({ width: text.length * 6.6 + 10, height: 18 });
const tagWidth = (text: string) => text.length * 5.5 + 12;

/** Lays a map out and places its flow labels as the exports do. */
function placed(input: ProcessMap) {
  const map = normalize(input).map;
  const g = mapGeometry(map);
  const routes = routeFlows(map.flows, g.boxOf);
  const hours = 7.5;
  const tags = new Map<string, Rect>();
  const labels = placeFlowLabels(
    routes,
    ({ flow }) => {
      const text = flowLabel(flow.label, flow.probability);
      return text ? labelSize(text) : undefined;
    },
    stepObstacles(g.steps, {
      timeTagWidth: (step) => {
        const times = formatStepTimes(step, hours);
        return times ? tagWidth(times) : undefined;
      },
    }),
  );
  for (const { step, x, y } of g.steps) {
    const times = formatStepTimes(step, hours);
    if (!times) continue;
    const w = tagWidth(times);
    tags.set(step.id, {
      x: x + (GEOMETRY.stepWidth - w) / 2,
      y: y + GEOMETRY.stepHeight - 8,
      width: w,
      height: 16,
    });
  }
  return { map, g, routes, labels, tags };
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether a rectangle reaches into the diamond drawn in box `b` (a decision's shape). */
function overlapsDiamond(a: Rect, b: Rect): boolean {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const dx = Math.max(0, a.x - cx, cx - (a.x + a.width));
  const dy = Math.max(0, a.y - cy, cy - (a.y + a.height));
  return dx / (b.width / 2) + dy / (b.height / 2) < 1;
}

/** Every way a placed label touches a step's box, a time tag or another label. */
function collisions(input: ProcessMap): string[] {
  const { g, labels, tags } = placed(input);
  const found: string[] = [];
  const all = [...labels];
  for (const [id, label] of all) {
    for (const { step, x, y } of g.steps) {
      const box = { x, y, width: GEOMETRY.stepWidth, height: GEOMETRY.stepHeight };
      const hit = step.kind === 'decision' ? overlapsDiamond(label, box) : overlaps(label, box);
      if (hit) found.push(`${id} over step ${step.id}`);
      const tag = tags.get(step.id);
      if (tag && overlaps(label, tag)) found.push(`${id} over the times of ${step.id}`);
    }
    for (const [other, rect] of all) {
      if (other !== id && overlaps(label, rect)) found.push(`${id} over label ${other}`);
    }
  }
  return found;
}

describe('placeFlowLabels', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`given the ${name} fixture, then no label lies on a step, a time tag or another label`, () => {
      const map = make();
      const { labels } = placed(map);
      const labelled = map.flows.filter((f) => flowLabel(f.label, f.probability)).length;
      expect(labels.size).toBe(labelled);
      expect(collisions(map)).toEqual([]);
      expect([...labels.values()].every((l) => l.clear)).toBe(true);
    });
  }

  it('given generated maps with decisions and rework loops, then no label lies on a step, a time tag or another label', () => {
    for (const seed of [1, 2, 3, 7, 42]) {
      const map = generateMap({ steps: 120, seed, decisionRate: 0.2, loopRate: 0.08 });
      expect(collisions(map), `seed ${seed}`).toEqual([]);
    }
  });

  it('given a decision whose branches run between neighbouring columns, then each label starts beside its own branch, clear of the next step', () => {
    // given: "Yes · 75%" is as wide as the gap between the two columns
    const map = mapBuilder('Check')
      .role('r', 'Officer')
      .task('check', 'r', 'Check documents', { processTime: 15, waitTime: 120 })
      .decision('ok', 'r', 'Complete?')
      .task('assess', 'r', 'Assess', { processTime: 30 })
      .task('ask', 'r', 'Ask for papers')
      .flow('check', 'ok')
      .branch('ok', 'assess', 0.75, 'Yes')
      .branch('ok', 'ask', 0.25, 'No')
      .build();
    // when
    const { g, labels, routes } = placed(map);
    // then
    const yes = labels.get(routes.find((r) => r.flow.to === 'assess')?.flow.id ?? '');
    const decision = g.boxOf('ok');
    if (!yes || !decision) throw new Error('not placed');
    expect(yes.clear).toBe(true);
    // It begins just right of where the branch leaves the diamond, within the box's height.
    expect(yes.x).toBeGreaterThan(decision.x + GEOMETRY.stepWidth / 2);
    expect(yes.x).toBeLessThan(decision.x + GEOMETRY.stepWidth + 8);
    expect(yes.y).toBeGreaterThan(decision.y);
    expect(yes.y + yes.height).toBeLessThan(decision.y + GEOMETRY.stepHeight);
    expect(collisions(map)).toEqual([]);
  });

  it('places the same labels at the same places for the same map', () => {
    const map = generateMap({ steps: 200, seed: 5 });
    const a = [...placed(map).labels.entries()];
    const b = [...placed(map).labels.entries()];
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(10);
  });

  it('given a label too big to fit anywhere, then it is still placed, marked as not clear', () => {
    const map = mapBuilder('Crowded')
      .role('r', 'R')
      .task('a', 'r', 'A')
      .task('b', 'r', 'B')
      .flow('a', 'b', { label: 'x'.repeat(400) })
      .build();
    const { labels } = placed(map);
    const [only] = [...labels.values()] as PlacedLabel[];
    expect(only?.width).toBeGreaterThan(2000);
    expect(typeof only?.clear).toBe('boolean');
  });
});
