import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { importDrawio } from './import-drawio';
import { census, fixture, pagesOf } from './test-helpers';

/*
 * draw.io's own swimlane templates (fixtures/drawio) imported as they are: every lane a role,
 * every shape a step in its lane's role, every connector a flow, counted from the file's XML
 * by the test itself.
 */

const SWIMLANE_TEMPLATES = [
  'flowcharts-cross_functional_flowchart_1.xml',
  'flowcharts-cross_functional_flowchart_2.xml',
  'basic-swimlanes.xml',
  'business-swimlane.xml',
];

function imported(name: string) {
  const result = importDrawio(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result;
}

describe.each(SWIMLANE_TEMPLATES)('the draw.io template %s', (name) => {
  const [page] = pagesOf(fixture(name));
  const expected = census(page as string);

  it('is stored compressed, as draw.io saves by default', () => {
    expect(fixture(name)).not.toContain('<mxGraphModel');
    expect(expected.lanes.length).toBeGreaterThan(1);
  });

  it('imports into a valid map', () => {
    const { map, format } = imported(name);
    expect(format).toBe('drawio');
    const checked = validateMap(JSON.parse(JSON.stringify(map)));
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('makes a role of every lane, named as the lane, and no other', () => {
    const { map } = imported(name);
    expect(map.roles.map((r) => r.name).sort()).toEqual([...expected.laneNames].sort());
    expect(map.roles.map((r) => r.id).sort()).toEqual(expected.lanes.map((l) => l.id).sort());
  });

  it('makes a step of every shape, in the role of the lane it is drawn in', () => {
    const { map } = imported(name);
    expect(map.steps).toHaveLength(expected.shapes.length);
    const laneOf = new Map(expected.shapes.map((s) => [s.id, s.parent]));
    for (const step of map.steps) expect(step.roleId).toBe(laneOf.get(step.id));
  });

  it('makes a flow of every connector, between the shapes it joins', () => {
    const { map } = imported(name);
    const pairs = (list: readonly { from: string; to: string }[]) =>
      list.map((f) => `${f.from}>${f.to}`).sort();
    expect(pairs(map.flows)).toEqual(
      pairs(expected.edges.map((e) => ({ from: e.source as string, to: e.target as string }))),
    );
  });
});

describe('what the templates hold', () => {
  it('orders columns of lanes left to right and rows of lanes top to bottom', () => {
    const columns = imported('flowcharts-cross_functional_flowchart_1.xml').map;
    expect(columns.roles.map((r) => r.name)).toEqual([
      'Lane 1',
      'Lane 2',
      'Lane 3',
      'Lane 4',
      'Lane 5',
      'Lane 6',
    ]);
    const rows = imported('flowcharts-cross_functional_flowchart_2.xml').map;
    expect(rows.roles.map((r) => r.name)).toEqual(['Lane 1', 'Lane 2', 'Lane 3']);
  });

  it('reads circles as starts and ends by their connectors, diamonds as decisions', () => {
    const file = fixture('flowcharts-cross_functional_flowchart_2.xml');
    const cells = census(pagesOf(file)[0] as string);
    const { map, notes } = imported('flowcharts-cross_functional_flowchart_2.xml');
    const kindOf = new Map<string, string>(map.steps.map((s) => [s.id, s.kind]));
    for (const shape of cells.shapes) {
      const style = shape.style ?? '';
      const kind = kindOf.get(shape.id ?? '');
      const into = cells.edges.filter((e) => e.target === shape.id).length;
      const out = cells.edges.filter((e) => e.source === shape.id).length;
      if (style.startsWith('ellipse'))
        expect(kind).toBe(into === 0 ? 'start' : out === 0 ? 'end' : 'task');
      else if (style.includes('flowchart.decision')) expect(kind).toBe('decision');
      else expect(kind).toBe('task');
    }
    const parallel = cells.shapes.filter((s) => s.style?.includes('symbol=parallelGw')).length;
    expect(parallel).toBeGreaterThan(0);
    expect(notes).toContainEqual(
      expect.objectContaining({ code: 'parallel-as-task', count: parallel }),
    );
    expect(map.flows.filter((f) => f.label === 'Yes')).toHaveLength(2);
    expect(map.flows.filter((f) => f.label === 'No')).toHaveLength(2);
  });

  it('strips the HTML of lane names', () => {
    const { map } = imported('business-swimlane.xml');
    expect(map.roles.map((r) => r.name)).toContain('Sales Admin');
    for (const role of map.roles) expect(role.name).not.toMatch(/[<>&]/);
  });

  it('says the pool is not kept and the shapes without a label', () => {
    const { notes, map } = imported('basic-swimlanes.xml');
    expect(notes).toContainEqual(expect.objectContaining({ code: 'pools', count: 1 }));
    const unlabelled = map.steps.filter((s) => s.label === '').length;
    expect(unlabelled).toBeGreaterThan(0);
    expect(notes).toContainEqual(
      expect.objectContaining({ code: 'unlabelled', count: unlabelled }),
    );
  });

  it('takes the page name as the title', () => {
    expect(imported('basic-swimlanes.xml').map.title).toBe('Page-1');
  });

  it('keeps each step where it was along its lane: later shapes further along', () => {
    const file = fixture('flowcharts-cross_functional_flowchart_1.xml');
    const cells = census(pagesOf(file)[0] as string);
    const { map } = imported('flowcharts-cross_functional_flowchart_1.xml');
    const y = (id: string) =>
      Number(/ y="([\d.]+)"/.exec(pagesOf(file)[0]?.split(`id="${id}"`)[1] ?? '')?.[1]);
    const inLane1 = cells.shapes
      .filter((s) => s.parent === '77e6c97f196da883-2')
      .map((s) => s.id as string);
    const byY = [...inLane1].sort((a, b) => y(a) - y(b));
    const byX = [...inLane1].sort(
      (a, b) =>
        (map.steps.find((s) => s.id === a)?.position?.x ?? 0) -
        (map.steps.find((s) => s.id === b)?.position?.x ?? 0),
    );
    expect(byX).toEqual(byY);
  });
});

describe('a flowchart with no swimlanes (workflow_1)', () => {
  const name = 'flowcharts-workflow_1.xml';
  const expected = census(pagesOf(fixture(name))[0] as string);

  it('is imported into one Unassigned role, said in a note', () => {
    const { map, notes } = imported(name);
    expect(map.roles.map((r) => r.name)).toEqual(['Unassigned']);
    expect(map.steps).toHaveLength(expected.shapes.length);
    expect(map.flows).toHaveLength(expected.edges.length);
    expect(notes).toContainEqual(
      expect.objectContaining({ code: 'no-swimlanes', count: expected.shapes.length }),
    );
    expect(validateMap(JSON.parse(JSON.stringify(map))).ok).toBe(true);
  });

  it('turns HTML labels into one line of text', () => {
    const { map } = imported(name);
    const labels = map.steps.map((s) => s.label);
    expect(labels).toContain('Material quantities not in stock?');
    expect(labels).toContain('Change status to In Process');
    for (const label of labels) expect(label).not.toMatch(/<|&nbsp;|\n|\s{2}/);
  });

  it('reads the terminator as the end', () => {
    const { map } = imported(name);
    expect(map.steps.find((s) => s.label === 'End')?.kind).toBe('end');
  });

  it('reads a flow running down the page as steps further along', () => {
    const { map } = imported(name);
    const at = (label: string) => map.steps.find((s) => s.label === label)?.position?.x ?? -1;
    expect(at('Monitor work orders')).toBeGreaterThan(at('Create a work order'));
    expect(at('Change status to Complete')).toBeGreaterThan(at('Monitor work orders'));
  });
});
