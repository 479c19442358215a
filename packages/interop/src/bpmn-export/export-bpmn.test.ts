import { lanesInOrder, normalize, validateMap } from '@procmap/model';
import { parseXml } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { exportBpmn } from './export-bpmn';
import { PROCMAP_BPMN_NS, readAttributes, STEP_ATTRIBUTES } from './extension-attributes';
import { type El, el, exampleMaps, incomingOf, list, outgoingOf, parseBpmn } from './test-helpers';

/** The element standing for a procmap record: by procmap:id, else by its own id. */
function byProcmapId(elements: readonly El[]): Map<string, El> {
  const out = new Map<string, El>();
  for (const e of elements) out.set(e.$attrs['procmap:id'] ?? (e.id as string), e);
  return out;
}

/** What each kind becomes, written out here so a change in the export is a change in the test. */
const ELEMENT_OF_KIND: Record<string, string> = {
  start: 'bpmn:StartEvent',
  task: 'bpmn:Task',
  decision: 'bpmn:ExclusiveGateway',
  delay: 'bpmn:IntermediateCatchEvent',
  end: 'bpmn:EndEvent',
};

const docText = (e: El) => list(e.documentation).map((d) => d.text as string)[0];

describe.each(exampleMaps())('exportBpmn of %s', (_file, map) => {
  it('is a valid map to begin with', () => {
    expect(validateMap(map).ok).toBe(true);
  });

  it('parses back with bpmn-moddle without a single warning, and is well-formed XML', async () => {
    const xml = await exportBpmn(map);
    expect(() => parseXml(xml)).not.toThrow();
    const parsed = await parseBpmn(xml);
    expect(parsed.warnings.map((w) => w.message)).toEqual([]);
    expect(parsed.definitions.$type).toBe('bpmn:Definitions');
    expect(parsed.definitions.$attrs['xmlns:procmap']).toBe(PROCMAP_BPMN_NS);
  });

  it('has one collaboration whose one pool is the process, named after the map', async () => {
    const parsed = await parseBpmn(await exportBpmn(map));
    const participants = list(parsed.collaboration.participants);
    expect(participants).toHaveLength(1);
    expect(el(participants[0]?.processRef)).toBe(parsed.process);
    expect(participants[0]?.name).toBe(map.title);
    expect(parsed.process.name).toBe(map.title);
    expect(parsed.process.isExecutable).toBe(false);
    if (map.description) expect(docText(parsed.process)).toBe(map.description);
  });

  it('has a lane per role in role order, holding exactly the steps of that role', async () => {
    const parsed = await parseBpmn(await exportBpmn(map));
    const roles = lanesInOrder(map.roles);
    expect(parsed.lanes.map((l) => l.name)).toEqual(roles.map((r) => r.name));
    expect(parsed.lanes.map((l) => l.$attrs['procmap:id'] ?? l.id)).toEqual(roles.map((r) => r.id));
    const nodes = byProcmapId(parsed.elements);
    roles.forEach((role, i) => {
      const lane = parsed.lanes[i] as El;
      const members = new Set(list(lane.flowNodeRef));
      for (const step of map.steps) {
        expect(members.has(nodes.get(step.id) as El), `${step.id} in ${role.id}`).toBe(
          step.roleId === role.id,
        );
      }
      if (role.headcount !== undefined) {
        expect(Number(lane.$attrs['procmap:headcount'])).toBe(role.headcount);
      }
      if (role.hourlyCost !== undefined) {
        expect(Number(lane.$attrs['procmap:hourlyCost'])).toBe(role.hourlyCost);
      }
    });
    // Every flow node is in exactly one lane.
    const counted = new Map<El, number>();
    for (const lane of parsed.lanes) {
      for (const n of list(lane.flowNodeRef)) counted.set(n, (counted.get(n) ?? 0) + 1);
    }
    const flowNodes = parsed.elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    expect(flowNodes.map((n) => counted.get(n))).toEqual(flowNodes.map(() => 1));
  });

  it('turns every step into the element of its kind, with its name, notes and data', async () => {
    const parsed = await parseBpmn(await exportBpmn(map));
    const nodes = byProcmapId(parsed.elements);
    for (const step of map.steps) {
      const node = nodes.get(step.id) as El;
      expect(node?.$type, step.id).toBe(ELEMENT_OF_KIND[step.kind]);
      expect(node.name ?? '').toBe(step.label);
      expect(docText(node)).toBe(step.notes || undefined);
      const data = readAttributes(node.$attrs, STEP_ATTRIBUTES);
      for (const [field] of STEP_ATTRIBUTES) {
        expect(data[field], `${step.id}.${field}`).toEqual(step[field]);
      }
      if (step.kind === 'delay') {
        const timer = list(node.eventDefinitions)[0] as El;
        expect(timer.$type).toBe('bpmn:TimerEventDefinition');
        const duration = el(timer.timeDuration)?.body;
        expect(duration).toBe(step.waitTime === undefined ? undefined : `PT${step.waitTime}M`);
      }
    }
  });

  it('keeps every flow with its name and probability, between the right elements', async () => {
    const parsed = await parseBpmn(await exportBpmn(map));
    const nodes = byProcmapId(parsed.elements);
    const flows = byProcmapId(parsed.elements.filter((e) => e.$type === 'bpmn:SequenceFlow'));
    const outDegree = new Map<string, number>();
    for (const f of map.flows) outDegree.set(f.from, (outDegree.get(f.from) ?? 0) + 1);
    for (const flow of map.flows) {
      const sf = flows.get(flow.id) as El;
      expect(sf?.$type, flow.id).toBe('bpmn:SequenceFlow');
      expect(sf.name ?? '').toBe(flow.label ?? '');
      const p = sf.$attrs['procmap:probability'];
      expect(p === undefined ? undefined : Number(p)).toBe(flow.probability);
      const from = map.steps.find((s) => s.id === flow.from);
      const parallel = from?.kind !== 'decision' && (outDegree.get(flow.from) ?? 0) > 1;
      const source = el(sf.sourceRef);
      if (parallel) {
        expect(source.$type).toBe('bpmn:ParallelGateway');
        expect(el(incomingOf(source)[0]?.sourceRef)).toBe(nodes.get(flow.from));
      } else expect(source).toBe(nodes.get(flow.from));
      // Into its step, or into a gateway before it.
      let target = el(sf.targetRef);
      while (target.$attrs['procmap:generated']) target = el(outgoingOf(target)[0]?.targetRef);
      expect(target).toBe(nodes.get(flow.to));
      // The flow's ends say it all: no node lists its incoming and outgoing flows again.
      expect(source.outgoing).toBeUndefined();
      expect(el(sf.targetRef).incoming).toBeUndefined();
    }
  });

  it('adds gateways only where the map has parallel work', async () => {
    const parsed = await parseBpmn(await exportBpmn(map));
    const { map: shown } = normalize(map);
    const splits = shown.steps.filter(
      (s) => s.kind !== 'decision' && shown.flows.filter((f) => f.from === s.id).length > 1,
    );
    const parallel = parsed.elements.filter((e) => e.$type === 'bpmn:ParallelGateway');
    if (splits.length === 0) expect(parallel).toEqual([]);
    else expect(parallel.length).toBeGreaterThanOrEqual(splits.length);
  });
});

describe('exportBpmn', () => {
  it('writes the same file for the same map, and never writes to the map', async () => {
    const [, map] = exampleMaps()[0] as [string, never];
    const before = JSON.stringify(map);
    const a = await exportBpmn(map);
    expect(await exportBpmn(map)).toBe(a);
    expect(JSON.stringify(map)).toBe(before);
  });

  it('carries nothing from one export to the next (one bpmn-moddle serves them all)', async () => {
    const maps = exampleMaps().map(([, m]) => m);
    const alone: string[] = [];
    for (const m of maps) alone.push(await exportBpmn(m));
    const together = await Promise.all([...maps].reverse().map((m) => exportBpmn(m)));
    expect(together.reverse()).toEqual(alone);
    expect(new Set(alone).size).toBe(maps.length);
  });
});
