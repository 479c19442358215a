import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { importDrawio } from './import-drawio';
import { edge, model, mxfile, vertex } from './test-helpers';

/*
 * Small pages written here: the kind of step each shape makes, text boxes, and files of several
 * pages.
 */

const ROW_LANE = 'swimlane;html=1;horizontal=0;startSize=20;';
const POOL = 'swimlane;html=1;childLayout=stackLayout;horizontal=0;startSize=20;';
const BOX = 'rounded=1;whiteSpace=wrap;html=1;';

/** A pool of two row lanes: Clerk (a start and a task) and Manager (a decision). */
const TWO_LANES = model(
  vertex('pool', '1', 'Referrals', POOL, [100, 100, 800, 300]),
  vertex('clerk', 'pool', 'Clerk', ROW_LANE, [20, 0, 780, 150]),
  vertex('manager', 'pool', 'Manager', ROW_LANE, [20, 150, 780, 150]),
  vertex('s1', 'clerk', '', 'ellipse;html=1;', [40, 55, 40, 40]),
  vertex('s2', 'clerk', 'Check&nbsp;the<div>form</div>', BOX, [140, 45, 120, 60]),
  vertex('s3', 'manager', 'Approve?', 'rhombus;html=1;', [320, 45, 80, 80]),
  edge('e1', 'clerk', 's1', 's2'),
  edge('e2', 'pool', 's2', 's3', 'send'),
);

function ok(text: string) {
  const result = importDrawio(text);
  if (!result.ok) throw new Error(result.message);
  expect(validateMap(JSON.parse(JSON.stringify(result.map))).ok).toBe(true);
  return result;
}

describe('kinds of shape', () => {
  const page = model(
    vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 1400, 200]),
    vertex('start', 'l', 'Begin', 'ellipse;html=1;', [20, 60, 40, 40]),
    vertex('wait', 'l', 'Wait', 'shape=mxgraph.flowchart.delay;html=1;', [100, 40, 120, 60]),
    vertex('glass', 'l', 'Hold', 'shape=hourglass;html=1;', [260, 40, 60, 60]),
    vertex(
      'ask',
      'l',
      'OK?',
      'strokeWidth=2;shape=mxgraph.flowchart.decision;html=1;',
      [360, 40, 80, 80],
    ),
    vertex('work', 'l', 'Fix', 'whiteSpace=wrap;html=1;', [480, 40, 120, 60]),
    vertex('stop', 'l', 'Done', 'shape=mxgraph.flowchart.terminator;html=1;', [640, 40, 120, 60]),
    vertex('alone', 'l', 'End', 'shape=mxgraph.flowchart.start_1;html=1;', [800, 40, 120, 60]),
    vertex('via', 'l', '', 'ellipse;html=1;', [960, 40, 40, 40]),
    vertex('tail', 'l', 'File', 'whiteSpace=wrap;html=1;', [1040, 40, 120, 60]),
    edge('f1', 'l', 'start', 'wait'),
    edge('f2', 'l', 'wait', 'glass'),
    edge('f3', 'l', 'glass', 'ask'),
    edge('f4', 'l', 'ask', 'work', 'no'),
    edge('f5', 'l', 'ask', 'stop', 'yes'),
    edge('f6', 'l', 'work', 'via'),
    edge('f7', 'l', 'via', 'tail'),
  );

  it('reads each kind from the shape, a start or an end from the connectors', () => {
    const { map, notes } = ok(page);
    expect(Object.fromEntries(map.steps.map((s) => [s.id, s.kind]))).toEqual({
      start: 'start',
      wait: 'delay',
      glass: 'delay',
      ask: 'decision',
      work: 'task',
      stop: 'end',
      alone: 'end',
      via: 'task',
      tail: 'task',
    });
    expect(notes).toContainEqual(expect.objectContaining({ code: 'round-as-task', count: 1 }));
  });
});

describe('text boxes', () => {
  const page = model(
    vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 800, 200]),
    vertex('a', 'l', 'Ask', BOX, [60, 40, 120, 60]),
    vertex(
      't',
      '1',
      'Letters wait<br>for the weekly batch',
      'text;html=1;strokeColor=none;',
      [60, 300, 200, 40],
    ),
    vertex('t0', '1', '', 'text;html=1;', [60, 400, 200, 40]),
  );

  it('become notes on the map, their lines kept, never steps', () => {
    const { map, notes } = ok(page);
    expect(map.steps.map((s) => s.id)).toEqual(['a']);
    expect(map.comments).toEqual([
      {
        id: 't',
        kind: 'note',
        author: 'draw.io',
        text: 'Letters wait\nfor the weekly batch',
        createdAt: '',
      },
    ]);
    expect(notes).toContainEqual(expect.objectContaining({ code: 'text-as-notes', count: 1 }));
    expect(notes).toContainEqual(expect.objectContaining({ code: 'empty-text-skipped', count: 1 }));
  });

  it('take the author and time the caller gives', () => {
    const result = importDrawio(page, { author: 'Ana', createdAt: '2026-01-02T03:04:05Z' });
    expect(result.ok && result.map.comments?.[0]).toMatchObject({
      author: 'Ana',
      createdAt: '2026-01-02T03:04:05Z',
    });
  });
});

describe('several pages', () => {
  const noLanes = model(vertex('a', '1', 'Sketch', BOX, [0, 0, 120, 60]));

  it('imports the first page with swimlanes and says the others were not', () => {
    const file = mxfile([
      { name: 'Notes', xml: noLanes, compressed: true },
      { name: 'Process', xml: TWO_LANES, compressed: true },
      { name: 'Later', xml: noLanes },
    ]);
    const { map, notes } = ok(file);
    expect(map.title).toBe('Process');
    expect(map.roles.map((r) => r.name)).toEqual(['Clerk', 'Manager']);
    expect(notes[0]).toMatchObject({ code: 'pages-skipped', count: 2 });
    expect(notes[0]?.message).toContain('"Process"');
  });

  it('imports the first page with shapes when no page has swimlanes', () => {
    const file = mxfile([
      { name: 'Empty', xml: '' },
      { name: 'Sketch', xml: noLanes },
    ]);
    const { map } = ok(file);
    expect(map.title).toBe('Sketch');
    expect(map.steps.map((s) => s.label)).toEqual(['Sketch']);
  });
});
