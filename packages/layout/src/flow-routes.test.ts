import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { GEOMETRY, mapGeometry, pointOnCurve, routeFlows } from './index';

const W = GEOMETRY.stepWidth;
const H = GEOMETRY.stepHeight;

/** A decision in the middle lane with a branch up, one straight on and one down. */
function threeBranches() {
  return mapBuilder('Branches')
    .role('a', 'Above')
    .role('m', 'Middle')
    .role('b', 'Below')
    .decision('d', 'm', 'Eligible?')
    .task('up', 'a', 'Ask for more')
    .task('on', 'm', 'Assess')
    .task('down', 'b', 'Refer on')
    .flow('d', 'on', { id: 'f-on', label: 'Yes', probability: 0.6 })
    .flow('d', 'up', { id: 'f-up', label: 'More', probability: 0.3 })
    .flow('d', 'down', { id: 'f-down', label: 'No', probability: 0.1 })
    .build();
}

describe('routeFlows', () => {
  it('given three branches leaving a decision, then each leaves from its own point of the diamond, ordered top to bottom like their targets', () => {
    // given
    const map = threeBranches();
    const g = mapGeometry(map);
    // when
    const routes = routeFlows(map.flows, g.boxOf);
    const start = new Map<string, { x: number; y: number }>(
      routes.map((r) => [r.flow.id, { x: r.curve.x0, y: r.curve.y0 }]),
    );
    // then: three distinct starts, at least 12 apart, the branch going up leaving highest
    const up = start.get('f-up');
    const on = start.get('f-on');
    const down = start.get('f-down');
    if (!up || !on || !down) throw new Error('a branch was not routed');
    expect(up.y).toBeLessThan(on.y);
    expect(on.y).toBeLessThan(down.y);
    expect(on.y - up.y).toBeGreaterThanOrEqual(12);
    expect(down.y - on.y).toBeGreaterThanOrEqual(12);
    // each start lies on the diamond's outline: |dx|/(W/2) + |dy|/(H/2) = 1
    const d = g.boxOf('d');
    if (!d) throw new Error('no decision box');
    for (const p of [up, on, down]) {
      const dx = Math.abs(p.x - (d.x + W / 2));
      const dy = Math.abs(p.y - (d.y + H / 2));
      expect(dx / (W / 2) + dy / (H / 2)).toBeCloseTo(1, 6);
    }
  });

  it('given two flows into one step from different lanes, then they arrive at different points of its side', () => {
    // given
    const map = mapBuilder('Merge')
      .role('a', 'A')
      .role('b', 'B')
      .task('s1', 'a', 'One')
      .task('s2', 'b', 'Two')
      .task('s3', 'a', 'Three', { position: { x: 2 * GEOMETRY.columnWidth + 36, y: 0 } })
      .flow('s1', 's3')
      .flow('s2', 's3')
      .build();
    const g = mapGeometry(map);
    // when
    const [fromA, fromB] = routeFlows(map.flows, g.boxOf);
    // then: the one from above arrives higher, both on the left side of the target
    const target = g.boxOf('s3');
    expect(fromA?.curve.x3).toBe(target?.x);
    expect(fromB?.curve.x3).toBe(target?.x);
    expect((fromB?.curve.y3 ?? 0) - (fromA?.curve.y3 ?? 0)).toBeGreaterThanOrEqual(12);
  });

  it('given a rework loop in one lane, then it leaves and enters on the lower sides and runs below both boxes', () => {
    // given
    const map = mapBuilder('Loop')
      .role('a', 'A')
      .task('s1', 'a', 'Do')
      .task('s2', 'a', 'Check')
      .flow('s1', 's2')
      .flow('s2', 's1', { id: 'back' })
      .build();
    const g = mapGeometry(map);
    // when
    const loop = routeFlows(map.flows, g.boxOf).find((r) => r.flow.id === 'back');
    // then
    expect(loop?.kind).toBe('back');
    const s1 = g.boxOf('s1');
    const s2 = g.boxOf('s2');
    if (!loop || !s1 || !s2) throw new Error('not routed');
    expect(loop.curve.y0).toBe(s2.y + H);
    expect(loop.curve.y3).toBe(s1.y + H);
    expect(pointOnCurve(loop.curve, 0.5).y).toBeGreaterThan(s1.y + H + 20);
  });

  it('given a flow to a step not drawn, then it is left out; the same input gives the same routes', () => {
    const map = threeBranches();
    const g = mapGeometry(map);
    const flows = [...map.flows, { ...map.flows[0], id: 'dangling', to: 'nowhere' }];
    // biome-ignore lint/suspicious/noExplicitAny: a flow to a step that does not exist
    const routes = routeFlows(flows as any, g.boxOf);
    expect(routes.map((r) => r.flow.id)).toEqual(['f-on', 'f-up', 'f-down']);
    expect(routeFlows(map.flows, g.boxOf)).toEqual(routeFlows(map.flows, g.boxOf));
  });
});
