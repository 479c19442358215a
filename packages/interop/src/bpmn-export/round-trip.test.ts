import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lanesInOrder, type ProcessMap } from '@procmap/model';
import { mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../bpmn/import-bpmn';
import { exportBpmn } from './export-bpmn';
import { exampleMaps } from './test-helpers';

/*
 * import → export → import: what the first import made, the second makes again. Compared by
 * what a reader sees: lanes in order, each step's id, kind, label and lane, each flow's ends,
 * label and probability. Parallel gateways the export adds are removed again by the import, so
 * flows are compared by their ends, not their ids (docs/interop/bpmn-export.md, "Round trip").
 */

const FIXTURES = new URL('../../fixtures/bpmn/', import.meta.url).pathname;

/** What a reader sees of a map; `probabilities: false` leaves branch shares out. */
function seen(map: ProcessMap, { probabilities = true } = {}) {
  const roleName = new Map(map.roles.map((r) => [r.id as string, r.name]));
  return {
    lanes: lanesInOrder(map.roles).map((r) => r.name),
    steps: map.steps
      .map((s) => `${s.id} | ${s.kind} | ${s.label} | ${roleName.get(s.roleId)}`)
      .sort(),
    flows: map.flows
      .map((f) => {
        const share = probabilities ? (f.probability ?? '') : '';
        return `${f.from} -> ${f.to} | ${f.label ?? ''} | ${share}`;
      })
      .sort(),
  };
}

/**
 * The map with every decision of one way out taken away, its ways in led straight on: how an
 * exclusive merge the export adds (before a parallel join) comes back from the import, which
 * keeps exclusive gateways as decisions.
 */
function withoutMerges(map: ProcessMap): ProcessMap {
  const merges = new Set(
    map.steps
      .filter((s) => s.kind === 'decision' && map.flows.filter((f) => f.from === s.id).length === 1)
      .map((s) => s.id as string),
  );
  const onward = new Map(map.flows.filter((f) => merges.has(f.from)).map((f) => [f.from, f.to]));
  return {
    ...map,
    steps: map.steps.filter((s) => !merges.has(s.id)),
    flows: map.flows
      .filter((f) => !merges.has(f.from))
      .map((f) => (merges.has(f.to) ? { ...f, to: onward.get(f.to) ?? f.to } : f)),
  };
}

async function imported(text: string): Promise<ProcessMap> {
  const result = await importBpmn(text);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.map;
}

async function roundTrip(first: ProcessMap): Promise<void> {
  const second = await imported(await exportBpmn(first));
  expect(seen(second)).toEqual(seen(first));
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();

describe('BPMN import → export → import', () => {
  it('has fixtures to read', () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });

  it.each(fixtures)('keeps lanes, steps and flows of %s', async (file) => {
    const first = await imported(readFileSync(join(FIXTURES, file), 'utf8'));
    await roundTrip(first);
  });

  it.each(exampleMaps())('keeps lanes, steps and flows of the example %s', async (_file, map) => {
    const first = await imported(await exportBpmn(map));
    await roundTrip(first);
  });

  it('keeps the lanes, steps and flows of the example maps through one export and import', async () => {
    // Branch shares travel as procmap:probability, which the import does not read (yet): they
    // are compared in export-bpmn.test.ts, on the file itself.
    for (const [, map] of exampleMaps()) {
      const back = await imported(await exportBpmn(map));
      expect(seen(back, { probabilities: false })).toEqual(seen(map, { probabilities: false }));
    }
  });
});

describe('parallel work through export and import', () => {
  it('comes back as the same splits and joins: the added gateways are removed again', async () => {
    const map = mapBuilder('Fork and join')
      .role('r1', 'Clerk')
      .role('r2', 'Checker')
      .start('s', 'r1', 'In')
      .task('a', 'r1', 'Open file')
      .task('b', 'r2', 'Check credit')
      .task('c', 'r1', 'Check stock')
      .task('d', 'r1', 'Send order')
      .end('e', 'r1', 'Out')
      .chain('s', 'a')
      .flow('a', 'b', { label: 'credit' })
      .flow('a', 'c')
      .flow('b', 'd')
      .flow('c', 'd')
      .chain('d', 'e')
      .build();
    const xml = await exportBpmn(map);
    expect(xml).toContain('bpmn:parallelGateway');
    const back = await imported(xml);
    expect(seen(back)).toEqual(seen(map));
  });

  it('keeps alternatives inside a branch as alternatives', async () => {
    const map = mapBuilder('Fork, choose and join')
      .role('r1', 'Clerk')
      .start('s', 'r1', 'In')
      .task('a', 'r1', 'Open file')
      .task('b', 'r1', 'Check credit')
      .decision('q', 'r1', 'Credit ok?')
      .task('x', 'r1', 'Ask deposit')
      .task('c', 'r1', 'Check stock')
      .task('d', 'r1', 'Send order')
      .end('e', 'r1', 'Out')
      .chain('s', 'a', 'b', 'q')
      .flow('a', 'c')
      .branch('q', 'd', 0.8, 'yes')
      .branch('q', 'x', 0.2, 'no')
      .chain('x', 'd')
      .chain('c', 'd', 'e')
      .build();
    const xml = await exportBpmn(map);
    expect(xml).toContain('procmap:generated="merge"');
    const back = await imported(xml);
    expect(seen(withoutMerges(back), { probabilities: false })).toEqual(
      seen(map, { probabilities: false }),
    );
  });
});
