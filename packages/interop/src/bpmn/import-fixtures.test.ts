import { validateMap } from '@procmap/model';
import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { type Element, is, isElement, list, one, text } from './elements';
import { singleLine } from './labels';
import { fixture, fixtureNames, imported } from './test-helpers';

/*
 * Every real file of the fixtures imports into a valid map that keeps every task-like element
 * as a task step, every gateway that chooses as a decision, and every named leaf lane as a
 * role. What the file holds is counted here from the file itself, with bpmn-moddle.
 */

interface Census {
  flowNodes: number;
  tasks: string[];
  choices: string[];
  leafLanes: Element[];
}

async function census(xml: string): Promise<Census> {
  const { elementsById } = await new BpmnModdle().fromXML(xml);
  const all = Object.values(elementsById).filter(isElement);
  const tasks = all.filter(
    (e) =>
      is(e, 'bpmn:Task') ||
      is(e, 'bpmn:CallActivity') ||
      (is(e, 'bpmn:SubProcess') && !list(e, 'flowElements').some((f) => is(f, 'bpmn:FlowNode'))),
  );
  const choices = all.filter(
    (e) =>
      is(e, 'bpmn:ExclusiveGateway') ||
      is(e, 'bpmn:InclusiveGateway') ||
      is(e, 'bpmn:EventBasedGateway'),
  );
  const leafLanes = all.filter(
    (e) => is(e, 'bpmn:Lane') && list(one(e, 'childLaneSet'), 'lanes').length === 0,
  );
  return {
    flowNodes: all.filter((e) => is(e, 'bpmn:FlowNode')).length,
    tasks: tasks.map((t) => t.id as string),
    choices: choices.map((c) => c.id as string),
    leafLanes,
  };
}

describe('every BPMN fixture', () => {
  const names = fixtureNames();

  it('has files to read', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of names) {
    it(`imports ${name} into a valid map keeping its tasks, decisions and lanes`, async () => {
      const xml = fixture(name);
      const { map, notes } = await imported(xml);
      expect(validateMap(map).ok).toBe(true);
      const { flowNodes, tasks, choices, leafLanes } = await census(xml);
      // Every flow node of the file is a step, or is counted in the report as opened out,
      // joined or replaced by flows: none is lost without a word.
      const counted = (code: string) => notes.find((n) => n.code === code)?.count ?? 0;
      const accounted = [
        'parallel-removed',
        'sub-processes',
        'collapsed-sub-processes',
        'event-sub-processes',
        'sub-process-events',
        'link-events',
      ].reduce((sum, code) => sum + counted(code), 0);
      expect(map.steps.length + accounted).toBe(flowNodes);

      const kindOf = new Map(map.steps.map((s) => [s.id as string, s.kind]));
      for (const id of tasks) expect(kindOf.get(id), `task ${id}`).toBe('task');
      for (const id of choices) expect(kindOf.get(id), `gateway ${id}`).toBe('decision');
      expect(new Set(map.steps.map((s) => s.id)).size).toBe(map.steps.length);

      const roles = new Map(map.roles.map((r) => [r.id as string, r.name]));
      for (const lane of leafLanes) {
        const name = singleLine(text(lane, 'name'));
        if (name !== '') expect(roles.get(lane.id as string), `lane ${lane.id}`).toBe(name);
      }
      const roleIds = new Set(roles.keys());
      for (const s of map.steps) expect(roleIds.has(s.roleId)).toBe(true);
      const stepIds = new Set(kindOf.keys());
      for (const f of map.flows) expect(stepIds.has(f.from) && stepIds.has(f.to)).toBe(true);
      for (const n of notes) expect(n.message.startsWith(`${n.count} `)).toBe(true);
    });
  }
});
