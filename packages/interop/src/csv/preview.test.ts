import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { PREVIEW_PROBLEMS, previewCsv } from './preview-csv';

const SHEET = [
  'Swimlane,Activity,PT (h),Delay,Kind,Next step(s),Colour',
  'GP,Write referral,0.5,2 d,start,Triage',
  'Nurse,Triage,10 min,soon,task,Book; Nowhere,red',
  'Clerk,Book,15,,sub-process,,blue',
  'Clerk,,5,,task,,',
].join('\n');

describe('previewCsv', () => {
  it('says how each column was understood, with its first values, before anything is created', () => {
    const preview = previewCsv(SHEET);
    expect(preview.delimiter).toBe(',');
    expect(preview.rowCount).toBe(4);
    expect(
      preview.columns.map((c) => [c.header, c.field, c.unit ?? null, c.unitFrom ?? null]),
    ).toEqual([
      ['Swimlane', 'role', null, null],
      ['Activity', 'label', null, null],
      ['PT (h)', 'processTime', 'h', 'header'],
      ['Delay', 'waitTime', 'min', 'default'],
      ['Kind', 'kind', null, null],
      ['Next step(s)', 'next', null, null],
      ['Colour', null, null, null],
    ]);
    expect(preview.columns[0]?.samples).toEqual(['GP', 'Nurse', 'Clerk']);
    expect(preview.columns[6]?.samples).toEqual(['red', 'blue']);
    expect(preview.refusal).toBeUndefined();
  });

  it('lists every problem with its row and column, in row order', () => {
    const preview = previewCsv(SHEET);
    expect(preview.problems.map((p) => [p.row, p.code, p.column ?? null])).toEqual([
      [3, 'bad-time', 'Delay'],
      [3, 'unknown-step', 'Next step(s)'],
      [4, 'unknown-kind', 'Kind'],
      [5, 'no-label', 'Activity'],
    ]);
    expect(preview.problemCount).toBe(4);
    expect(preview.problems[0]?.message).toContain('"soon"');
  });

  it('counts what the import would create, and the import creates just that', () => {
    const preview = previewCsv(SHEET);
    const result = importCsv(SHEET);
    if (!result.ok) throw new Error(result.message);
    expect(preview.counts).toEqual({
      steps: result.map.steps.length,
      roles: result.map.roles.length,
      flows: result.map.flows.length,
    });
    expect(preview.counts).toEqual({ steps: 4, roles: 3, flows: 3 });
  });

  it('given the caller’s choice of columns, then shows the sheet read that way', () => {
    const preview = previewCsv(SHEET, { columns: { Colour: 'notes', Kind: null } });
    expect(preview.columns.find((c) => c.header === 'Colour')).toMatchObject({
      field: 'notes',
      chosen: true,
    });
    expect(preview.columns.find((c) => c.header === 'Kind')).toMatchObject({
      field: null,
      chosen: true,
    });
    expect(preview.problems.map((p) => p.code)).not.toContain('unknown-kind');
  });

  it('given no label column, then shows the columns still, with the refusal', () => {
    const preview = previewCsv('Colour,Size\nred,3\n');
    expect(preview.columns.map((c) => c.header)).toEqual(['Colour', 'Size']);
    expect(preview.refusal).toMatchObject({ code: 'not-recognised' });
  });

  it('given an empty file, then no columns and the refusal', () => {
    expect(previewCsv('')).toMatchObject({ columns: [], rowCount: 0, refusal: { code: 'empty' } });
  });

  it('lists the first problems only, and counts them all', () => {
    const rows = ['Step,Wait'];
    for (let i = 0; i < PREVIEW_PROBLEMS + 50; i++) rows.push(`S${i},never`);
    const preview = previewCsv(rows.join('\n'));
    expect(preview.problems).toHaveLength(PREVIEW_PROBLEMS);
    expect(preview.problemCount).toBe(PREVIEW_PROBLEMS + 50);
  });
});

describe('importCsv notes', () => {
  it('names the columns it did not use, and the rows of each kind of problem', () => {
    const result = importCsv(SHEET);
    if (!result.ok) throw new Error(result.message);
    const messages = result.notes.map((n) => n.message);
    expect(messages).toContain('1 column not used: "Colour".');
    expect(messages).toContain('3 roles created from the "Swimlane" column.');
    expect(messages).toContain('1 row without a step label skipped (row 5).');
    expect(messages).toContain('1 next or previous step names no step: no flow drawn (row 3).');
    expect(messages).toContain('The sheet has no end step: one added after the last steps.');
  });

  it('says when a chosen column does not exist', () => {
    const result = importCsv(SHEET, { columns: { Missing: 'notes' } });
    expect(
      result.ok && result.notes.find((n) => n.code === 'unknown-columns-chosen')?.message,
    ).toBe('No column is called "Missing": that choice was not applied.');
  });

  it('sets the title and working day it is given, and reads days with that day', () => {
    const result = importCsv('Step,Wait\nA,1 d\n', { title: 'Referral', hoursPerDay: 8 });
    if (!result.ok) throw new Error(result.message);
    expect(result.map.title).toBe('Referral');
    expect(result.map.settings?.hoursPerDay).toBe(8);
    expect(result.map.steps[1]?.waitTime).toBe(480);
  });
});
