import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from './import-file';

const bpmn = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'bpmn', 'bpmnjs-lanes.bpmn'),
  'utf8',
);

const DRAWIO = `<mxfile><diagram name="Page-1"><mxGraphModel><root>
<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="lane" value="Clerk" style="swimlane;horizontal=0;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="400" height="120" as="geometry"/></mxCell>
<mxCell id="a" value="Book" style="rounded=1;" vertex="1" parent="lane"><mxGeometry x="60" y="30" width="100" height="50" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>`;

describe('importFile', () => {
  it('reads each format by name or content', async () => {
    const fromBpmn = await importFile(bpmn, { name: 'lanes.xml' });
    expect(fromBpmn).toMatchObject({ ok: true, format: 'bpmn' });
    const fromCsv = await importFile('Role,Step\nClerk,Book\nClerk,Send\n', { name: 'a.csv' });
    expect(fromCsv).toMatchObject({ ok: true, format: 'csv' });
    const fromDrawio = await importFile(DRAWIO);
    expect(fromDrawio).toMatchObject({ ok: true, format: 'drawio' });
    if (fromDrawio.ok) expect(fromDrawio.map.steps.map((s) => s.label)).toContain('Book');
  });

  it('takes the format the caller gives over the name', async () => {
    const r = await importFile('Role,Step\nClerk,Book\n', { name: 'odd.bpmn', format: 'csv' });
    expect(r).toMatchObject({ ok: true, format: 'csv' });
  });

  it('says plainly what it cannot read', async () => {
    expect(await importFile('')).toMatchObject({ ok: false, message: 'The file is empty.' });
    const svg = await importFile('<svg xmlns="http://www.w3.org/2000/svg"/>', { name: 'x.xml' });
    expect(svg).toMatchObject({ ok: false, code: 'not-recognised' });
    if (!svg.ok) expect(svg.message).toContain('BPMN 2.0');
    const own = await importFile('{"format":"procmap"}', { name: 'm.procmap.json' });
    expect(own).toMatchObject({ ok: false, code: 'not-recognised' });
  });

  it('refuses a file over the limit before choosing a reader', async () => {
    const huge = `Role,Step\n${'Clerk,Book\n'.repeat(1_000_000)}`;
    expect(await importFile(huge, { name: 'big.csv' })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });
});
