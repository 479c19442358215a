import type { ProcessMap } from '@procmap/model';
import { HOSTILE_PAYLOADS, mapBuilder, parseXml } from '@procmap/test-kit';
import { describe, expect, it } from 'vitest';
import { isSafeId } from './bpmn-ids';
import { exportBpmn } from './export-bpmn';
import { type El, list, parseBpmn } from './test-helpers';
import { xmlSafe } from './xml-text';

/** Text XML 1.0 cannot hold at all, with text it can. */
const FORBIDDEN = [
  'nul\u0000here',
  'bell\u0007 and escape\u001B[31m',
  'vertical\u000Btab and form\u000Cfeed',
  'not a character \uFFFE\uFFFF',
  'half a pair \uD83D alone',
  'a low half \uDE00 alone',
];
const AWKWARD = [
  'quotes " and \' and <tags> & ampersands &amp;',
  ']]> closes CDATA',
  'emoji 🫖☕ and a family 👨‍👩‍👧',
  'RTL ‏שלום עולם‎ and Arabic مرحبا',
  'line one\nline two',
  '   spaces kept   ',
];

function hostileMap(texts: readonly string[]): ProcessMap {
  const b = mapBuilder(texts[0] as string, { description: texts[1] as string }).role(
    'r',
    texts[2] as string,
  );
  b.start('s', 'r', 'Start');
  let previous = 's';
  texts.forEach((text, i) => {
    b.task(`t${i}`, 'r', text, { notes: text, systems: [text], dataEntered: [text, 'x'] });
    b.flow(previous, `t${i}`, { id: `f${i}`, label: text });
    previous = `t${i}`;
  });
  b.end('e', 'r', 'End').flow(previous, 'e');
  return b.build();
}

describe('user text in the BPMN export', () => {
  const all = [...HOSTILE_PAYLOADS, ...AWKWARD, ...FORBIDDEN];

  it('stays well-formed XML whatever the labels, and parses back without warnings', async () => {
    const xml = await exportBpmn(hostileMap(all));
    expect(() => parseXml(xml)).not.toThrow();
    const parsed = await parseBpmn(xml);
    expect(parsed.warnings).toEqual([]);
    // Nothing a label holds becomes markup: the only elements are BPMN's own.
    const names = new Set(parseXml(xml).elements.map((e) => e.name.split(':')[0]));
    expect([...names].sort()).toEqual(['bpmn', 'bpmndi', 'dc', 'di']);
  });

  it('gives every text back exactly, but for characters XML forbids', async () => {
    const parsed = await parseBpmn(await exportBpmn(hostileMap(all)));
    all.forEach((text, i) => {
      const task = parsed.byId[`t${i}`] as El;
      const flow = parsed.byId[`f${i}`] as El;
      const expected = xmlSafe(text);
      expect(task.name).toBe(expected);
      expect(flow.name).toBe(expected);
      expect(list(task.documentation)[0]?.text).toBe(expected);
      expect(JSON.parse(task.$attrs['procmap:systems'] as string)).toEqual([expected]);
    });
    expect(parsed.process.name).toBe(xmlSafe(all[0] as string));
    expect(list(parsed.process.documentation)[0]?.text).toBe(xmlSafe(all[1] as string));
    expect(parsed.lanes[0]?.name).toBe(xmlSafe(all[2] as string));
  });

  it('takes out only what XML forbids', () => {
    expect(xmlSafe('nul\u0000here')).toBe('nulhere');
    expect(xmlSafe('half a pair \uD83D alone')).toBe('half a pair \uFFFD alone');
    expect(xmlSafe('a low half \uDE00 alone')).toBe('a low half \uFFFD alone');
    expect(xmlSafe('emoji 🫖 stays')).toBe('emoji 🫖 stays');
    expect(xmlSafe('tab\tand\r\nbreaks\rkept')).toBe('tab\tand\nbreaks\nkept');
    expect(xmlSafe('\uFFFE\uFFFF')).toBe('');
    for (const text of AWKWARD) expect(xmlSafe(text)).toBe(text);
  });
});

describe('ids in the BPMN export', () => {
  const awkward = ['1st', 'a b', 'é', 'x:y', 'Process_1', 'a', `${'long'.repeat(60)}`, 'id~2'];

  function idMap(): ProcessMap {
    const b = mapBuilder('Ids');
    // The same ids for roles, steps and flows: BPMN has one id space, procmap one per kind.
    b.role('a', 'Lane a').role('1st', 'Lane 1st');
    b.start('s', 'a', 'Start');
    let previous = 's';
    awkward.forEach((id, i) => {
      b.task(id, i % 2 === 0 ? '1st' : 'a', `Step ${id}`);
      b.flow(previous, id, { id });
      previous = id;
    });
    return b.build();
  }

  it('are valid XML ids, unique across the file, with the procmap id kept beside any that differ', async () => {
    const map = idMap();
    const xml = await exportBpmn(map);
    const parsed = await parseBpmn(xml);
    expect(parsed.warnings).toEqual([]);
    const written = parseXml(xml)
      .elements.map((e) => e.attributes.id)
      .filter((id): id is string => id !== undefined);
    expect(new Set(written).size).toBe(written.length);
    for (const id of written) expect(isSafeId(id), id).toBe(true);
    const original = (e: El) => e.$attrs['procmap:id'] ?? e.id;
    const nodes = parsed.elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    expect(nodes.map(original).sort()).toEqual(map.steps.map((s) => s.id).sort());
    const flows = parsed.elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    expect(flows.map(original).sort()).toEqual(map.flows.map((f) => f.id).sort());
    expect(parsed.lanes.map(original)).toEqual(['a', '1st']);
    // An id that was fine and free stays as it is, without a procmap:id.
    expect(parsed.lanes[0]?.id).toBe('a');
    expect(parsed.lanes[0]?.$attrs['procmap:id']).toBeUndefined();
  });

  it('are the same on every export of the same map', async () => {
    expect(await exportBpmn(idMap())).toBe(await exportBpmn(idMap()));
  });
});
