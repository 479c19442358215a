import { compileGraph } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import {
  buildFlowGraph,
  cutIntoSegments,
  flowGraphOf,
  longestPathLayers,
  segmentSize,
} from './flow-graph';
import { chainMap } from './test-helpers';

const names = (graph: ReturnType<typeof buildFlowGraph>) =>
  graph.edges.map(([a, b]) => `${graph.steps[a]?.id}>${graph.steps[b]?.id}`);

describe('buildFlowGraph', () => {
  it('keeps the first of repeated step ids, drops dangling flows, self-loops and repeats', () => {
    const map = mapBuilder('messy')
      .role('r', 'R')
      .task('a', 'r', 'A')
      .task('b', 'r', 'B')
      .task('a', 'r', 'A again')
      .chain('a', 'b')
      .flow('a', 'b')
      .flow('b', 'b')
      .flow('b', 'ghost')
      .flow('ghost', 'a')
      .build();
    const graph = buildFlowGraph(map);
    expect(graph.steps.map((s) => s.label)).toEqual(['A', 'B']);
    expect(names(graph)).toEqual(['a>b']);
    expect(graph.reversed).toBe(0);
  });

  it('turns a rework loop around at the flow that goes back, searching from the start', () => {
    // The loop is listed first and the start last: the search still begins at the start.
    const map = mapBuilder('rework')
      .role('r', 'R')
      .task('check', 'r', 'Check')
      .task('fix', 'r', 'Fix')
      .end('done', 'r', 'Done')
      .start('in', 'r', 'In')
      .chain('check', 'fix', 'check')
      .chain('in', 'check', 'done')
      .build();
    const graph = buildFlowGraph(map);
    expect(graph.reversed).toBe(1);
    expect(names(graph).sort()).toEqual(['check>done', 'check>fix', 'in>check']);
  });

  it('turns a two-step loop into one edge, not two', () => {
    const map = mapBuilder('ping-pong')
      .role('r', 'R')
      .start('a', 'r', 'A')
      .task('b', 'r', 'B')
      .chain('a', 'b', 'a')
      .build();
    expect(names(buildFlowGraph(map))).toEqual(['a>b']);
  });

  it('breaks the cycles of a map with no start and nothing without inputs (a pure ring)', () => {
    const map = mapBuilder('ring')
      .role('r', 'R')
      .task('a', 'r', 'A')
      .task('b', 'r', 'B')
      .task('c', 'r', 'C')
      .chain('a', 'b', 'c', 'a')
      .build();
    const graph = buildFlowGraph(map);
    expect(graph.reversed).toBe(1);
    expect(() => longestPathLayers(graph.steps.length, graph.edges)).not.toThrow();
  });

  it('given a flow back repeated, then the loop is turned around once', () => {
    const map = mapBuilder('repeated rework')
      .role('r', 'R')
      .start('a', 'r', 'A')
      .task('b', 'r', 'B')
      .chain('a', 'b', 'a')
      .flow('b', 'a')
      .build();
    const graph = buildFlowGraph(map);
    expect(graph.reversed).toBe(1);
    expect(names(graph)).toEqual(['a>b']);
  });

  it('given a compiled graph, then it takes the steps and their index from it', () => {
    const map = mapBuilder('shared')
      .role('r', 'R')
      .start('a', 'r', 'A')
      .task('b', 'r', 'B')
      .chain('a', 'b')
      .build();
    const compiled = compileGraph(map);
    const graph = flowGraphOf(compiled);
    expect(graph.steps).toBe(compiled.steps);
    expect(graph.indexOf).toBe(compiled.indexOf);
    expect(names(graph)).toEqual(['a>b']);
  });

  it('walks a 100,000-step loop without recursion', () => {
    const map = chainMap(100_000);
    const looped = {
      ...map,
      flows: [
        ...map.flows,
        { ...map.flows[0]!, from: map.steps[99_999]!.id, to: map.steps[0]!.id },
      ],
    };
    const graph = buildFlowGraph(looped);
    expect(graph.reversed).toBe(1);
    const layers = longestPathLayers(graph.steps.length, graph.edges);
    expect(layers[99_999]).toBe(99_999);
  });
});

describe('longestPathLayers', () => {
  it('puts each step one layer after the latest step flowing into it', () => {
    // a -> b -> c -> d, a -> d, e alone
    const layers = longestPathLayers(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ]);
    expect([...layers]).toEqual([0, 1, 2, 3, 0]);
  });

  it('refuses a graph with a cycle', () => {
    expect(() =>
      longestPathLayers(2, [
        [0, 1],
        [1, 0],
      ]),
    ).toThrow(/cycle/);
  });
});

describe('cutIntoSegments', () => {
  it('cuts consecutive layers into runs of at most max steps, covering every step once', () => {
    const layer = Int32Array.from([0, 1, 1, 2, 3, 3, 3, 4, 5, 6]);
    const segments = cutIntoSegments(layer, 3);
    expect(segments.map((s) => s.layers.map((l) => [...l]))).toEqual([
      [[0], [1, 2]],
      [[3]],
      [[4, 5, 6]],
      [[7], [8], [9]],
    ]);
    for (const s of segments) expect(segmentSize(s)).toBeLessThanOrEqual(3);
  });

  it('keeps a layer bigger than max whole, as a segment of its own', () => {
    const layer = Int32Array.from([0, 1, 1, 1, 1, 2]);
    expect(cutIntoSegments(layer, 2).map(segmentSize)).toEqual([1, 4, 1]);
  });

  it('makes no segment for no steps', () => {
    expect(cutIntoSegments(new Int32Array(0), 10)).toEqual([]);
  });
});
