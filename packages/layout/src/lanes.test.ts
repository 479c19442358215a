import { type StepId, stepId, UNASSIGNED_ROLE_ID } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT_OPTIONS, type FlowSlot, placeInLanes } from './index';
import { deepFreeze, expectValidLayout } from './test-helpers';

const { nodeWidth, nodeHeight, columnGap, rowGap, lanePadding } = DEFAULT_LAYOUT_OPTIONS;
const slots = (entries: Record<string, [column: number, order: number]>) =>
  new Map<StepId, FlowSlot>(
    Object.entries(entries).map(([id, [column, order]]) => [stepId(id), { column, order }]),
  );

// Lanes listed bottom-first: their order keys put "top" above "bottom".
const twoLanes = () =>
  mapBuilder('two lanes')
    .role('bottom', 'Bottom', { order: 2 })
    .role('top', 'Top', { order: 1 })
    .task('a', 'top', 'A')
    .task('b', 'bottom', 'B')
    .task('c', 'bottom', 'C')
    .task('d', 'top', 'D');

describe('placeInLanes', () => {
  it('keeps the columns of phase 1 on a grid, lanes in order of their keys', () => {
    const map = twoLanes().build();
    const result = placeInLanes(map, slots({ a: [0, 0], b: [1, 0], c: [2, 0], d: [2, 0] }));
    expectValidLayout(map, result);
    expect(result.lanes.map((l) => l.roleId)).toEqual(['top', 'bottom']);
    const x = (id: string) => result.positions.get(stepId(id))?.x;
    expect([x('a'), x('b'), x('c'), x('d')]).toEqual([
      lanePadding,
      lanePadding + nodeWidth + columnGap,
      lanePadding + 2 * (nodeWidth + columnGap),
      lanePadding + 2 * (nodeWidth + columnGap),
    ]);
    const oneRow = 2 * lanePadding + nodeHeight;
    expect(result.lanes).toEqual([
      { roleId: 'top', y: 0, height: oneRow },
      { roleId: 'bottom', y: oneRow, height: oneRow },
    ]);
    expect(result.width).toBe(lanePadding * 2 + 3 * nodeWidth + 2 * columnGap);
    expect(result.height).toBe(2 * oneRow);
  });

  it('stacks the steps of one lane and column in rows, in phase 1 order, and grows the lane', () => {
    const map = twoLanes().task('e', 'top', 'E').task('f', 'top', 'F').build();
    const result = placeInLanes(
      map,
      slots({ a: [0, 0], b: [0, 0], c: [0, 0], d: [0, 30], e: [0, 10], f: [0, 20] }),
    );
    expectValidLayout(map, result);
    const y = (id: string) => result.positions.get(stepId(id))?.y;
    const row = (r: number) => lanePadding + r * (nodeHeight + rowGap);
    expect([y('a'), y('e'), y('f'), y('d')]).toEqual([row(0), row(1), row(2), row(3)]);
    expect(result.lanes[0]?.height).toBe(2 * lanePadding + 4 * nodeHeight + 3 * rowGap);
    // The bottom lane holds two rows in that column: B then C (equal order, map order).
    const bottom = result.lanes[1]?.y ?? 0;
    expect([y('b'), y('c')]).toEqual([bottom + row(0), bottom + row(1)]);
  });

  it('puts steps of unknown roles in an unassigned band at the bottom', () => {
    const map = twoLanes()
      .task('lost', 'gone', 'Lost')
      .task('lost2', 'also-gone', 'Lost 2')
      .build();
    const result = placeInLanes(map, slots({ lost: [0, 0], lost2: [0, 1] }));
    expectValidLayout(map, result);
    expect(result.lanes.map((l) => l.roleId)).toEqual(['top', 'bottom', UNASSIGNED_ROLE_ID]);
    expect(result.positions.size).toBe(6);
  });

  it('reuses an existing unassigned lane (a normalized map) instead of adding a band', () => {
    const map = twoLanes()
      .role(UNASSIGNED_ROLE_ID, 'Unassigned', { order: 0 })
      .task('lost', 'gone', 'Lost')
      .build();
    const result = placeInLanes(map, slots({}));
    expect(result.lanes.map((l) => l.roleId)).toEqual([UNASSIGNED_ROLE_ID, 'top', 'bottom']);
    expectValidLayout(map, result);
  });

  it('gives a step missing from the slots column 0, below the steps placed there', () => {
    const map = twoLanes().build();
    const result = placeInLanes(map, slots({ a: [0, 5] }));
    expectValidLayout(map, result);
    expect(result.positions.get(stepId('d'))).toEqual({
      x: lanePadding,
      y: lanePadding + nodeHeight + rowGap,
    });
  });

  it('gives empty lanes one row of height, and an empty map no positions', () => {
    const map = mapBuilder('empty').role('a', 'A').role('b', 'B').build();
    const result = placeInLanes(map, new Map());
    expect(result.positions.size).toBe(0);
    expect(result.lanes.map((l) => l.height)).toEqual([
      2 * lanePadding + nodeHeight,
      2 * lanePadding + nodeHeight,
    ]);
    expect(placeInLanes(mapBuilder('nothing').build(), new Map())).toEqual({
      positions: new Map(),
      lanes: [],
      width: 2 * lanePadding,
      height: 0,
    });
  });

  it('uses the sizes it is given, leaving room for lane headers', () => {
    const map = twoLanes().build();
    const options = {
      nodeWidth: 100,
      nodeHeight: 40,
      columnGap: 10,
      lanePadding: 5,
      laneHeaderWidth: 30,
    };
    const result = placeInLanes(
      map,
      slots({ a: [0, 0], b: [1, 0], c: [2, 0], d: [3, 0] }),
      options,
    );
    expectValidLayout(map, result, options);
    expect(result.positions.get(stepId('d'))).toEqual({ x: 30 + 5 + 3 * 110, y: 5 });
    expect(result.width).toBe(30 + 5 + 4 * 100 + 3 * 10 + 5);
  });

  it('only reads the map', () => {
    const map = deepFreeze(twoLanes().build());
    const before = structuredClone(map);
    placeInLanes(map, slots({ a: [0, 0] }));
    expect(map).toEqual(before);
  });

  it('refuses sizes that cannot make a layout', () => {
    const map = twoLanes().build();
    expect(() => placeInLanes(map, new Map(), { nodeWidth: 0 })).toThrow(RangeError);
    expect(() => placeInLanes(map, new Map(), { rowGap: -1 })).toThrow(RangeError);
    expect(() => placeInLanes(map, new Map(), { columnGap: Number.NaN })).toThrow(RangeError);
    expect(() => placeInLanes(map, new Map(), { maxElkSteps: 1.5 })).toThrow(RangeError);
    expect(() => placeInLanes(map, new Map(), { nodeWidth: undefined })).not.toThrow();
  });
});
