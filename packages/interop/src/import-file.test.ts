import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { decodeFile } from './decode-file';
import { importFile } from './import-file';
import { recordNotes } from './record-notes';

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

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'a PNG image'],
    ['a Visio .vsdx (a zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0], 'a zip file'],
    [
      'a PDF',
      [...'%PDF-1.7\n%'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xe3]),
      'a PDF document',
    ],
    ['bytes with NULs', [0x3c, 0x00, 0x3f, 0x00, 0x78, 0x00], 'a binary file'],
  ])('refuses %s renamed .bpmn, .xml or .csv for what it is', async (_, bytes, kind) => {
    const { text } = decodeFile(new Uint8Array(bytes));
    for (const [name, format] of [
      ['x.bpmn', undefined],
      ['x.xml', undefined],
      ['x.csv', 'csv'],
    ] as const) {
      const r = await importFile(text, { name, ...(format ? { format } : {}) });
      expect(r).toMatchObject({ ok: false, code: 'not-recognised' });
      if (!r.ok)
        expect(r.message).toBe(
          `This looks like ${kind}${kind === 'a zip file' ? ' (for example a Visio .vsdx or an Excel .xlsx: save the sheet as CSV)' : ''}, not a BPMN, draw.io or CSV file.`,
        );
    }
    // Read as UTF-8 with the unreadable bytes replaced, it is refused all the same.
    const lossy = new TextDecoder().decode(new Uint8Array(bytes));
    expect(await importFile(lossy, { name: 'x.bpmn' })).toMatchObject({ ok: false });
  });

  it('keeps what was approximated as one note on the whole map, at the time the caller gives', async () => {
    const createdAt = '2026-03-01T10:00:00.000Z';
    const r = await importFile(bpmn, { name: 'folder/lanes.bpmn', notes: { createdAt } });
    if (!r.ok) throw new Error(r.message);
    expect(r.notes.length).toBeGreaterThan(0);
    const recorded = (r.map.comments ?? []).filter((c) => c.author === 'Import');
    expect(recorded).toHaveLength(1);
    const [note] = recorded;
    expect(note).toMatchObject({ id: 'import-notes', kind: 'note', createdAt });
    expect(note?.targetId).toBeUndefined();
    expect(note?.text).toBe(
      `Imported from lanes.bpmn (BPMN 2.0). What was approximated: ${r.notes.map((n) => n.message.replace(/\.$/, '')).join('; ')}.`,
    );
    expect(validateMap(r.map).ok).toBe(true);
    const off = await importFile(bpmn, { name: 'lanes.bpmn', record: false });
    expect(off.ok && (off.map.comments ?? []).some((c) => c.author === 'Import')).toBe(false);
  });

  it('adds no note when nothing was approximated, and never reuses an id', async () => {
    const csv = await importFile('Role,Step\nClerk,In\n', { name: 'a.csv', record: false });
    if (!csv.ok) throw new Error(csv.message);
    expect(recordNotes({ ...csv, notes: [] }, 'a.csv', 'T')).toEqual({ ...csv, notes: [] });
    // A draw.io text box whose id is the note's own: the note takes another.
    const boxed = DRAWIO.replace(
      '</root>',
      '<mxCell id="import-notes" value="Remember" style="text;" vertex="1" parent="1"><mxGeometry x="0" y="200" width="80" height="20" as="geometry"/></mxCell></root>',
    );
    const r = await importFile(boxed, { name: 'b.drawio', notes: { createdAt: 'T' } });
    if (!r.ok) throw new Error(r.message);
    const ids = (r.map.comments ?? []).map((c) => c.id);
    expect(ids).toContain('import-notes');
    expect(ids).toContain('import-notes-2');
    expect(new Set(ids).size).toBe(ids.length);
    expect(validateMap(r.map).ok).toBe(true);
  });
});
