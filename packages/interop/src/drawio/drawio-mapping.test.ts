import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { importDrawio } from './import-drawio';
import { edge, model, mxfile, vertex } from './test-helpers';

/*
 * Small pages written here, each showing one thing of draw.io's format: compressed and plain
 * pages, HTML labels, connectors ending on a part of a shape, pools holding lanes, shapes in no
 * lane (kinds of shape, text boxes and pages: drawio-shapes.test.ts).
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

describe('pages compressed and plain', () => {
  it('reads a compressed page as it reads the same page written out', () => {
    const plain = ok(mxfile([{ name: 'Referral', xml: TWO_LANES }]));
    const packed = ok(mxfile([{ name: 'Referral', xml: TWO_LANES, compressed: true }]));
    expect(mxfile([{ name: 'Referral', xml: TWO_LANES, compressed: true }])).not.toContain(
      'mxCell',
    );
    expect(packed.map).toEqual(plain.map);
    expect(plain.map.steps).toHaveLength(3);
  });

  it('reads a bare <mxGraphModel>, with no title', () => {
    const { map } = ok(TWO_LANES);
    expect(map.title).toBe('');
    expect(map.roles.map((r) => r.name)).toEqual(['Clerk', 'Manager']);
  });

  it('takes the page name as the title', () => {
    expect(ok(mxfile([{ name: 'Referral', xml: TWO_LANES }])).map.title).toBe('Referral');
  });
});

describe('lanes and pools', () => {
  it('makes roles of the lanes in a pool, not of the pool, and says so', () => {
    const { map, notes } = ok(TWO_LANES);
    expect(map.roles.map((r) => [r.id, r.name])).toEqual([
      ['clerk', 'Clerk'],
      ['manager', 'Manager'],
    ]);
    expect(map.steps.map((s) => [s.id, s.roleId])).toEqual([
      ['s1', 'clerk'],
      ['s2', 'clerk'],
      ['s3', 'manager'],
    ]);
    expect(notes).toContainEqual(expect.objectContaining({ code: 'pools', count: 1 }));
  });

  it('puts a shape drawn over a lane, but not inside it, in that lane, by absolute position', () => {
    // The pool is at y 100 and Manager 150 below its top: Manager spans y 250 to 400.
    const page = TWO_LANES.replace(
      '</root>',
      `${vertex('loose', '1', 'Sign', BOX, [500, 290, 120, 60])}</root>`,
    );
    const { map, notes } = ok(page);
    expect(map.steps.find((s) => s.id === 'loose')?.roleId).toBe('manager');
    expect(notes).toContainEqual(expect.objectContaining({ code: 'placed-by-position', count: 1 }));
  });

  it('puts a shape in no lane in Unassigned, and says so', () => {
    const page = TWO_LANES.replace(
      '</root>',
      `${vertex('far', '1', 'File it', BOX, [100, 900, 120, 60])}</root>`,
    );
    const { map, notes } = ok(page);
    const far = map.steps.find((s) => s.id === 'far');
    expect(map.roles.find((r) => r.id === far?.roleId)?.name).toBe('Unassigned');
    expect(notes).toContainEqual(expect.objectContaining({ code: 'unassigned', count: 1 }));
  });

  it('names lanes of one name in two pools by their pool', () => {
    const page = model(
      vertex('p1', '1', 'North', POOL, [0, 0, 600, 150]),
      vertex('l1', 'p1', 'Nurse', ROW_LANE, [20, 0, 580, 150]),
      vertex('p2', '1', 'South', POOL, [0, 200, 600, 150]),
      vertex('l2', 'p2', 'Nurse', ROW_LANE, [20, 0, 580, 150]),
    );
    expect(ok(page).map.roles.map((r) => r.name)).toEqual(['North: Nurse', 'South: Nurse']);
  });

  it('takes a pool with no lanes as a lane', () => {
    const page = model(
      vertex('p', '1', 'Pharmacy', POOL, [0, 0, 600, 150]),
      vertex('a', 'p', 'Dispense', BOX, [60, 40, 120, 60]),
    );
    const { map } = ok(page);
    expect(map.roles.map((r) => r.name)).toEqual(['Pharmacy']);
    expect(map.steps[0]?.roleId).toBe('p');
  });

  it('runs a flow down columns of lanes along each lane', () => {
    const COLUMN = 'swimlane;html=1;startSize=20;';
    const page = model(
      vertex('a', '1', 'Applicant', COLUMN, [300, 0, 160, 600]),
      vertex('b', '1', 'Office', COLUMN, [0, 0, 160, 600]),
      vertex('t1', 'a', 'Apply', BOX, [20, 60, 120, 60]),
      vertex('t2', 'b', 'Review', BOX, [20, 200, 120, 60]),
      vertex('t3', 'a', 'Pay', BOX, [20, 400, 120, 60]),
    );
    const { map } = ok(page);
    expect(map.roles.map((r) => r.name)).toEqual(['Office', 'Applicant']);
    const x = (id: string) => map.steps.find((s) => s.id === id)?.position?.x ?? Number.NaN;
    expect(x('t1')).toBe(0);
    expect(x('t2')).toBeGreaterThan(x('t1'));
    expect(x('t3')).toBeGreaterThan(x('t2'));
  });
});

describe('labels', () => {
  it('strips HTML from step labels and decodes entities, on one line', () => {
    const { map } = ok(TWO_LANES);
    expect(map.steps.find((s) => s.id === 's2')?.label).toBe('Check the form');
  });

  it('keeps a plain label (no html=1) as written, its line breaks as spaces, and HTML text as text', () => {
    const page = model(
      vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 600, 200]),
      vertex('a', 'l', 'Is a <b> & c?\nYes', 'rounded=1;whiteSpace=wrap;', [60, 40, 120, 60]),
      // In HTML, escaped markup is text: this label reads "x<br>y & z".
      vertex('b', 'l', 'x&lt;br&gt;y &amp; z', BOX, [260, 40, 120, 60]),
    );
    const { map } = ok(page);
    expect(map.steps.map((s) => s.label)).toEqual(['Is a <b> & c? Yes', 'x<br>y & z']);
  });

  it('reads the label of a shape wrapped in <UserObject>', () => {
    const page = model(
      vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 600, 200]),
      `<UserObject label="Book &lt;i&gt;visit&lt;/i&gt;" link="https://example.org" id="u1"><mxCell style="${BOX}" parent="l" vertex="1"><mxGeometry x="60" y="40" width="120" height="60" as="geometry"/></mxCell></UserObject>`,
    );
    const { map } = ok(page);
    expect(map.steps.map((s) => [s.id, s.label])).toEqual([['u1', 'Book visit']]);
  });

  it('shortens a label over the cap and keeps the whole text in the notes', () => {
    const long = 'word '.repeat(200).trim();
    const page = model(
      vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 600, 200]),
      vertex('a', 'l', long, BOX, [60, 40, 120, 60]),
    );
    const { map, notes } = ok(page);
    expect(map.steps[0]?.label.length).toBeLessThanOrEqual(500);
    expect(map.steps[0]?.notes).toBe(long);
    expect(notes).toContainEqual(expect.objectContaining({ code: 'labels-shortened', count: 1 }));
  });
});

describe('connectors', () => {
  it('takes a connector ending on a part of a shape to that shape, the part not a step', () => {
    const page = model(
      vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 800, 200]),
      vertex('a', 'l', 'Triage', BOX, [60, 40, 160, 80]),
      vertex('a-icon', 'a', '', 'shape=image;', [5, 5, 20, 20]),
      vertex('a-tag', 'a-icon', 'urgent', 'text;html=1;', [0, 20, 40, 20]),
      vertex('b', 'l', 'Treat', BOX, [300, 40, 120, 60]),
      edge('e', 'l', 'a-tag', 'b'),
    );
    const { map } = ok(page);
    expect(map.steps.map((s) => s.id)).toEqual(['a', 'b']);
    expect(map.flows.map((f) => [f.from, f.to])).toEqual([['a', 'b']]);
    expect(map.comments ?? []).toEqual([]);
  });

  it('joins a connector label cell to the connector’s own label', () => {
    const page = model(
      vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 800, 200]),
      vertex('a', 'l', 'Ask', BOX, [60, 40, 120, 60]),
      vertex('b', 'l', 'Answer', BOX, [300, 40, 120, 60]),
      edge('e', 'l', 'a', 'b', ''),
      `<mxCell id="e-label" value="by &lt;b&gt;phone&lt;/b&gt;" style="edgeLabel;html=1;align=center;" parent="e" vertex="1" connectable="0"><mxGeometry x="-0.2" relative="1" as="geometry"><mxPoint as="offset"/></mxGeometry></mxCell>`,
    );
    const { map } = ok(page);
    expect(map.flows.map((f) => f.label)).toEqual(['by phone']);
    expect(map.steps).toHaveLength(2);
  });

  it('skips a connector with a loose end, and says so', () => {
    const page = model(
      vertex('l', '1', 'Lane', ROW_LANE, [0, 0, 800, 200]),
      vertex('a', 'l', 'Ask', BOX, [60, 40, 120, 60]),
      `<mxCell id="e" style="html=1;" parent="l" source="a" edge="1"><mxGeometry relative="1" as="geometry"><mxPoint x="400" y="70" as="targetPoint"/></mxGeometry></mxCell>`,
      edge('e2', 'l', 'a', 'l'),
    );
    const { map, notes } = ok(page);
    expect(map.flows).toEqual([]);
    expect(notes).toContainEqual(expect.objectContaining({ code: 'loose-connectors', count: 2 }));
  });
});
