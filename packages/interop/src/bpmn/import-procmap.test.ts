import { outpatientReferral } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from '../bpmn-export/export-bpmn';
import { BPMN_NS, imported, noteOf, pairs, step } from './test-helpers';

/* procmap's own attributes (urn:procmap:bpmn:1) read back, whatever their prefix. */

const file = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:pm="urn:procmap:bpmn:1" id="d">
<bpmn:collaboration id="c"><bpmn:participant id="pool" name="Clinic" processRef="p"/></bpmn:collaboration>
<bpmn:process id="p" pm:mapId="referral" pm:hoursPerDay="8" pm:demandCount="40" pm:demandPer="day" pm:currency="GBP">
<bpmn:laneSet id="ls"><bpmn:lane id="Lane_gp" name="GP" pm:id="gp" pm:order="1" pm:headcount="2" pm:hourlyCost="65" pm:color="#4f7cff">
<bpmn:flowNodeRef>Step_1</bpmn:flowNodeRef><bpmn:flowNodeRef>q</bpmn:flowNodeRef><bpmn:flowNodeRef>m</bpmn:flowNodeRef><bpmn:flowNodeRef>x</bpmn:flowNodeRef><bpmn:flowNodeRef>y</bpmn:flowNodeRef><bpmn:flowNodeRef>z</bpmn:flowNodeRef>
</bpmn:lane><bpmn:lane id="nurse" name="Nurse" pm:order="0"/></bpmn:laneSet>
<bpmn:task id="Step_1" name="Write referral" pm:id="step one" pm:processTime="12.5" pm:waitTime="30" pm:valueClass="waste" pm:dataEntered="[&quot;NHS number&quot;]" pm:completeAccurate="1.5"/>
<bpmn:exclusiveGateway id="q" name="Urgent?"/><bpmn:task id="x"/><bpmn:task id="y"/>
<bpmn:exclusiveGateway id="m" pm:generated="merge"/><bpmn:task id="z"/>
<bpmn:sequenceFlow id="f0" sourceRef="Step_1" targetRef="q"/>
<bpmn:sequenceFlow id="f1" sourceRef="q" targetRef="x" name="yes" pm:probability="0.25"/>
<bpmn:sequenceFlow id="f2" sourceRef="q" targetRef="y" name="no" pm:probability="0.75"/>
<bpmn:sequenceFlow id="f3" sourceRef="x" targetRef="m" pm:generated="flow"/><bpmn:sequenceFlow id="f4" sourceRef="y" targetRef="m" pm:generated="flow"/>
<bpmn:sequenceFlow id="f5" sourceRef="m" targetRef="z" pm:id="to z"/>
<bpmn:textAnnotation id="a1" pm:kind="pain-point" pm:waste="waiting" pm:author="Ann" pm:createdAt="2026-01-02T10:00:00Z"><bpmn:text>Letters wait</bpmn:text></bpmn:textAnnotation>
<bpmn:association id="as1" sourceRef="Step_1" targetRef="a1"/>
</bpmn:process></bpmn:definitions>`;

describe("procmap's own data in a BPMN file", () => {
  it('reads steps’, lanes’, flows’, comments’ and the map’s fields back, by namespace', async () => {
    const { map, notes } = await imported(file);
    expect(map.id).toBe('referral');
    expect(map.settings).toEqual({
      hoursPerDay: 8,
      currency: 'GBP',
      demand: { count: 40, per: 'day' },
    });
    expect(step(map, 'step one')).toMatchObject({
      label: 'Write referral',
      roleId: 'gp',
      processTime: 12.5,
      waitTime: 30,
      valueClass: 'waste',
      dataEntered: ['NHS number'],
    });
    expect(step(map, 'step one').completeAccurate).toBeUndefined();
    expect(noteOf(notes, 'procmap-values-ignored')?.count).toBe(1);
    expect(map.roles).toEqual([
      { id: 'nurse', name: 'Nurse', order: 0 },
      { id: 'gp', name: 'GP', order: 1, headcount: 2, hourlyCost: 65, color: '#4f7cff' },
    ]);
    expect(map.flows.filter((f) => f.from === 'q').map((f) => f.probability)).toEqual([0.25, 0.75]);
    expect(noteOf(notes, 'probabilities')).toBeUndefined();
    expect(map.steps.some((s) => s.id === 'm')).toBe(false);
    expect(pairs(map)).toEqual(['q>x', 'q>y', 'step one>q', 'x>z', 'y>z']);
    expect(map.comments).toEqual([
      {
        id: 'a1',
        targetId: 'step one',
        kind: 'pain-point',
        waste: 'waiting',
        author: 'Ann',
        createdAt: '2026-01-02T10:00:00Z',
        text: 'Letters wait',
      },
    ]);
  });

  it('brings a map through export and import with its times, costs, shares and settings', async () => {
    const map = outpatientReferral();
    const { map: back } = await imported(await exportBpmn(map));
    const fields = ['id', 'kind', 'label', 'roleId', 'processTime', 'waitTime', 'valueClass'];
    const pick = (s: object) =>
      Object.fromEntries(Object.entries(s).filter(([k]) => fields.includes(k)));
    expect(back.steps.map(pick)).toEqual(map.steps.map(pick));
    expect(back.roles.map((r) => [r.id, r.headcount, r.hourlyCost])).toEqual(
      map.roles.map((r) => [r.id, r.headcount, r.hourlyCost]),
    );
    const shares = (m: typeof map) =>
      m.flows.map((f) => `${f.from}>${f.to} ${f.probability ?? ''}`).sort();
    expect(shares(back)).toEqual(shares(map));
    expect(back.settings).toEqual(map.settings);
  });
});
