import { stepId, UNASSIGNED_ROLE_ID } from '@procmap/model';
import { FIXTURES, generateMap, mapBuilder, tinyMap } from '@procmap/test-kit';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildFlowGraph } from './flow-graph';
import { type ElkLike, layoutMap } from './index';
import { backwardFlows, deepFreeze, elk, expectValidLayout, plain } from './test-helpers';

describe('layoutMap on the fixtures', () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`${name}: every step in its lane, no overlaps, only rework loops go left`, async () => {
      const map = make();
      const result = await layoutMap(map, elk);
      expectValidLayout(map, result);
      expect(backwardFlows(map, result).length).toBe(buildFlowGraph(map).reversed);
    });

    it(`${name}: the same map gives the same layout, and the map is only read`, async () => {
      const map = deepFreeze(make());
      const before = structuredClone(map);
      const first = await layoutMap(map, elk);
      const second = await layoutMap(map, new ELK());
      expect(plain(second)).toEqual(plain(first));
      expect(map).toEqual(before);
    });
  }
});

describe('layoutMap', () => {
  it('lays the tiny one-lane map out as one row, left to right', async () => {
    const map = tinyMap();
    const result = await layoutMap(map, elk);
    expectValidLayout(map, result);
    const ps = map.steps.map((s) => result.positions.get(s.id));
    expect(new Set(ps.map((p) => p?.y)).size).toBe(1);
    const xs = ps.map((p) => p?.x ?? 0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    expect(result.lanes).toHaveLength(1);
  });

  it('lays out an empty map: no positions, one band per lane', async () => {
    const map = mapBuilder('empty').role('a', 'A').role('b', 'B').build();
    const result = await layoutMap(map, elk);
    expect(result.positions.size).toBe(0);
    expect(result.lanes.map((l) => l.roleId)).toEqual(['a', 'b']);
    const none = await layoutMap(mapBuilder('nothing').build(), elk);
    expect(none.lanes).toEqual([]);
    expect(none.height).toBe(0);
  });

  it('sends every flow of an acyclic map to the right', async () => {
    const map = generateMap({ steps: 150, roles: 4, loopRate: 0, decisionRate: 0.2, seed: 11 });
    expect(buildFlowGraph(map).reversed).toBe(0);
    const result = await layoutMap(map, elk);
    expectValidLayout(map, result);
    expect(backwardFlows(map, result)).toEqual([]);
  });

  it('keeps rework loops from breaking anything: only the flows that go back point left', async () => {
    const map = generateMap({ steps: 200, roles: 5, loopRate: 0.2, seed: 5 });
    const graph = buildFlowGraph(map);
    expect(graph.reversed).toBeGreaterThan(3);
    const result = await layoutMap(map, elk);
    expectValidLayout(map, result);
    expect(backwardFlows(map, result).length).toBe(graph.reversed);
  });

  it('follows the lane order keys, not the list order', async () => {
    const map = mapBuilder('reordered')
      .role('c', 'C', { order: 3 })
      .role('a', 'A', { order: 1 })
      .role('b', 'B', { order: 2 })
      .start('s', 'c', 'S')
      .task('t', 'a', 'T')
      .end('e', 'b', 'E')
      .chain('s', 't', 'e')
      .build();
    const result = await layoutMap(map, elk);
    expectValidLayout(map, result);
    expect(result.lanes.map((l) => l.roleId)).toEqual(['a', 'b', 'c']);
    const y = (id: string) => result.positions.get(stepId(id))?.y ?? 0;
    expect(y('t')).toBeLessThan(y('e'));
    expect(y('e')).toBeLessThan(y('s'));
  });

  it('never loses a step: unknown roles go to the unassigned band, loose steps too', async () => {
    const map = mapBuilder('orphans')
      .role('a', 'A')
      .start('s', 'a', 'S')
      .task('t', 'deleted-lane', 'T')
      .task('loose', 'a', 'Not connected yet')
      .task('dup', 'a', 'Dup')
      .task('dup', 'a', 'Dup again')
      .end('e', 'a', 'E')
      .chain('s', 't', 'e')
      .flow('e', 'nowhere')
      .flow('e', 'e')
      .build();
    const result = await layoutMap(map, elk);
    expectValidLayout(map, result);
    expect(result.lanes.map((l) => l.roleId)).toEqual(['a', UNASSIGNED_ROLE_ID]);
    expect(result.positions.size).toBe(5);
    expect(backwardFlows(map, result)).toEqual([]);
  });

  it('stacks parallel branches of one lane in rows, and the lane grows to fit', async () => {
    const map = mapBuilder('branches')
      .role('a', 'A')
      .role('b', 'B')
      .start('s', 'a', 'S')
      .decision('d', 'a', 'D?')
      .task('x', 'a', 'X')
      .task('y', 'a', 'Y')
      .task('z', 'a', 'Z')
      .end('e', 'b', 'E')
      .chain('s', 'd')
      .branch('d', 'x', 0.5)
      .branch('d', 'y', 0.3)
      .branch('d', 'z', 0.2)
      .flow('x', 'e')
      .flow('y', 'e')
      .flow('z', 'e')
      .build();
    const result = await layoutMap(map, elk);
    expectValidLayout(map, result);
    const xs = ['x', 'y', 'z'].map((id) => result.positions.get(stepId(id))?.x);
    expect(new Set(xs).size).toBe(1);
    expect(result.lanes[0]?.height).toBeGreaterThan(result.lanes[1]?.height ?? 0);
  });

  it('cuts a graph bigger than maxElkSteps into segments, still in lanes and left to right', async () => {
    const map = generateMap({ steps: 300, roles: 4, loopRate: 0, seed: 2 });
    const progress: [number, number][] = [];
    const result = await layoutMap(map, elk, {
      maxElkSteps: 40,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expectValidLayout(map, result);
    expect(backwardFlows(map, result)).toEqual([]);
    const total = progress.at(-1)?.[1] ?? 0;
    expect(total).toBeGreaterThan(5);
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it('splits a segment ELK fails on and retries it in halves', async () => {
    const calls: number[] = [];
    const fragile: ElkLike = {
      layout: (graph) => {
        calls.push(graph.children.length);
        if (graph.children.length > 60) return Promise.reject(new RangeError('stack'));
        return elk.layout(graph);
      },
    };
    const map = generateMap({ steps: 200, roles: 3, loopRate: 0.1, seed: 9 });
    const result = await layoutMap(map, fragile);
    expectValidLayout(map, result);
    expect(backwardFlows(map, result).length).toBe(buildFlowGraph(map).reversed);
    expect(calls[0]).toBe(200);
    expect(Math.max(...calls.slice(1))).toBeLessThanOrEqual(100);
  });

  it('passes on an error that smaller segments do not cure', async () => {
    const broken: ElkLike = { layout: () => Promise.reject(new Error('worker failed to load')) };
    await expect(layoutMap(generateMap({ steps: 100 }), broken)).rejects.toThrow('worker failed');
    await expect(layoutMap(tinyMap(), broken)).rejects.toThrow('worker failed');
  });

  it('hands ELK a flat graph with ids of its own making and our options merged', async () => {
    const seen: Parameters<ElkLike['layout']>[0][] = [];
    const spy: ElkLike = {
      layout: (graph) => {
        seen.push(structuredClone(graph));
        return elk.layout(graph);
      },
    };
    await layoutMap(tinyMap(), spy, { elkOptions: { 'elk.layered.thoroughness': '3' } });
    expect(seen).toHaveLength(1);
    const graph = seen[0]!;
    expect(graph.children.map((c) => c.id)).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(graph.edges.map((e) => `${e.sources[0]}>${e.targets[0]}`)).toEqual([
      'n0>n1',
      'n1>n2',
      'n2>n3',
    ]);
    expect(graph.layoutOptions).toMatchObject({
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.thoroughness': '3',
    });
  });
});
