import { describe, expect, it } from 'vitest';
import { importBpmn } from './import-bpmn';
import { BPMN_NS, bpmnFile, fixture, flows, imported, pairs } from './test-helpers';

/* Files that are not BPMN, or not well-formed, are refused in words with the line; files that
 * bind the BPMN namespace to other prefixes or carry vendor extensions read as any other. */

async function refused(text: string) {
  const result = await importBpmn(text);
  if (result.ok) expect.fail('expected a refusal');
  return result;
}

describe('BPMN files refused', () => {
  it('refuses malformed XML with the line of the problem', async () => {
    const text = bpmnFile('<bpmn:process id="p">\n<bpmn:task id="t">\n</bpmn:process>');
    const result = await refused(text);
    const line = text.split('\n').findIndex((l) => l.includes('</bpmn:process>')) + 1;
    expect(result).toMatchObject({ code: 'malformed', line });
    // The place is given as line and column, not again in the words; plain words come first.
    expect(result.message).not.toMatch(/\bline\b/);
    expect(result.message).toMatch(
      /^This file is not well-formed XML: a tag, a quote or a character is out of place/,
    );
    expect(result.message).toContain('"closing tag mismatch"');
    expect(result.message.match(/export it again/g)).toHaveLength(1);
  });

  it('refuses XML that is not BPMN, such as an SVG, naming its first element', async () => {
    const result = await refused('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
    expect(result.code).toBe('not-recognised');
    expect(result.message).toContain('<svg>');
  });

  it('refuses a file whose root is a process rather than definitions', async () => {
    const result = await refused(`<bpmn:process xmlns:bpmn="${BPMN_NS}" id="p"/>`);
    expect(result.code).toBe('not-recognised');
  });

  it('reads the namespace, not the prefix: bpmn: bound elsewhere is not BPMN', async () => {
    const fake = bpmnFile('<bpmn:process id="p"/>').replace(BPMN_NS, 'http://example.org/not-bpmn');
    expect((await refused(fake)).code).toBe('not-recognised');
  });

  it('refuses an empty file, and a file of only spaces', async () => {
    expect((await refused('')).code).toBe('empty');
    expect((await refused('  \n ')).code).toBe('empty');
  });

  it('refuses definitions with no process and no pool', async () => {
    expect((await refused(bpmnFile(''))).code).toBe('empty');
  });

  it('refuses text that is not XML at all', async () => {
    expect((await refused('name,role\nCheck,Clerk')).code).toBe('malformed');
  });

  it('refuses a document type declaration before parsing', async () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n${bpmnFile('')}`;
    expect(await refused(text)).toMatchObject({ code: 'unsafe-xml', line: 2 });
  });

  it('refuses two elements with one id, with the line of the second', async () => {
    const text = bpmnFile(
      '<bpmn:process id="p">\n<bpmn:task id="t"/>\n<bpmn:task id="t"/>\n</bpmn:process>',
    );
    const result = await refused(text);
    const line = text.split('\n').lastIndexOf('<bpmn:task id="t"/>') + 1;
    expect(result).toMatchObject({ code: 'malformed', line });
  });
});

describe('BPMN files read in part', () => {
  it('reads around an element moddle cannot read, and reports it with its line', async () => {
    const text = bpmnFile(
      '<bpmn:process id="p">\n<bpmn:task id="t"/>\n<bpmn:notAnElement id="x"/>\n</bpmn:process>',
    );
    const { map, notes } = await imported(text);
    expect(map.steps.map((s) => s.id)).toEqual(['t']);
    const line = text.split('\n').findIndex((l) => l.includes('notAnElement')) + 1;
    expect(notes.find((n) => n.code === 'unreadable')?.message).toBe(
      `1 part of the file could not be read and was left out (the first on line ${line})`,
    );
  });
});

describe('BPMN namespaces', () => {
  const body = `<X:process id="p"><X:startEvent id="s"/><X:userTask id="t" name="Check"/><X:endEvent id="e"/>
<X:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><X:sequenceFlow id="f2" sourceRef="t" targetRef="e"/></X:process>`;

  it('reads unusual prefixes and the default namespace like bpmn:', async () => {
    const withPrefix = (p: string) =>
      `<${p}definitions xmlns${p ? `:${p.slice(0, -1)}` : ''}="${BPMN_NS}" id="d">${body.replaceAll('X:', p)}</${p}definitions>`;
    const a = await imported(withPrefix('bpmn:'));
    const b = await imported(withPrefix('semantic:'));
    const c = await imported(withPrefix(''));
    expect(pairs(b.map)).toEqual(pairs(a.map));
    expect(pairs(c.map)).toEqual(pairs(a.map));
    expect(b.map.steps.map((s) => [s.id, s.kind])).toEqual([
      ['s', 'start'],
      ['t', 'task'],
      ['e', 'end'],
    ]);
  });

  it('reads a file with vendor extension elements and attributes as if they were not there', async () => {
    const text = `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:signavio="http://www.signavio.com" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d">
<bpmn:process id="p" camunda:historyTimeToLive="30"><bpmn:extensionElements><signavio:signavioMetaData metaKey="bgcolor" metaValue="#fff"/></bpmn:extensionElements>
<bpmn:serviceTask id="t" name="Send" zeebe:modelerTemplate="x"><bpmn:extensionElements><zeebe:taskDefinition type="send"/></bpmn:extensionElements></bpmn:serviceTask>
<bpmn:task id="u"/>${flows('t>u')}</bpmn:process></bpmn:definitions>`;
    const { map } = await imported(text);
    expect(map.steps.map((s) => s.id)).toEqual(['t', 'u']);
    expect(pairs(map)).toEqual(['t>u']);
  });

  it('reads the fixtures written with semantic:, model: and bpmn2: prefixes', async () => {
    for (const name of ['miwg-A.3.0.bpmn', 'miwg-A.2.1.bpmn', 'bpmnjs-lanes.bpmn']) {
      const { map } = await imported(fixture(name));
      expect(map.steps.length, name).toBeGreaterThan(0);
    }
  });
});
