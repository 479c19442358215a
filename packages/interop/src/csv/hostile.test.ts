import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../imported';
import { importCsv } from './import-csv';

/* Sheets that try to break the import, and what it does with each (docs/interop/csv.md). */

function imported(text: string) {
  const result = importCsv(text);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  expect(validateMap(result.map).ok).toBe(true);
  return result;
}

const labels = (text: string) => imported(text).map.steps.map((s) => s.label);
const note = (result: ReturnType<typeof imported>, code: string) =>
  result.notes.find((n) => n.code === code);

describe('formulas', () => {
  it('keeps formulas as the plain text of labels, notes and lanes, and counts them in a note', () => {
    const result = imported(
      [
        'Role,Step,Notes',
        '@SUM(A1),"=HYPERLINK(""http://evil.example"",""Click"")",+cmd|\' /C calc\'!A0',
        'Clerk,-2+3,=1+1',
        'Clerk,@SUM(A1:A9),',
      ].join('\r\n'),
    );
    const steps = result.map.steps.filter((s) => s.kind === 'task');
    expect(steps.map((s) => s.label)).toEqual([
      '=HYPERLINK("http://evil.example","Click")',
      '-2+3',
      '@SUM(A1:A9)',
    ]);
    expect(steps.map((s) => s.notes)).toEqual(["+cmd|' /C calc'!A0", '=1+1', undefined]);
    expect(result.map.roles.map((r) => r.name)).toEqual(['@SUM(A1)', 'Clerk']);
    expect(note(result, 'formulas-as-text')?.count).toBe(6);
  });

  it('takes off only the quote the export puts before a formula, keeping any other quote', () => {
    const result = imported(
      ['Step,Notes', "'=1+1,'tis the season", "'-3,''quoted twice", "''=x,'"].join('\n'),
    );
    expect(
      result.map.steps.filter((s) => s.kind === 'task').map((s) => [s.label, s.notes]),
    ).toEqual([
      ['=1+1', "'tis the season"],
      ['-3', "''quoted twice"],
      ["''=x", "'"],
    ]);
  });
});

describe('quotes and line breaks', () => {
  it('reads quoted cells holding commas, doubled quotes and line breaks', () => {
    expect(
      labels('Step,Role\r\n"Check, then sign",A\r\n"Say ""yes""",A\r\n"Two\r\nlines",A\r\n'),
    ).toEqual(['Start', 'Check, then sign', 'Say "yes"', 'Two\r\nlines', 'End']);
  });

  it('counts rows as a spreadsheet does: a cell with a line break is still one row', () => {
    const result = imported('Step,Kind\r\n"a\nb",task\r\nc,bogus\r\n');
    expect(note(result, 'unknown-kind')?.message).toContain('row 3');
  });

  it('refuses a quote that is never closed, with its line, rather than read the rest as one cell', () => {
    const result = importCsv('Step,Role\nA,B\n"C,D\nE,F\n');
    expect(result).toMatchObject({ ok: false, code: 'malformed', line: 3 });
  });
});

describe('size', () => {
  it('imports 10,000 rows, each step after the one before', () => {
    const rows = ['Role,Step,Process time,Next'];
    for (let i = 1; i <= 10_000; i++) {
      rows.push(`Role ${i % 7},Step ${i},${i % 30} min,${i < 10_000 ? `Step ${i + 1}` : ''}`);
    }
    const result = imported(rows.join('\n'));
    expect(result.map.steps).toHaveLength(10_002);
    expect(result.map.flows).toHaveLength(10_001);
    expect(result.map.roles).toHaveLength(7);
    expect(note(result, 'roles-created')?.message).toBe('7 roles created from the "Role" column.');
  });

  it('imports 10,000 rows that share one label and each name it, and a cell of 20,000 unknown names, each reported', () => {
    const rows = ['Step,After'];
    for (let i = 0; i < 10_000; i++) rows.push('Same,Same');
    rows.push(`Other,"${Array.from({ length: 20_000 }, (_, i) => `n${i}`).join(',')}"`);
    const result = imported(rows.join('\n'));
    expect(result.map.steps).toHaveLength(10_003);
    expect(note(result, 'ambiguous-step')?.count).toBe(10_000);
    expect(note(result, 'unknown-step')?.count).toBe(20_000);
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = `Step\n${'x'.repeat(MAX_IMPORT_BYTES)}`;
    expect(importCsv(big)).toMatchObject({ ok: false, code: 'too-large' });
  });
});

describe('empty and unrecognised files', () => {
  it.each(['', '\uFEFF', '\r\n\r\n', ' , ,\n'])('refuses %j as empty', (text) => {
    expect(importCsv(text)).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses a header with no rows below it', () => {
    expect(importCsv('Step,Role\n')).toMatchObject({ ok: false, code: 'empty' });
  });

  it('refuses a sheet with no label column, naming the headers it found', () => {
    const result = importCsv('Colour,Size\nred,3\n');
    expect(result).toMatchObject({ ok: false, code: 'not-recognised', line: 1 });
    expect(!result.ok && result.message).toContain('"Colour", "Size"');
  });

  it('imports it once the caller says which column is the label', () => {
    const result = importCsv('Colour,Size\nred,3\n', { columns: { Colour: 'label' } });
    expect(result.ok && result.map.steps.map((s) => s.label)).toEqual(['Start', 'red', 'End']);
  });
});

describe('roles', () => {
  it('makes a role for every role name seen, once whatever its case, and says how many', () => {
    const result = imported(
      'Role,Step\nGP,a\nNurse,b\ngp ,c\nPorter,d\nWard clerk,e\nWard clerk,f\n',
    );
    expect(result.map.roles.map((r) => [r.id, r.name])).toEqual([
      ['gp', 'GP'],
      ['nurse', 'Nurse'],
      ['porter', 'Porter'],
      ['ward-clerk', 'Ward clerk'],
    ]);
    expect(note(result, 'roles-created')).toMatchObject({
      count: 4,
      message: '4 roles created from the "Role" column.',
    });
  });

  it('puts a step with no role in Unassigned, and says which rows', () => {
    const result = imported('Role,Step\nGP,a\n,b\n');
    expect(result.map.steps.find((s) => s.label === 'b')?.roleId).toBe('unassigned');
    expect(note(result, 'no-role')?.message).toContain('row 3');
  });

  it('gives roles whose names make the same id ids of their own', () => {
    const result = imported('Role,Step\nA & B,a\nA/B,b\n=,c\n');
    expect(result.map.roles.map((r) => r.id)).toEqual(['a-b', 'a-b-2', 'role']);
  });
});

describe('labels and ids', () => {
  it('keeps steps that share a label apart, and a next naming that label goes to the first of them', () => {
    const result = imported('Step,Next\nCheck,Fix\nFix,Check\nCheck,\n');
    const tasks = result.map.steps.filter((s) => s.kind === 'task');
    expect(tasks.map((s) => s.label)).toEqual(['Check', 'Fix', 'Check']);
    const [first, fix] = tasks;
    expect(result.map.flows).toContainEqual(
      expect.objectContaining({ from: fix?.id, to: first?.id }),
    );
    expect(note(result, 'ambiguous-step')?.message).toContain('row 3');
  });

  it('skips rows without a label and names them', () => {
    const result = imported('Step,Role\na,X\n,X\n  ,Y\nb,X\n');
    expect(result.map.steps.map((s) => s.label)).toEqual(['Start', 'a', 'b', 'End']);
    expect(note(result, 'no-label')).toMatchObject({
      count: 2,
      message: '2 rows without a step label skipped (rows 3, 4).',
    });
  });

  it('gives a repeated id a new one that no row uses', () => {
    const result = imported('id,Step\ns1,a\ns1,b\ns2,c\n');
    expect(result.map.steps.filter((s) => s.kind === 'task').map((s) => s.id)).toEqual([
      's1',
      's3',
      's2',
    ]);
    expect(note(result, 'duplicate-id')?.message).toContain('row 3');
  });

  it('cuts a label over the length limit and keeps it whole in the notes', () => {
    const long = 'x'.repeat(600);
    const step = imported(`Step\n${long}\n`).map.steps[1];
    expect(step?.label).toHaveLength(500);
    expect(step?.notes).toBe(long);
  });
});

describe('next and after', () => {
  it('reports a next naming no step and still imports the rest', () => {
    const result = imported('Step,Next\na,b\nb,Nowhere; a\n');
    const flows = result.map.flows.map((f) => `${f.from}>${f.to}`);
    expect(flows).toContain('s1>s2');
    expect(flows).toContain('s2>s1');
    expect(note(result, 'unknown-step')?.message).toContain('row 3');
  });

  it('links by id, by label whatever its case, and by step number in a sheet without ids', () => {
    const result = imported('Step,After\nReceive,\nCheck,receive\nSend,2\n');
    const flows = result.map.flows.map((f) => `${f.from}>${f.to}`);
    expect(flows).toEqual(expect.arrayContaining(['s1>s2', 's2>s3']));
    expect(note(result, 'step-numbers')?.count).toBe(1);
  });

  it('takes a label holding a comma whole before splitting the cell on commas', () => {
    const result = imported(
      'Step,Next\n"Check, sign","Post, file"\n"Post, file",\nA,"Check, sign, Nowhere, Post, file"\n',
    );
    const flows = result.map.flows.map((f) => `${f.from}>${f.to}`);
    expect(flows).toEqual(expect.arrayContaining(['s1>s2', 's3>s1', 's3>s2']));
    expect(note(result, 'unknown-step')).toMatchObject({ count: 1 });
    expect(note(result, 'unknown-step')?.message).toContain('row 4');
  });

  it('gives a decision its branch labels and probabilities, and leaves out those that do not line up', () => {
    const result = imported(
      [
        'id,Step,Kind,Next,Next labels,Probability',
        'a,Start,start,d,,',
        'd,Urgent?,decision,x; y,Yes; No,20%; 0.8',
        'x,See now,task,z,,',
        'y,Book,task,z,One; Two,',
        'z,Done,end,,,',
      ].join('\n'),
    );
    expect(result.map.flows.filter((f) => f.from === 'd')).toEqual([
      expect.objectContaining({ to: 'x', label: 'Yes', probability: 0.2 }),
      expect.objectContaining({ to: 'y', label: 'No', probability: 0.8 }),
    ]);
    expect(result.map.flows.find((f) => f.from === 'y')).not.toHaveProperty('label');
    expect(note(result, 'mismatched-branches')?.message).toContain('row 5');
  });
});
