import { generateMap } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { buildFlowGraph } from './flow-graph';
import { layoutMap } from './index';
import { backwardFlows, chainMap, elk, expectValidLayout } from './test-helpers';

/*
 * The bars of issue 4: a 5,000-step chain lays out without a stack overflow (ELK alone overflows
 * its stack on one in a fresh Node process), and a 1,000-step map lays out. Times are logged for
 * docs, never asserted: wall clock depends on the machine.
 */

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await run();
  console.log(`layout: ${what} in ${Math.round(performance.now() - start)} ms`);
  return out;
}

describe('large maps', () => {
  it('lays out a 5,000-step chain across three lanes with the default options', async () => {
    const map = chainMap(5000, ['a', 'b', 'c']);
    const result = await timed('5,000-step chain', () => layoutMap(map, elk));
    expectValidLayout(map, result);
    expect(backwardFlows(map, result)).toEqual([]);
  }, 120_000);

  it('lays out a 5,000-step chain closed into one big rework loop', async () => {
    const chain = chainMap(5000, ['a', 'b']);
    const last = chain.steps[4999]!;
    const first = chain.steps[0]!;
    const map = {
      ...chain,
      flows: [...chain.flows, { ...chain.flows[0]!, from: last.id, to: first.id }],
    };
    const result = await timed('5,000-step loop', () => layoutMap(map, elk));
    expectValidLayout(map, result);
    expect(backwardFlows(map, result)).toHaveLength(1);
  }, 120_000);

  it('lays out a generated 1,000-step map', async () => {
    const map = generateMap({ steps: 1000, roles: 5, seed: 1 });
    const result = await timed('generated 1,000-step map', () => layoutMap(map, elk));
    expectValidLayout(map, result);
    expect(backwardFlows(map, result).length).toBe(buildFlowGraph(map).reversed);
  }, 120_000);

  it('lays out a generated 5,000-step map', async () => {
    const map = generateMap({ steps: 5000, roles: 8, seed: 4 });
    const result = await timed('generated 5,000-step map', () => layoutMap(map, elk));
    expectValidLayout(map, result);
  }, 120_000);
});
