import { describe, expect, it } from 'vitest';
import { bpmnFile, fixture, flows, imported, noteOf, roleName, shape, step } from './test-helpers';

/* Pools and lanes as roles: leaf lanes only, never merged, nodes in no lane never dropped. */

const roleNames = (map: { roles: readonly { name: string; order?: number }[] }) =>
  [...map.roles].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((r) => r.name);

describe('BPMN lanes and pools', () => {
  it('makes each leaf lane a role and a lane holding lanes a group, not a role', async () => {
    const { map, notes } = await imported(fixture('bpmnjs-lanes.bpmn'));
    expect(map.roles.map((r) => r.id).sort()).toEqual(
      ['Lane_B', 'Nested_Lane_A', 'Nested_Lane_B', 'Nested_Lane_C'].sort(),
    );
    expect(roleName(map, 'Task')).toBe('Nested_Lane_A');
    expect(noteOf(notes, 'nested-lanes')).toEqual({
      code: 'nested-lanes',
      count: 1,
      message: '1 lane holding other lanes is not a role: its inner lanes are',
    });
  });

  it('says how many pools are other parties drawn without a process, kept as empty lanes', async () => {
    const xml = fixture('bpmnjs-complex.bpmn');
    // Counted from the file: participants with no processRef attribute.
    const participants = xml.match(/<(?:\w+:)?participant\b[^>]*>/g) ?? [];
    const blackBoxes = participants.filter((p) => !/\bprocessRef=/.test(p)).length;
    expect(blackBoxes).toBeGreaterThan(1);
    const { map, notes } = await imported(xml);
    expect(noteOf(notes, 'empty-pools')).toEqual({
      code: 'empty-pools',
      count: blackBoxes,
      message: `${blackBoxes} pools drawn without a process (other parties) kept as empty lanes`,
    });
    const used = new Set(map.steps.map((s) => s.roleId));
    expect(map.roles.filter((r) => !used.has(r.id)).length).toBeGreaterThanOrEqual(blackBoxes);
  });

  it('orders vertical lanes left to right and places steps down the flow', async () => {
    const { map } = await imported(fixture('bpmnjs-collaboration-vertical.bpmn'));
    expect(roleNames(map)).toEqual(['V_Lane 2', 'V_Lane 3', 'V_Pool']);
    // Task_1 is drawn 58 px below the start event's centre: along the flow, scaled.
    expect(step(map, 'StartEvent_1').position).toEqual({ x: 0, y: 0 });
    expect(step(map, 'Task_1').position?.x).toBe(Math.round(58 * 1.8));
  });

  it('reads vertical lanes drawn by hand the same way', async () => {
    const body = `<bpmn:collaboration id="c"><bpmn:participant id="pool" name="Clinic" processRef="p"/></bpmn:collaboration>
<bpmn:process id="p"><bpmn:laneSet id="ls">
  <bpmn:lane id="right" name="Nurse"><bpmn:flowNodeRef>b</bpmn:flowNodeRef></bpmn:lane>
  <bpmn:lane id="left" name="Doctor"><bpmn:flowNodeRef>a</bpmn:flowNodeRef></bpmn:lane>
</bpmn:laneSet><bpmn:task id="a" name="Examine"/><bpmn:task id="b" name="Dress wound"/>${flows('a>b')}</bpmn:process>`;
    const di = [
      shape('pool', 0, 0, 'isHorizontal="false"', 600, 800),
      shape('left', 0, 30, 'isHorizontal="false"', 300, 770),
      shape('right', 300, 30, 'isHorizontal="false"', 300, 770),
      shape('a', 100, 100),
      shape('b', 400, 300),
    ].join('');
    const { map } = await imported(bpmnFile(body, di));
    expect(roleNames(map)).toEqual(['Doctor', 'Nurse']);
    expect(step(map, 'a').position?.x).toBe(0);
    expect(step(map, 'b').position?.x).toBe(Math.round(200 * 1.8));
  });

  it('orders horizontal lanes top to bottom as drawn, whatever the file order', async () => {
    const body = `<bpmn:process id="p"><bpmn:laneSet id="ls">
  <bpmn:lane id="low" name="Below"/><bpmn:lane id="high" name="Above"/>
</bpmn:laneSet></bpmn:process>`;
    const di =
      shape('low', 0, 300, 'isHorizontal="true"', 800, 200) + shape('high', 0, 100, '', 800, 200);
    const { map } = await imported(bpmnFile(body, di));
    expect(roleNames(map)).toEqual(['Above', 'Below']);
  });

  it('makes each pool a role when several pools have no lanes, and keeps message flows as notes', async () => {
    const body = `<bpmn:collaboration id="c">
  <bpmn:participant id="cust" name="Customer" processRef="p1"/>
  <bpmn:participant id="shop" name="Shop" processRef="p2"/>
  <bpmn:participant id="bank" name="Bank"/>
  <bpmn:messageFlow id="m1" name="Order" sourceRef="send" targetRef="receive"/>
  <bpmn:messageFlow id="m2" sourceRef="receive" targetRef="bank"/>
</bpmn:collaboration>
<bpmn:process id="p1"><bpmn:startEvent id="s1"/><bpmn:task id="send" name="Place order"/>${flows('s1>send')}</bpmn:process>
<bpmn:process id="p2"><bpmn:task id="receive" name="Take order"/></bpmn:process>`;
    const { map, notes } = await imported(bpmnFile(body));
    expect(map.roles.map((r) => [r.id, r.name])).toEqual([
      ['cust', 'Customer'],
      ['shop', 'Shop'],
      ['bank', 'Bank'],
    ]);
    expect(roleName(map, 'send')).toBe('Customer');
    expect(roleName(map, 'receive')).toBe('Shop');
    expect(map.flows.map((f) => f.from)).toEqual(['s1']);
    expect(step(map, 'send').notes).toContain('Sends the message "Order" to "Take order".');
    expect(step(map, 'receive').notes).toContain(
      'Receives the message "Order" from "Place order".',
    );
    expect(step(map, 'receive').notes).toContain('Sends a message to the pool "Bank".');
    expect(noteOf(notes, 'message-flows')?.message).toBe(
      '2 message flows between pools kept as notes',
    );
  });

  it('makes a pool without lanes one role, also in the fixture of pools', async () => {
    const { map } = await imported(fixture('bpmnjs-pools.bpmn'));
    const names = map.roles.map((r) => r.name);
    expect(names).toContain('Expanded Pool');
    expect(names).toContain('Collapsed Pool');
    expect(names).not.toContain('Lane with Sublane');
    expect(names).toEqual(expect.arrayContaining(['Sublane', 'Sublane 2', 'Single Lane']));
  });

  it('puts a node in no lane in its host’s or sub-process’s lane, else Unassigned, never dropping it', async () => {
    const body = `<bpmn:collaboration id="c"><bpmn:participant id="pool" name="Office" processRef="p"/></bpmn:collaboration>
<bpmn:process id="p"><bpmn:laneSet id="ls">
  <bpmn:lane id="clerk" name="Clerk"><bpmn:flowNodeRef>a</bpmn:flowNodeRef><bpmn:flowNodeRef>sub</bpmn:flowNodeRef></bpmn:lane>
</bpmn:laneSet>
<bpmn:task id="a" name="File"/>
<bpmn:boundaryEvent id="late" attachedToRef="a" cancelActivity="false"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
<bpmn:subProcess id="sub" name="Check"><bpmn:task id="inner" name="Inner"/></bpmn:subProcess>
<bpmn:task id="lost" name="Lost"/>
${flows('a>sub sub>lost')}</bpmn:process>`;
    const { map, notes } = await imported(bpmnFile(body));
    expect(roleName(map, 'late')).toBe('Clerk');
    expect(roleName(map, 'inner')).toBe('Clerk');
    expect(roleName(map, 'lost')).toBe('Unassigned');
    expect(noteOf(notes, 'unassigned')?.message).toBe('1 node in no lane put in Unassigned');
  });

  it('puts the nodes of a process with neither pool nor lanes in Unassigned, with the count', async () => {
    const body = `<bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="t"/><bpmn:endEvent id="e"/>${flows('s>t t>e')}</bpmn:process>`;
    const { map, notes } = await imported(bpmnFile(body));
    expect(map.roles).toEqual([{ id: 'unassigned', name: 'Unassigned', order: 0 }]);
    expect(map.steps).toHaveLength(3);
    expect(noteOf(notes, 'unassigned')?.message).toBe('3 nodes in no lane put in Unassigned');
  });

  it('keeps lanes that share a name apart, and names unnamed lanes', async () => {
    const body = `<bpmn:collaboration id="collab"><bpmn:participant id="pool" name="Registry" processRef="p"/></bpmn:collaboration>
<bpmn:process id="p"><bpmn:laneSet id="ls">
  <bpmn:lane id="c1" name="Clerk"><bpmn:flowNodeRef>a</bpmn:flowNodeRef></bpmn:lane>
  <bpmn:lane id="c2" name="Clerk"><bpmn:flowNodeRef>b</bpmn:flowNodeRef></bpmn:lane>
  <bpmn:lane id="u"><bpmn:flowNodeRef>c</bpmn:flowNodeRef></bpmn:lane>
</bpmn:laneSet><bpmn:task id="a"/><bpmn:task id="b"/><bpmn:task id="c"/></bpmn:process>
<bpmn:process id="q"><bpmn:laneSet id="ls2"><bpmn:lane id="v"/></bpmn:laneSet></bpmn:process>`;
    const { map, notes } = await imported(bpmnFile(body));
    expect(map.roles.map((r) => [r.id, r.name])).toEqual([
      ['c1', 'Clerk'],
      ['c2', 'Clerk'],
      ['u', 'Registry'],
      ['v', 'Lane 1'],
    ]);
    expect(step(map, 'a').roleId).not.toBe(step(map, 'b').roleId);
    expect(noteOf(notes, 'duplicate-lane-names')?.message).toBe(
      '2 lanes share their name with another and are kept apart',
    );
  });

  it('keeps the ten same-named lanes of the complex fixture as separate roles', async () => {
    const { map } = await imported(fixture('bpmnjs-complex.bpmn'));
    const ids = map.roles.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = map.roles.map((r) => r.name);
    expect(new Set(names).size).toBeLessThan(names.length);
  });
});
