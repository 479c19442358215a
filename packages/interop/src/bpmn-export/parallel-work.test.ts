import { validateMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from './export-bpmn';
import { findParallelWork } from './parallel-work';
import { boundsOf, type El, el, incomingOf, list, outgoingOf, parseBpmn } from './test-helpers';

/** Ids of the elements after `node` along its outgoing flows. */
const next = (node: El) => outgoingOf(node).map((f) => el(f.targetRef));
const prev = (node: El) => incomingOf(node).map((f) => el(f.sourceRef));
const ids = (nodes: readonly El[]) => nodes.map((n) => n.id).sort();

/** Two roles; A hands work to B and C at once, and D waits for both. */
function forkJoin() {
  return mapBuilder('Fork and join')
    .role('r1', 'Clerk')
    .role('r2', 'Checker')
    .start('s', 'r1', 'In')
    .task('a', 'r1', 'Open file')
    .task('b', 'r2', 'Check credit')
    .task('c', 'r1', 'Check stock')
    .task('d', 'r1', 'Send order')
    .end('e', 'r1', 'Out')
    .chain('s', 'a')
    .flow('a', 'b', { id: 'ab', label: 'credit' })
    .flow('a', 'c', { id: 'ac' })
    .flow('b', 'd', { id: 'bd' })
    .flow('c', 'd', { id: 'cd' })
    .chain('d', 'e');
}

describe('parallel work in the export', () => {
  it('splits after a step with several ways out and joins where its branches meet', async () => {
    const map = forkJoin().build();
    expect(validateMap(map).ok).toBe(true);
    const parsed = await parseBpmn(await exportBpmn(map));
    expect(parsed.warnings).toEqual([]);
    const { byId } = parsed;
    const split = next(byId.a as El);
    expect(split.map((n) => n.$type)).toEqual(['bpmn:ParallelGateway']);
    const gateway = split[0] as El;
    expect(gateway.gatewayDirection).toBe('Diverging');
    expect(gateway.$attrs['procmap:generated']).toBe('parallel-split');
    expect(ids(next(gateway))).toEqual(['b', 'c']);
    // The original flows keep their ids and names, now leaving the gateway.
    expect(el(byId.ab?.sourceRef)).toBe(gateway);
    expect(byId.ab?.name).toBe('credit');
    const join = prev(byId.d as El);
    expect(join.map((n) => n.$type)).toEqual(['bpmn:ParallelGateway']);
    expect((join[0] as El).gatewayDirection).toBe('Converging');
    expect(ids(prev(join[0] as El))).toEqual(['b', 'c']);
    expect(parsed.elements.filter((e) => e.$type.endsWith('Gateway'))).toHaveLength(2);
  });

  it('draws the split just right of its step and the join just left of its step, in their lanes', async () => {
    const parsed = await parseBpmn(await exportBpmn(forkJoin().build()));
    const { byId, di } = parsed;
    const a = boundsOf(di, 'a') as { x: number; y: number; width: number; height: number };
    const d = boundsOf(di, 'd') as typeof a;
    const split = boundsOf(di, next(byId.a as El)[0]?.id as string) as typeof a;
    const join = boundsOf(di, prev(byId.d as El)[0]?.id as string) as typeof a;
    expect(split.x).toBeGreaterThan(a.x + a.width);
    expect(split.y + split.height / 2).toBe(a.y + a.height / 2);
    expect(join.x + join.width).toBeLessThan(d.x);
    expect(join.y + join.height / 2).toBe(d.y + d.height / 2);
    const clerk = parsed.lanes.find((l) => l.name === 'Clerk') as El;
    const members = list(clerk.flowNodeRef).map((n) => n.id);
    expect(members).toContain(next(byId.a as El)[0]?.id);
    expect(members).toContain(prev(byId.d as El)[0]?.id);
  });

  it('merges alternatives inside one branch before the join', async () => {
    const map = forkJoin()
      .decision('b2', 'r2', 'Credit ok?')
      .task('b3', 'r2', 'Ask for deposit')
      .build();
    // b now goes to a decision, whose two branches both reach d.
    const flows = map.flows.filter((f) => f.id !== 'bd');
    const branched = {
      ...map,
      flows: [
        ...flows,
        { id: 'b-b2', from: 'b', to: 'b2' },
        { id: 'yes', from: 'b2', to: 'd', probability: 0.7, label: 'yes' },
        { id: 'no', from: 'b2', to: 'b3', probability: 0.3, label: 'no' },
        { id: 'b3-d', from: 'b3', to: 'd' },
      ],
    } as typeof map;
    expect(validateMap(branched).ok).toBe(true);
    const parsed = await parseBpmn(await exportBpmn(branched));
    const join = prev(parsed.byId.d as El)[0] as El;
    expect(join.$type).toBe('bpmn:ParallelGateway');
    const into = prev(join);
    expect(into).toHaveLength(2);
    const merge = into.find((n) => n.$type === 'bpmn:ExclusiveGateway') as El;
    expect(merge.$attrs['procmap:generated']).toBe('merge');
    expect(ids(prev(merge))).toEqual(['b2', 'b3']);
    expect(into.find((n) => n !== merge)?.id).toBe('c');
  });

  it('joins nested splits with one gateway taking a flow from every branch', () => {
    // 0 splits to 1 and 2; 1 splits to 3 and 4; 3, 4 and 2 meet at 5.
    const edges = { from: [0, 0, 1, 1, 3, 4, 2], to: [1, 2, 3, 4, 5, 5, 5] };
    const work = findParallelWork(6, edges, () => false, [0]);
    expect([...work.splits].sort()).toEqual([0, 1]);
    expect([...work.joins.keys()]).toEqual([5]);
    expect(work.joins.get(5)?.map((g) => [...g].sort())).toEqual([[4], [5], [6]]);
  });

  it('adds no join where branches never meet, and none for a rework loop', () => {
    // 0 splits to 1 and 2, each ends on its own; 1 loops back to 0 and is reached again.
    const edges = { from: [0, 0, 1], to: [1, 2, 0] };
    const work = findParallelWork(3, edges, () => false, [0]);
    expect([...work.splits]).toEqual([0]);
    expect(work.joins.size).toBe(0);
  });

  it('adds nothing for a decision, whose branches are alternatives', async () => {
    const map = mapBuilder('Choice')
      .role('r', 'Clerk')
      .start('s', 'r', 'In')
      .decision('q', 'r', 'Ok?')
      .task('y', 'r', 'Yes work')
      .task('n', 'r', 'No work')
      .end('e', 'r', 'Out')
      .chain('s', 'q')
      .branch('q', 'y', 0.6, 'yes')
      .branch('q', 'n', 0.4, 'no')
      .chain('y', 'e')
      .chain('n', 'e')
      .build();
    const parsed = await parseBpmn(await exportBpmn(map));
    expect(parsed.elements.filter((e) => e.$type.endsWith('Gateway')).map((e) => e.id)).toEqual([
      'q',
    ]);
    expect(ids(prev(parsed.byId.e as El))).toEqual(['n', 'y']);
  });
});
