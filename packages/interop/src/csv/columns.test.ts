import { describe, expect, it } from 'vitest';
import { matchColumns } from './columns';
import type { CsvField } from './fields';

const noValues = () => [];

/** The field the header alone is matched to, and the unit it names. */
function one(header: string): { field: CsvField | null; unit?: string } {
  const [c] = matchColumns([header], noValues).columns;
  return { field: c?.field ?? null, ...(c?.unitFrom === 'header' ? { unit: c.unit } : {}) };
}

describe('matchColumns: one header', () => {
  it.each<[string, CsvField | null, string?]>([
    ['Role', 'role'],
    ['Swimlane', 'role'],
    ['LANE', 'role'],
    ['who', 'role'],
    ['Actor', 'role'],
    ['Role name', 'role'],
    ['role_id', 'roleId'],
    ['Step', 'label'],
    ['Activity', 'label'],
    ['Task', 'label'],
    ['Label', 'label'],
    ['Name', 'label'],
    ['Description', 'label'],
    ['Step name', 'label'],
    ['Kind', 'kind'],
    ['Step type', 'kind'],
    ['Process time (min)', 'processTime', 'min'],
    ['Process time', 'processTime'],
    ['process_time_min', 'processTime', 'min'],
    ['Touch time', 'processTime'],
    ['PT', 'processTime'],
    ['PT [h]', 'processTime', 'h'],
    ['Cycle time', 'processTime'],
    ['Cycle time in hours', 'processTime', 'h'],
    ['Wait', 'waitTime'],
    ['Wait time', 'waitTime'],
    ['wait_time_min', 'waitTime', 'min'],
    ['Wait (days)', 'waitTime', 'd'],
    ['Delay', 'waitTime'],
    ['Queue time', 'waitTime'],
    ['Attente (jours)', 'waitTime', 'd'],
    ['Attente (en heures)', 'waitTime', 'h'],
    ['Durée (min)', 'processTime', 'min'],
    ['Temps de traitement (semaines)', 'processTime', 'w'],
    ['Wartezeit (Tage)', 'waitTime', 'd'],
    ['Bearbeitungszeit in Stunden', 'processTime', 'h'],
    ['Wartezeit [Wochen]', 'waitTime', 'w'],
    ['Dauer (Minuten)', 'processTime', 'min'],
    ['Espera (días)', 'waitTime', 'd'],
    ['Duración (horas)', 'processTime', 'h'],
    ['Tiempo de espera (minutos)', 'waitTime', 'min'],
    ['Wachttijd (dagen)', 'waitTime', 'd'],
    ['Bewerkingstijd (uren)', 'processTime', 'h'],
    ['Wachttijd (minuten)', 'waitTime', 'min'],
    ['Next', 'next'],
    ['Next step(s)', 'next'],
    ['Next steps', 'next'],
    ['Goes to', 'next'],
    ['After', 'after'],
    ['Previous', 'after'],
    ['Follows', 'after'],
    ['Value', 'valueClass'],
    ['Value class', 'valueClass'],
    ['value_class', 'valueClass'],
    ['VA/NVA', 'valueClass'],
    ['Data entered', 'dataEntered'],
    ['Data keyed', 'dataEntered'],
    ['data_entered', 'dataEntered'],
    ['Systems', 'systems'],
    ['IT systems', 'systems'],
    ['%C&A', 'completeAccurate'],
    ['% C&A', 'completeAccurate'],
    ['C&A', 'completeAccurate'],
    ['Complete and accurate', 'completeAccurate'],
    ['complete_accurate', 'completeAccurate'],
    ['Notes', 'notes'],
    ['Notes (optional)', 'notes'],
    ['Comments', 'notes'],
    ['id', 'id'],
    ['Step #', 'id'],
    ['Step ID', 'id'],
    ['batch_size', 'batchSize'],
    ['process_variation', 'processVariation'],
    ['next_labels', 'nextLabels'],
    ['next_probabilities', 'nextProbabilities'],
    ['role_order', 'roleOrder'],
    ['expected_visits', null],
    ['process_min_per_case', null],
    ['share_of_lead_time', null],
    ['Colour', null],
    ['', null],
  ])('%j → %s %s', (header, field, unit) => {
    expect(one(header)).toEqual({ field, ...(unit ? { unit } : {}) });
  });
});

describe('matchColumns: a whole sheet', () => {
  it('gives each field one column, the best-named first, and the label before anything else', () => {
    const { columns } = matchColumns(['Step', 'Label', 'Description', 'Lane', 'Role'], noValues);
    expect(columns.map((c) => c.field)).toEqual(['id', 'label', 'notes', 'role', null]);
  });

  it('given a Step column of numbers beside a Description, then Description is the label and Step the id', () => {
    const values = (i: number) => (i === 0 ? ['1', '2', '2.1'] : ['Receive form', 'Check form']);
    const { columns } = matchColumns(['Step', 'Description', 'Who'], values);
    expect(columns.map((c) => c.field)).toEqual(['id', 'label', 'role']);
  });

  it('given only a column of numbers that could be the label, then it is the label', () => {
    const values = () => ['1', '2'];
    expect(matchColumns(['Name', 'Size'], values).columns.map((c) => c.field)).toEqual([
      'label',
      null,
    ]);
  });

  it('given an Activity column of kinds of work beside a Task column, then Task is the label and Activity the kind of work', () => {
    const values = (i: number) =>
      i === 0 ? ['work', 'Approval', 'inspection'] : ['Check form', 'Sign'];
    const { columns } = matchColumns(['Activity', 'Task'], values);
    expect(columns.map((c) => c.field)).toEqual(['activity', 'label']);
  });

  it('given an Activity column of step names, then it is the label, not the kind of work', () => {
    const values = () => ['Check form', 'Sign letter', 'Post'];
    expect(matchColumns(['Activity', 'Who'], values).columns.map((c) => c.field)).toEqual([
      'label',
      'role',
    ]);
  });

  it('given labels that happen to be words of a list (In, Work, Out), then the Label column is still the label', () => {
    const values = (i: number) => (i === 1 ? ['In', 'Work', 'Out'] : ['start', 'task', 'end']);
    expect(matchColumns(['kind', 'label'], values).columns.map((c) => c.field)).toEqual([
      'kind',
      'label',
    ]);
  });

  it('given a Type column that holds no step kinds, then it is ignored', () => {
    const values = (i: number) => (i === 1 ? ['Letter', 'Phone call'] : ['A', 'B']);
    expect(matchColumns(['Step', 'Type'], values).columns.map((c) => c.field)).toEqual([
      'label',
      null,
    ]);
    const kinds = (i: number) => (i === 1 ? ['start', 'decision', 'end'] : ['A', 'B', 'C']);
    expect(matchColumns(['Step', 'Type'], kinds).columns.map((c) => c.field)).toEqual([
      'label',
      'kind',
    ]);
  });

  it('applies the caller’s choices first, by header (generously) or place, and takes the field from any column that had it', () => {
    const { columns, unknownOverrides } = matchColumns(
      ['Owner', 'Thing done', 'Label', 'Mins'],
      noValues,
      { 'thing done': 'label', '3': 'processTime', Owner: null, Nope: 'notes' },
    );
    expect(columns.map((c) => c.field)).toEqual([null, 'label', null, 'processTime']);
    expect(columns.map((c) => c.chosen)).toEqual([true, true, false, true]);
    expect(columns[3]?.unit).toBe('min');
    expect(unknownOverrides).toEqual(['Nope']);
  });

  it('reads every time column in a unit, and says whether the caller, the header or the default chose it', () => {
    const { columns, unknownOverrides } = matchColumns(
      ['Step', 'Wait', 'PT (h)', 'Notes'],
      noValues,
      {},
      { Wait: 'd', '2': 'w', Nope: 'h', '3': 'min' },
    );
    expect(columns.map((c) => [c.unit ?? null, c.unitFrom ?? null])).toEqual([
      [null, null],
      ['d', 'chosen'],
      ['w', 'chosen'],
      [null, null],
    ]);
    // A unit for a column that holds no time changes nothing; one for no column is reported.
    expect(unknownOverrides).toEqual(['Nope']);
    const plain = matchColumns(['Step', 'Wait'], noValues).columns[1];
    expect(plain).toMatchObject({ unit: 'min', unitFrom: 'default' });
    const picked = matchColumns(['Step', 'Attente (jours)'], noValues, {
      'Attente (jours)': 'processTime',
    }).columns[1];
    expect(picked).toMatchObject({ field: 'processTime', unit: 'd', unitFrom: 'header' });
  });

  it('refuses a choice of a field that does not exist, as an unknown choice', () => {
    const { columns, unknownOverrides } = matchColumns(['Step'], noValues, {
      Step: 'colour' as CsvField,
    });
    expect(columns[0]?.field).toBe('label');
    expect(unknownOverrides).toEqual(['Step']);
  });
});
