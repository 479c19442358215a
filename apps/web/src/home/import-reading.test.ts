import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import {
  fileText,
  importSheet,
  MAX_IMPORT_BYTES,
  previewSheet,
  reviewFile,
  tooLarge,
} from './import-reading';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const fixture = (name: string) =>
  readFileSync(join(root, 'packages', 'interop', 'fixtures', 'bpmn', name), 'utf8');

const SHEET =
  'Step,Owner,Wait (h),Comment\nReceive,Clerk,2,first\nCheck,Nurse,x,second\nDecide,Doctor,1,\n';

describe('the review of a file before a map is made of it', () => {
  it('given a BPMN file with lanes, then the map and what was approximated', async () => {
    const review = await reviewFile('lanes.bpmn', fixture('bpmnjs-lanes.bpmn'));
    expect(review.kind).toBe('map');
    if (review.kind !== 'map') return;
    expect(review.format).toBe('bpmn');
    expect(review.map.roles.length).toBeGreaterThan(1);
    expect(review.notes).toContain('1 boundary event kept as a branch from its activity');
    expect(validateMap(review.map).ok).toBe(true);
  });

  it('given a draw.io diagram of swimlanes, then a map from it', async () => {
    const text = readFileSync(
      join(root, 'packages', 'interop', 'fixtures', 'drawio', 'basic-swimlanes.xml'),
      'utf8',
    );
    const review = await reviewFile('swimlanes.xml', text);
    expect(review).toMatchObject({ kind: 'map', format: 'drawio' });
    if (review.kind !== 'map') return;
    expect(review.map.steps.length).toBeGreaterThan(0);
    expect(validateMap(review.map).ok).toBe(true);
  });

  it('given XML with a document type, then a refusal with its line, and no map', async () => {
    const text =
      '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"/>';
    const review = await reviewFile('evil.bpmn', text);
    expect(review).toMatchObject({ kind: 'refused', line: 2, column: 1 });
    expect(review).not.toHaveProperty('map');
  });

  it('given a spreadsheet, then its preview: columns, samples and the rows’ problems', async () => {
    const review = await reviewFile('steps.csv', SHEET);
    expect(review.kind).toBe('csv');
    if (review.kind !== 'csv') return;
    expect(review.preview.columns.map((c) => c.field)).toEqual([
      'label',
      'role',
      'waitTime',
      'notes',
    ]);
    expect(review.preview.columns[0]?.samples).toEqual(['Receive', 'Check', 'Decide']);
    expect(review.preview.problems).toEqual([
      expect.objectContaining({ row: 3, code: 'bad-time' }),
    ]);
    expect(review.preview.counts.roles).toBe(3);
  });

  it('given a column read as something else, then the preview and the map follow it', async () => {
    const preview = previewSheet(SHEET, { Owner: null }, {});
    expect(preview.columns[1]).toMatchObject({ field: null, chosen: true });
    expect(preview.counts.roles).toBe(1);
    const imported = await importSheet(
      'steps.csv',
      SHEET,
      { columns: { Owner: null }, units: {} },
      '',
    );
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.map.title).toBe('steps');
    expect(imported.map.roles).toHaveLength(1);
    expect(imported.map.steps.map((s) => s.label)).toEqual(
      expect.arrayContaining(['Receive', 'Check', 'Decide']),
    );
  });

  it('given a sheet without a label column, then a preview to choose one in, not a refusal', async () => {
    const sheet = 'Person,Thing\nClerk,Post the letter\n';
    const review = await reviewFile('x.csv', sheet);
    expect(review.kind).toBe('csv');
    if (review.kind !== 'csv') return;
    expect(review.preview.refusal?.message).toContain('No column holds the steps');
    expect(review.preview.columns.map((c) => c.header)).toEqual(['Person', 'Thing']);
    const chosen = previewSheet(sheet, { Thing: 'label', Person: 'role' }, {});
    expect(chosen.refusal).toBeUndefined();
    expect(chosen.counts.roles).toBe(1);
  });

  it('given a procmap map file, then the map as it is; an invalid one is refused', async () => {
    const text = readFileSync(join(root, 'examples', 'invoice-approval.procmap.json'), 'utf8');
    const review = await reviewFile('invoice.procmap.json', text);
    const checked = validateMap(JSON.parse(text));
    expect(checked.ok).toBe(true);
    expect(review).toMatchObject({ kind: 'map', format: 'procmap' });
    if (review.kind !== 'map' || !checked.ok) return;
    expect(review.map).toEqual(checked.map);

    const broken = { ...JSON.parse(text), steps: [{ id: 's1', label: 'No role or kind' }] };
    const refused = await reviewFile('broken.procmap.json', JSON.stringify(broken));
    expect(refused).toMatchObject({ kind: 'refused' });
    if (refused.kind === 'refused') expect(refused.message).toContain('steps[');
  });

  it('given JSON that does not parse, then a refusal, and nothing else', async () => {
    const review = await reviewFile('x.procmap.json', '{"title": "A",\n "steps": }');
    expect(review).toMatchObject({ kind: 'refused' });
    if (review.kind === 'refused') expect(review.message).toContain('JSON cannot be read');
  });

  it('refuses a file over the import limit before reading it', () => {
    expect(tooLarge('big.csv', MAX_IMPORT_BYTES)).toBeUndefined();
    expect(tooLarge('big.csv', MAX_IMPORT_BYTES + 1)).toMatchObject({
      kind: 'refused',
      message: 'The file is 10.1 MB; procmap imports files up to 10.0 MB.',
    });
  });

  it('reads a spreadsheet Excel saved in Windows-1252 with its accents', async () => {
    // "Step\nCafé order £5" in Windows-1252: é is 0xE9 and £ is 0xA3, neither UTF-8 alone.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Step\nCaf'),
      0xe9,
      ...new TextEncoder().encode(' order '),
      0xa3,
      0x35,
    ]);
    const review = await reviewFile('orders.csv', fileText(bytes));
    expect(review.kind).toBe('csv');
    if (review.kind === 'csv')
      expect(review.preview.columns[0]?.samples).toEqual(['Café order £5']);
  });

  it('given a unit chosen for a time column, then the preview and the map read bare numbers in it', async () => {
    const preview = previewSheet(SHEET, {}, { 'Wait (h)': 'd' });
    expect(preview.columns[2]).toMatchObject({ unit: 'd', unitFrom: 'chosen' });
    expect(previewSheet(SHEET, {}, {}).columns[2]).toMatchObject({ unit: 'h', unitFrom: 'header' });
    const imported = await importSheet(
      'steps.csv',
      SHEET,
      { columns: {}, units: { 'Wait (h)': 'd' } },
      '',
    );
    if (!imported.ok) throw new Error(imported.message);
    // Two working days of 7.5 hours.
    expect(imported.map.steps.find((s) => s.label === 'Receive')?.waitTime).toBe(900);
  });

  it('keeps what was approximated in the map made, dated at the import', async () => {
    const before = Date.now();
    const imported = await importSheet('steps.csv', SHEET, { columns: {}, units: {} }, '');
    if (!imported.ok) throw new Error(imported.message);
    const notes = (imported.map.comments ?? []).filter((c) => c.author === 'Import');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.text).toMatch(/^Imported from steps\.csv \(CSV\)\. What was approximated: /);
    expect(Date.parse(notes[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(before);
    const review = await reviewFile('lanes.bpmn', fixture('bpmnjs-lanes.bpmn'));
    if (review.kind !== 'map') throw new Error('expected a map');
    const recorded = (review.map.comments ?? []).find((c) => c.author === 'Import');
    expect(Date.parse(recorded?.createdAt ?? '')).toBeGreaterThanOrEqual(before);
  });

  it('refuses a binary file renamed .csv or .bpmn for what it is, before any reader sees it', async () => {
    const png = fileText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    for (const name of ['shot.csv', 'shot.bpmn', 'shot.procmap.json']) {
      expect(await reviewFile(name, png)).toEqual({
        kind: 'refused',
        name,
        message: 'This looks like a PNG image, not a BPMN, draw.io or CSV file.',
      });
    }
    const zip = fileText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0]));
    const refused = await reviewFile('process.csv', zip);
    expect(refused.kind === 'refused' && refused.message).toContain(
      'a Visio .vsdx or an Excel .xlsx',
    );
  });
});
