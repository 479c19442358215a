import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { importBpmn } from '../bpmn/import-bpmn';
import {
  drawn,
  edgesThroughShapes,
  labelOverlaps,
  misplacedNotes,
  shapesTouching,
  sharedPorts,
  unlabelledNames,
} from './diagram-checks';
import { exportBpmn } from './export-bpmn';
import { exampleMaps, parseBpmn } from './test-helpers';

/*
 * How the exported diagram looks in a BPMN tool: for every example map and every BPMN fixture
 * (imported, then exported), no line runs through a shape it does not join, no label lies on
 * another label or a shape, no two shapes touch, each way out of a gateway has a point of its
 * own, every named gateway and event has its label placed, annotations stay in one lane.
 */

const FIXTURES = new URL('../../fixtures/bpmn/', import.meta.url).pathname;

async function fixtureMap(file: string): Promise<ProcessMap> {
  const result = await importBpmn(readFileSync(join(FIXTURES, file), 'utf8'));
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.map;
}

const cases: [string, () => Promise<ProcessMap>][] = [
  ...exampleMaps().map(([file, map]): [string, () => Promise<ProcessMap>] => [
    file,
    async () => map,
  ]),
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.bpmn'))
    .sort()
    .map((file): [string, () => Promise<ProcessMap>] => [file, () => fixtureMap(file)]),
];

describe.each(cases)('the exported diagram of %s', (_name, load) => {
  const picture = async () => drawn(await parseBpmn(await exportBpmn(await load())));

  it('runs no line through a shape other than its own two ends', async () => {
    expect(edgesThroughShapes(await picture())).toEqual([]);
  });

  it('puts no label on another label or on a shape', async () => {
    expect(labelOverlaps(await picture())).toEqual([]);
  });

  it('keeps shapes at least 8 apart', async () => {
    expect(shapesTouching(await picture(), 8)).toEqual([]);
  });

  it('gives each way out of a gateway its own point, apart from the ways in', async () => {
    expect(sharedPorts(await picture())).toEqual([]);
  });

  it('places the name of every named gateway and event', async () => {
    expect(unlabelledNames(await picture())).toEqual([]);
  });

  it('keeps annotations inside one lane and off the shapes', async () => {
    expect(misplacedNotes(await picture())).toEqual([]);
  });
});

describe('the checks', () => {
  it('find a line through a shape, shapes touching and labels overlapping', () => {
    const box = { x: 100, y: 100, width: 100, height: 80 };
    const d = {
      nodes: [
        { id: 'a', type: 'bpmn:Task', box: { x: 0, y: 120, width: 50, height: 40 } },
        { id: 'b', type: 'bpmn:Task', box },
        { id: 'c', type: 'bpmn:Task', box: { x: 300, y: 120, width: 50, height: 40 } },
        { id: 'd', type: 'bpmn:Task', box: { x: 204, y: 100, width: 20, height: 20 } },
      ],
      flows: [
        {
          id: 'f',
          source: 'a',
          target: 'c',
          points: [
            { x: 50, y: 140 },
            { x: 300, y: 140 },
          ],
          label: { x: 150, y: 150, width: 30, height: 10 },
        },
      ],
      notes: [],
      lanes: [],
    };
    expect(edgesThroughShapes(d)).toEqual(['f segment 1 runs through b']);
    expect(shapesTouching(d, 8)).toEqual(['b touches d']);
    expect(labelOverlaps(d)).toEqual(['label of f on shape b']);
  });
});
