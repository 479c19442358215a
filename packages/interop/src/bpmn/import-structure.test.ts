import { describe, expect, it } from 'vitest';
import { bpmnFile, fixture, flows, imported, noteOf, pairs, shape, step } from './test-helpers';

/* Sub-processes, boundary events, event sub-processes, call activities, parallel gateways,
 * several diagrams and parts without diagram. */

const process = (inner: string) => bpmnFile(`<bpmn:process id="p">${inner}</bpmn:process>`);

describe('BPMN elements as steps', () => {
  it('makes every kind of task and a call activity tasks, choices decisions, events start, end or delay', async () => {
    const tasks = [
      'task',
      'userTask',
      'serviceTask',
      'manualTask',
      'scriptTask',
      'businessRuleTask',
      'sendTask',
      'receiveTask',
      'callActivity',
    ];
    const choices = ['exclusiveGateway', 'inclusiveGateway', 'eventBasedGateway'];
    const events = ['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent'];
    const xml = process(
      [...tasks, ...choices, ...events]
        .map((t) => `<bpmn:${t} id="${t}" name="A ${t}"/>`)
        .join('') +
        '<bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
    );
    const { map } = await imported(xml);
    for (const t of tasks) expect(step(map, t)).toMatchObject({ kind: 'task', label: `A ${t}` });
    for (const c of choices) expect(step(map, c).kind).toBe('decision');
    expect(step(map, 'startEvent').kind).toBe('start');
    expect(step(map, 'endEvent').kind).toBe('end');
    expect(step(map, 'intermediateCatchEvent').kind).toBe('delay');
    expect(step(map, 'intermediateThrowEvent').kind).toBe('delay');
    expect(step(map, 'wait')).toMatchObject({ kind: 'delay', notes: 'Timer (duration): PT4H' });
  });
});

describe('BPMN sub-processes', () => {
  it('opens an expanded sub-process out: flows reach its first step and leave from its last', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:startEvent id="s"/><bpmn:task id="a"/>
<bpmn:subProcess id="sub" name="Assess"><bpmn:startEvent id="ss"/><bpmn:task id="x"/><bpmn:task id="y"/><bpmn:endEvent id="se"/>${flows('ss>x x>y y>se')}</bpmn:subProcess>
<bpmn:task id="b"/>${flows('s>a a>sub sub>b')}`),
    );
    expect(map.steps.map((s) => s.id)).toEqual(['s', 'a', 'x', 'y', 'b']);
    expect(pairs(map)).toEqual(['a>x', 's>a', 'x>y', 'y>b']);
    expect(noteOf(notes, 'sub-processes')?.message).toBe(
      '1 expanded sub-process opened out into its steps',
    );
    expect(noteOf(notes, 'sub-process-events')?.count).toBe(2);
  });

  it('without start or end events, enters at the steps nothing flows into and leaves from the last', async () => {
    const { map } = await imported(
      process(
        `<bpmn:task id="a"/><bpmn:subProcess id="sub"><bpmn:task id="x"/><bpmn:task id="y"/><bpmn:task id="z"/>${flows('x>z y>z')}</bpmn:subProcess><bpmn:task id="b"/>${flows('a>sub sub>b')}`,
      ),
    );
    expect(pairs(map)).toEqual(['a>x', 'a>y', 'x>z', 'y>z', 'z>b']);
  });

  it('never cuts a path through a sub-process whose steps all have ways in and out', async () => {
    const { map } = await imported(
      process(
        `<bpmn:task id="a"/><bpmn:subProcess id="sub"><bpmn:task id="x"/><bpmn:task id="y"/>${flows('x>y y>x')}</bpmn:subProcess><bpmn:task id="b"/>${flows('a>sub sub>b')}`,
      ),
    );
    expect(pairs(map)).toEqual(['a>x', 'a>y', 'x>b', 'x>y', 'y>b', 'y>x']);
  });

  it('makes an empty (collapsed) sub-process and a call activity tasks', async () => {
    const { map } = await imported(
      process(
        `<bpmn:subProcess id="sub" name="Check"/><bpmn:callActivity id="call" name="Pay" calledElement="pay"/>${flows('sub>call')}`,
      ),
    );
    expect(step(map, 'sub').kind).toBe('task');
    expect(step(map, 'call')).toMatchObject({ kind: 'task', label: 'Pay' });
  });

  it('opens out a sub-process drawn collapsed that has steps inside, and says so', async () => {
    const body = `<bpmn:process id="p"><bpmn:subProcess id="sub"><bpmn:task id="x"/></bpmn:subProcess></bpmn:process>`;
    const { map, notes } = await imported(bpmnFile(body, shape('sub', 0, 0, 'isExpanded="false"')));
    expect(map.steps.map((s) => s.id)).toEqual(['x']);
    expect(noteOf(notes, 'collapsed-sub-processes')?.count).toBe(1);
  });

  it('reads the collapsed and expanded sub-processes and call activity of MIWG B.1.0', async () => {
    const { map } = await imported(fixture('miwg-B.1.0.bpmn'));
    expect(step(map, '_1eb62392-1f21-4a63-bbcb-c78880c3165e')).toMatchObject({
      kind: 'task',
      label: 'Collapsed Sub-Process',
    });
    expect(step(map, '_1237e756-d53c-4591-a731-dafffbf0b3f9').kind).toBe('task');
    expect(map.steps.some((s) => s.id === '_7e6ccf38-e740-4537-a439-a8e984d066de')).toBe(false);
  });
});

describe('BPMN boundary events and event sub-processes', () => {
  const withBoundary = (cancel: string) =>
    process(`<bpmn:task id="t" name="Review"/><bpmn:task id="n" name="Approve"/><bpmn:task id="x" name="Chase"/>
<bpmn:boundaryEvent id="b" attachedToRef="t" ${cancel}><bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
${flows('t>n b>x')}`);

  it('makes an interrupting boundary event the branch point after its activity', async () => {
    const { map, notes } = await imported(withBoundary(''));
    expect(step(map, 'b')).toMatchObject({ kind: 'decision', label: 'Timer' });
    expect(step(map, 'b').notes).toContain('Timer (duration): P2D');
    expect(pairs(map)).toEqual(['b>n', 'b>x', 't>b']);
    expect(noteOf(notes, 'boundary-events')?.message).toBe(
      '1 boundary event kept as a branch from its activity',
    );
  });

  it('makes a non-interrupting boundary event a delay the activity also flows to', async () => {
    const { map } = await imported(withBoundary('cancelActivity="false"'));
    expect(step(map, 'b').kind).toBe('delay');
    expect(pairs(map)).toEqual(['b>x', 't>b', 't>n']);
  });

  it('branches from the last steps of an opened-out sub-process', async () => {
    const { map } = await imported(
      process(`<bpmn:subProcess id="sub"><bpmn:task id="in"/></bpmn:subProcess><bpmn:task id="next"/><bpmn:task id="fix"/>
<bpmn:boundaryEvent id="err" attachedToRef="sub"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>${flows('sub>next err>fix')}`),
    );
    expect(pairs(map)).toEqual(['err>fix', 'err>next', 'in>err']);
    expect(step(map, 'err').kind).toBe('decision');
  });

  it('joins a compensation boundary event to its handler, apart from the flow', async () => {
    const { map } = await imported(
      process(`<bpmn:task id="book" name="Book hotel"/><bpmn:task id="pay"/><bpmn:task id="undo" isForCompensation="true"/>
<bpmn:boundaryEvent id="comp" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
<bpmn:association id="as" sourceRef="comp" targetRef="undo"/>${flows('book>pay')}`),
    );
    expect(pairs(map)).toEqual(['book>pay', 'comp>undo']);
    expect(step(map, 'comp').notes).toMatch(/Compensation/);
  });

  it('keeps an event sub-process of a process as a branch starting on its event', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:startEvent id="s"/><bpmn:task id="a"/>${flows('s>a')}
<bpmn:subProcess id="ev" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:messageEventDefinition/></bpmn:startEvent><bpmn:task id="cancel"/><bpmn:endEvent id="ee"/>${flows('es>cancel cancel>ee')}</bpmn:subProcess>`),
    );
    expect(step(map, 'es')).toMatchObject({ kind: 'delay', label: 'Message' });
    expect(step(map, 'ee').kind).toBe('end');
    expect(map.flows.some((f) => f.to === 'es')).toBe(false);
    expect(map.steps.filter((s) => s.kind === 'start').map((s) => s.id)).toEqual(['s']);
    expect(noteOf(notes, 'event-sub-processes-unlinked')?.count).toBe(1);
  });

  it('branches an event sub-process inside a sub-process from that sub-process', async () => {
    const { map } = await imported(
      process(`<bpmn:subProcess id="sub"><bpmn:task id="work"/>
<bpmn:subProcess id="ev" triggeredByEvent="true"><bpmn:startEvent id="es" isInterrupting="false"/><bpmn:task id="tell"/>${flows('es>tell')}</bpmn:subProcess>
</bpmn:subProcess><bpmn:task id="after"/>${flows('sub>after')}`),
    );
    expect(pairs(map)).toEqual(['es>tell', 'work>after', 'work>es']);
  });
});

describe('BPMN parallel gateways', () => {
  it('become procmap’s own split and join, with no step of their own', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:task id="a"/><bpmn:parallelGateway id="split"/><bpmn:task id="b"/><bpmn:task id="c"/><bpmn:parallelGateway id="join"/><bpmn:task id="d"/>
${flows('a>split split>b split>c b>join c>join join>d')}`),
    );
    expect(map.steps.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(pairs(map)).toEqual(['a>b', 'a>c', 'b>d', 'c>d']);
    expect(map.flows.map((f) => f.id).sort()).toEqual(['b_join', 'c_join', 'split_b', 'split_c']);
    expect(noteOf(notes, 'parallel-removed')?.count).toBe(2);
  });

  it('stay as steps of no time right after a decision, or with several flows in and out', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:exclusiveGateway id="q"/><bpmn:parallelGateway id="after"/><bpmn:task id="b"/><bpmn:task id="c"/><bpmn:task id="e"/>
<bpmn:parallelGateway id="both"/><bpmn:task id="f"/><bpmn:task id="g"/>
${flows('q>after q>e after>b after>c b>both c>both both>f both>g')}`),
    );
    expect(step(map, 'after')).toMatchObject({ kind: 'task', processTime: 0 });
    expect(step(map, 'both')).toMatchObject({ kind: 'task', processTime: 0 });
    expect(step(map, 'after').notes).toMatch(/parallel gateway/);
    expect(noteOf(notes, 'parallel-kept')?.message).toBe(
      '2 parallel gateways kept as steps of no time, as removing them would change the process',
    );
  });
});

describe('BPMN elements procmap has no word for', () => {
  it('imports a repeated activity as one step with a note, and counts groups and data left out', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:task id="t"><bpmn:multiInstanceLoopCharacteristics/></bpmn:task>
<bpmn:task id="u"><bpmn:standardLoopCharacteristics/></bpmn:task>
<bpmn:dataObject id="do"/><bpmn:dataObjectReference id="dor" dataObjectRef="do"/>
<bpmn:group id="g"/>${flows('t>u')}`),
    );
    expect(step(map, 't').notes).toMatch(/multi-instance/);
    expect(step(map, 'u').notes).toMatch(/loop/);
    expect(noteOf(notes, 'repeated')?.message).toBe(
      '2 repeated activities (loop or multi-instance) imported as one step each',
    );
    expect(noteOf(notes, 'data')?.count).toBe(2);
    expect(noteOf(notes, 'other-elements')?.message).toBe(
      '1 element of another kind (such as a group) left out',
    );
  });
});

describe('BPMN link events', () => {
  it('join a throwing link to the catching link of the same name', async () => {
    const { map, notes } = await imported(
      process(`<bpmn:task id="a"/><bpmn:intermediateThrowEvent id="go"><bpmn:linkEventDefinition name="P2"/></bpmn:intermediateThrowEvent>
<bpmn:intermediateCatchEvent id="come"><bpmn:linkEventDefinition name="P2"/></bpmn:intermediateCatchEvent><bpmn:task id="b"/>
<bpmn:intermediateThrowEvent id="lonely"><bpmn:linkEventDefinition name="Nowhere"/></bpmn:intermediateThrowEvent>
${flows('a>go come>b b>lonely')}`),
    );
    expect(pairs(map)).toEqual(['a>b', 'b>lonely']);
    expect(step(map, 'lonely').kind).toBe('delay');
    expect(noteOf(notes, 'link-events')?.count).toBe(2);
  });
});

describe('BPMN diagrams', () => {
  it('never duplicates a step drawn in several diagrams, and places it by its first shape', async () => {
    const body = `<bpmn:process id="p"><bpmn:task id="a"/><bpmn:task id="b"/>${flows('a>b')}</bpmn:process>`;
    const first = `<bpmndi:BPMNDiagram id="d1"><bpmndi:BPMNPlane id="p1" bpmnElement="p">${shape('a', 100, 0)}${shape('b', 300, 0)}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const second = `<bpmndi:BPMNDiagram id="d2"><bpmndi:BPMNPlane id="p2" bpmnElement="p">${shape('a', 900, 0).replace('a_di', 'a_di2')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const { map, notes } = await imported(bpmnFile(body + first + second));
    expect(map.steps.map((s) => s.id)).toEqual(['a', 'b']);
    expect(step(map, 'b').position).toEqual({ x: Math.round(200 * 1.8), y: 0 });
    expect(noteOf(notes, 'diagrams')?.message).toBe('2 diagrams in the file read as one map');
  });

  it('places the inside of a drill-down sub-process where the sub-process stands', async () => {
    const body = `<bpmn:process id="p"><bpmn:task id="a"/><bpmn:subProcess id="sub"><bpmn:task id="in"/></bpmn:subProcess>${flows('a>sub')}</bpmn:process>`;
    const main = `<bpmndi:BPMNDiagram id="d1"><bpmndi:BPMNPlane id="p1" bpmnElement="p">${shape('a', 100, 0)}${shape('sub', 400, 0, 'isExpanded="false"')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const drill = `<bpmndi:BPMNDiagram id="d2"><bpmndi:BPMNPlane id="p2" bpmnElement="sub">${shape('in', 5000, 900)}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
    const { map } = await imported(bpmnFile(body + drill + main));
    expect(step(map, 'in').position).toEqual({ x: Math.round(300 * 1.8), y: 0 });
  });

  it('reads the four diagrams of MIWG C.4.0 into one set of steps', async () => {
    const xml = fixture('miwg-C.4.0.bpmn');
    const { map } = await imported(xml);
    const ids = map.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const userTasks = xml.match(/<(\w+:)?userTask\b/g) ?? [];
    expect(map.steps.filter((s) => s.kind === 'task').length).toBeGreaterThanOrEqual(
      userTasks.length,
    );
  });

  it('leaves a step the diagram does not draw without a position, and reports it', async () => {
    const body = `<bpmn:process id="p"><bpmn:task id="a"/><bpmn:task id="b"/>${flows('a>b')}</bpmn:process>`;
    const { map, notes } = await imported(bpmnFile(body, shape('a', 50, 50)));
    expect(step(map, 'a').position).toEqual({ x: 0, y: 0 });
    expect(step(map, 'b').position).toBeUndefined();
    expect(noteOf(notes, 'no-position')?.message).toBe(
      '1 step not drawn in the file: tidy up places it',
    );
  });

  it('leaves positions absent in a file with no diagram at all', async () => {
    const { map } = await imported(process(`<bpmn:task id="a"/>`));
    expect(step(map, 'a').position).toBeUndefined();
  });

  it('keeps the parts of MIWG B.1.0 that have no diagram', async () => {
    const { map, notes } = await imported(fixture('miwg-B.1.0.bpmn'));
    const unplaced = map.steps.filter((s) => s.position === undefined);
    expect(unplaced.length).toBe(noteOf(notes, 'no-position')?.count);
    expect(unplaced.length).toBeGreaterThan(0);
  });
});
