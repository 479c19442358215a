import { validateMap } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { previewCsv } from './preview-csv';
import { parseTime } from './times';

/*
 * A French sheet's "Attente (jours)" read in days, a unit chosen per column, the notes the
 * review shows before the map is created, steps that go several ways, and role ids made from
 * accented names.
 */

const FRENCH = [
  'Rôle;Étape;Attente (jours);Durée',
  'Médecin;Écrire la lettre;0,5;10',
  'Secrétariat;Fixer le rendez-vous;2;5',
].join('\n');

const settings = { hoursPerDay: 7.5, daysPerWeek: 5, decimalComma: true };

describe('units of time in other languages', () => {
  it.each([
    ['2 jours', 2 * 450],
    ['1 j', 450],
    ['3 heures', 180],
    ['1 semaine', 5 * 450],
    ['2 Tage', 900],
    ['1,5 Std', 90],
    ['30 Minuten', 30],
    ['1 Woche', 2250],
    ['2 días', 900],
    ['1 hora', 60],
    ['45 minutos', 45],
    ['2 dagen', 900],
    ['3 uren', 180],
    ['1 uur 30 min', 90],
  ])('reads %j as %d minutes', (cell, minutes) => {
    expect(parseTime(cell, undefined, settings)).toEqual({ ok: true, minutes });
  });

  it('reads a French sheet’s "Attente (jours)" in days and says so in the preview', () => {
    const preview = previewCsv(FRENCH);
    const wait = preview.columns.find((c) => c.header === 'Attente (jours)');
    expect(wait).toMatchObject({ field: 'waitTime', unit: 'd', unitFrom: 'header' });
    expect(preview.columns.find((c) => c.header === 'Durée')).toMatchObject({
      field: 'processTime',
      unit: 'min',
      unitFrom: 'default',
    });
    const result = importCsv(FRENCH);
    if (!result.ok) throw new Error(result.message);
    const first = result.map.steps.find((s) => s.label === 'Écrire la lettre');
    // Half a working day of 7.5 hours.
    expect(first?.waitTime).toBe(225);
  });

  it('reads bare numbers in the unit the caller chose for a column, in the preview and the import', () => {
    const units = { Durée: 'h', '2': 'w' } as const;
    const preview = previewCsv(FRENCH, { units });
    expect(preview.columns.map((c) => [c.unit ?? null, c.unitFrom ?? null])).toEqual([
      [null, null],
      [null, null],
      ['w', 'chosen'],
      ['h', 'chosen'],
    ]);
    const result = importCsv(FRENCH, { units });
    if (!result.ok) throw new Error(result.message);
    const first = result.map.steps.find((s) => s.label === 'Écrire la lettre');
    expect(first).toMatchObject({ processTime: 600, waitTime: 0.5 * 5 * 450 });
  });

  it('reports a unit chosen for no column', () => {
    expect(previewCsv(FRENCH, { units: { Nowhere: 'h' } }).unknownOverrides).toEqual(['Nowhere']);
  });
});

describe('role ids from accented names', () => {
  it('drops the accents rather than splitting the word', () => {
    const result = importCsv(FRENCH);
    if (!result.ok) throw new Error(result.message);
    expect(result.map.roles.map((r) => r.id)).toEqual(['medecin', 'secretariat']);
  });
});

describe('the notes, in the preview as in the import', () => {
  it('gives the preview the notes the import gives', () => {
    const sheet = 'Step,Next\n=SUM(A1),2\nCheck,\n';
    const preview = previewCsv(sheet);
    const result = importCsv(sheet);
    if (!result.ok) throw new Error(result.message);
    expect(preview.notes).toEqual(result.notes);
    expect(preview.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['formulas-as-text', 'start-added', 'step-numbers']),
    );
  });

  it('says plainly that step numbers count the step rows, not the spreadsheet’s rows', () => {
    const preview = previewCsv('Step,Next\nA,2\nB,3\nC,\n');
    const note = preview.notes.find((n) => n.code === 'step-numbers');
    expect(note).toMatchObject({ count: 2 });
    expect(note?.message).toContain('1 is the first step row');
    expect(note?.message).toContain("not the spreadsheet's row number");
    expect(note?.message).toContain("the sheet's row 2");
  });

  it('notes a step in the middle of a chain with no next, which leaves the start two ways', () => {
    const sheet = 'Step,Next\nA,B\nB,\nC,D\nD,\n';
    const result = importCsv(sheet);
    if (!result.ok) throw new Error(result.message);
    const codes = result.notes.map((n) => n.code);
    expect(codes).toContain('leads-nowhere');
    expect(codes).toContain('several-first-steps');
    expect(result.notes.find((n) => n.code === 'leads-nowhere')?.message).toContain('row 3');
    expect(result.notes.find((n) => n.code === 'several-first-steps')?.message).toContain('row 4');
    // A chain without a gap gets neither.
    const whole = importCsv('Step,Next\nA,B\nB,C\nC,\n');
    expect(whole.ok && whole.notes.map((n) => n.code)).not.toContain('leads-nowhere');
    expect(whole.ok && whole.notes.map((n) => n.code)).not.toContain('several-first-steps');
  });
});

describe('a step of no kind with several next steps', () => {
  const SHEET = [
    'Step,Kind,Next',
    'Referral complete?,,Triage; Ask GP',
    'Triage,,Book; Call',
    'Ask GP,,Book',
    'Book,,',
    'Call,,',
    'Urgent?,task,Book; Call',
  ].join('\n');

  it('is a decision when its label asks a question, else parallel work, each said in a note', () => {
    const result = importCsv(SHEET);
    if (!result.ok) throw new Error(result.message);
    const kind = (label: string) => result.map.steps.find((s) => s.label === label)?.kind;
    expect(kind('Referral complete?')).toBe('decision');
    expect(kind('Triage')).toBe('task');
    // The kind the sheet gives is kept.
    expect(kind('Urgent?')).toBe('task');
    const note = (code: string) => result.notes.find((n) => n.code === code);
    expect(note('question-decisions')).toMatchObject({
      count: 1,
      message: '1 step with several next steps and a question for a name read as a decision.',
    });
    expect(note('parallel-work')).toMatchObject({
      count: 1,
      message:
        '1 step with several next steps read as parallel work: give it the kind decision if only one is taken.',
    });
    expect(validateMap(result.map).ok).toBe(true);
  });
});
