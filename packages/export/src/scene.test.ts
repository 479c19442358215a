import { analyze } from '@procmap/analysis';
import { GEOMETRY } from '@procmap/layout';
import { FIXTURES, mapBuilder } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { flowLabel } from '@procmap/model';
import { buildScene, type Item, type RectItem, type TextItem } from './index';

const decisionMap = () =>
  mapBuilder('Referral')
    .role('gp', 'GP', { color: '#4f7cff' })
    .role('clerk', 'Ward clerk')
    .start('s1', 'gp', 'Patient seen')
    .decision('d1', 'gp', 'Urgent?')
    .task('s2', 'clerk', 'Book clinic', { waitTime: 2400 })
    .delay('w1', 'gp', 'Wait for results')
    .end('e1', 'clerk', 'Appointment sent')
    .chain('s1', 'd1')
    .branch('d1', 's2', 0.8, 'Yes')
    .branch('d1', 'w1', 0.2, 'No')
    .chain('w1', 's2', 'e1')
    .comment('s2', 'pain-point', 'Letters wait for the weekly batch')
    .comment('s2', 'idea', 'Book online')
    .build();

const texts = (items: readonly Item[]) =>
  items.filter((i): i is TextItem => i.type === 'text').map((t) => t.text);

describe('buildScene', () => {
  it('draws each step kind in its own shape, handoffs dashed blue, and flow labels as on the canvas', () => {
    // given / when
    const scene = buildScene(decisionMap());
    // then
    const shapes = scene.body.filter((i) => i.type !== 'text');
    expect(shapes.some((i) => i.type === 'polygon' && i.stroke === '#5b3fa6')).toBe(true); // decision diamond
    expect(shapes.some((i) => i.type === 'rect' && i.rx === GEOMETRY.stepHeight / 2)).toBe(true); // pill
    expect(shapes.some((i) => i.type === 'path' && i.d.includes('A42 42'))).toBe(true); // delay D-shape
    expect(
      shapes.some((i) => i.type === 'path' && i.dash?.join() === '8,6' && i.stroke === '#2457c5'),
    ).toBe(true);
    expect(texts(scene.body)).toEqual(expect.arrayContaining(['Yes · 80%', 'No · 20%', 'Urgent?']));
    expect(texts(scene.header)).toEqual(['GP', '3 steps', 'Ward clerk', '2 steps']);
    expect(scene.header.some((i) => i.type === 'rect' && i.fill === '#4f7cff')).toBe(true);
  });

  it('given an analysis, then steps with findings get a badge; comments get red and green markers', () => {
    const map = decisionMap();
    const scene = buildScene(map, { analysis: analyze(map) });
    const fills = scene.body.filter((i) => i.type === 'rect').map((i) => i.fill);
    expect(fills).toContain('#b42318'); // pain point marker (and critical badges share it)
    expect(fills).toContain('#1f7a4d'); // idea marker
    expect(fills.some((f) => f === '#9a5b00' || f === '#556270')).toBe(true); // a finding badge
    const plain = buildScene(map, { comments: false });
    expect(plain.body.filter((i) => i.type === 'rect' && i.fill === '#1f7a4d')).toHaveLength(0);
  });

  it('lists in the legend only the finding severities some badge on the map shows', () => {
    // given
    const map = decisionMap();
    const analysis = analyze(map);
    // when
    const scene = buildScene(map, { analysis });
    const plain = buildScene(map, { analysis, findings: false });
    // then: the legend's severities are exactly the colours of the badges (22-high pills) drawn
    const severities = scene.legend.filter(
      (e) => e.label.startsWith('Findings') || e.label === 'warning' || e.label === 'info',
    );
    expect(severities.length).toBeGreaterThan(0);
    const badgeFills = new Set(
      scene.body
        .filter((i) => i.type === 'rect' && i.h === 22)
        .map((i) => i.type === 'rect' && i.fill),
    );
    expect(new Set(severities.map((e) => e.color))).toEqual(badgeFills);
    expect(plain.legend.some((e) => e.label.startsWith('Findings'))).toBe(false);
  });

  it('lists in the legend only the kinds of comment marker drawn', () => {
    const labels = (map: ReturnType<typeof decisionMap>, comments = true) =>
      buildScene(map, { comments }).legend.map((e) => e.label);
    // a pain point and an idea on one step: those two, and no notes
    expect(labels(decisionMap())).toEqual(expect.arrayContaining(['Pain points', 'Ideas']));
    expect(labels(decisionMap())).not.toContain('Notes, questions');
    // markers turned off, or no comments at all: no marker in the legend
    expect(labels(decisionMap(), false)).not.toContain('Pain points');
    const quiet = { ...decisionMap(), comments: [] };
    expect(labels(quiet)).not.toContain('Ideas');
  });

  it('given a selection, then only those steps, their flows and their lanes are drawn, cropped to them', () => {
    const scene = buildScene(decisionMap(), { selection: ['s2', 'e1'] });
    expect(scene.lanes.map((l) => l.name)).toEqual(['Ward clerk']);
    expect(texts(scene.body).filter((t) => !/^\d+$/.test(t))).toEqual([
      'Book clinic',
      'Appointment sent',
      'waits 5.3 d', // Book clinic's wait, on its lower edge
    ]);
    expect(scene.width).toBeLessThan(GEOMETRY.headerWidth + 3 * GEOMETRY.columnWidth);
  });

  it('draws each step’s times on its lower edge as the canvas does, in the map’s working days', () => {
    const map = mapBuilder('Times')
      .role('r', 'Clerk')
      .task('a', 'r', 'Scan letter', { processTime: 10, waitTime: 900 })
      .task('b', 'r', 'File letter')
      .chain('a', 'b')
      .build();
    const scene = buildScene(map, { titleBlock: false });
    const chip = scene.body.find(
      (i): i is TextItem => i.type === 'text' && i.text.includes('waits'),
    );
    expect(chip?.text).toBe('10 min · waits 2 d');
    const box = scene.body.find((i): i is RectItem => i.type === 'rect' && i.rx === 6);
    expect(box && chip && chip.y > box.y + GEOMETRY.stepHeight - 8).toBe(true);
    expect(texts(scene.body).filter((t) => t.includes('min') || t.includes('waits'))).toHaveLength(
      1,
    );
    const eightHourDays = buildScene(
      { ...map, settings: { hoursPerDay: 8 } },
      { titleBlock: false },
    );
    expect(texts(eightHourDays.body)).toContain('10 min · waits 1.9 d');
  });

  it('flowLabel joins a label and a share like the canvas', () => {
    expect(flowLabel('Yes', 0.8)).toBe('Yes · 80%');
    expect(flowLabel(undefined, 0.25)).toBe('25%');
    expect(flowLabel('', undefined)).toBeUndefined();
  });
});

describe('flow labels in the scene', () => {
  const overlaps = (a: RectItem, b: RectItem) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`given the ${name} fixture, then every flow label is drawn clear of step boxes, time tags and other labels`, () => {
      // given / when
      const map = make();
      const scene = buildScene(map);
      const rects = scene.body.filter((i): i is RectItem => i.type === 'rect');
      // Label backgrounds: 18 high, corner 3; boxes of tasks (corner 6) and pills, time tags (16
      // high, corner 8).
      const labels = rects.filter((r) => r.h === 18 && r.rx === 3);
      const boxes = rects.filter((r) => r.w === GEOMETRY.stepWidth && r.h === GEOMETRY.stepHeight);
      const tags = rects.filter((r) => r.h === 16 && r.rx === 8);
      // then: one per labelled flow, none on a box, a tag or another label
      const labelled = map.flows.filter((f) => flowLabel(f.label, f.probability)).length;
      expect(labels).toHaveLength(labelled);
      expect(boxes.length).toBeGreaterThan(0);
      for (const label of labels) {
        for (const other of [...boxes, ...tags]) expect(overlaps(label, other)).toBe(false);
        for (const other of labels) if (other !== label) expect(overlaps(label, other)).toBe(false);
      }
    });
  }
});
