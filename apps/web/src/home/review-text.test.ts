import { CSV_FIELDS } from '@procmap/interop';
import { describe, expect, it } from 'vitest';
import {
  countsText,
  FIELD_NAMES,
  jsonErrorPlace,
  overrideKey,
  problemText,
  refusalAdvice,
  refusalText,
  titleFromFileName,
  unitChoices,
} from './review-text';

describe('the words of an import', () => {
  it('puts a refusal’s place first, as much of it as is known', () => {
    expect(refusalText({ message: 'DOCTYPE refused.', line: 3, column: 1 })).toBe(
      'Line 3, column 1: DOCTYPE refused.',
    );
    expect(refusalText({ message: 'No label column.', line: 1 })).toBe('Line 1: No label column.');
    expect(refusalText({ message: 'The file is empty.' })).toBe('The file is empty.');
  });

  it('counts roles, steps and flows in the singular and the plural', () => {
    expect(countsText({ roles: 1, steps: 1, flows: 1 })).toBe('1 role (lane), 1 step and 1 flow');
    expect(countsText({ roles: 3, steps: 12_000, flows: 0 })).toBe(
      '3 roles (lanes), 12,000 steps and 0 flows',
    );
  });

  it('names a row’s problem by its row, once', () => {
    expect(problemText({ row: 3, message: 'Row 3: "x" is not a time.' })).toBe(
      'Row 3: "x" is not a time.',
    );
    expect(problemText({ row: 7, message: 'No label.' })).toBe('Row 7: No label.');
  });

  it('makes a title of a file’s name without its folder and extension', () => {
    expect(titleFromFileName('Outpatient referral.bpmn')).toBe('Outpatient referral');
    expect(titleFromFileName('C:\\maps\\discharge.procmap.json')).toBe('discharge');
    expect(titleFromFileName('flow.bpmn20.xml')).toBe('flow');
    expect(titleFromFileName('steps.v2.csv')).toBe('steps.v2');
    expect(titleFromFileName('.csv')).toBe('');
  });
});

describe('the columns of a spreadsheet', () => {
  it('has a name for every field a column can hold, and no other', () => {
    expect(Object.keys(FIELD_NAMES).sort()).toEqual([...CSV_FIELDS].sort());
    expect(new Set(Object.values(FIELD_NAMES)).size).toBe(CSV_FIELDS.length);
  });

  it('keys a choice by the column’s header, or by its place when the header is not unique', () => {
    const headers = ['Step', 'Owner', 'Notes', 'Notes', ''];
    expect(overrideKey(1, headers)).toBe('Owner');
    expect(overrideKey(2, headers)).toBe('2');
    expect(overrideKey(3, headers)).toBe('3');
    expect(overrideKey(4, headers)).toBe('4');
  });
});

describe('a JSON file that does not parse', () => {
  it('gives the line and column of the engine’s position, when its message has one', () => {
    expect(
      jsonErrorPlace('Unexpected token } in JSON at position 12', '{"a": 1,\n "b": }'),
    ).toEqual({
      line: 2,
      column: 4,
    });
    expect(jsonErrorPlace('Bad escaped character (line 4 column 9)', '')).toEqual({
      line: 4,
      column: 9,
    });
    expect(jsonErrorPlace('Unexpected end of JSON input', '{')).toBeUndefined();
  });

  it('says "Fix the file, or export it again" once: not when the refusal already says it', () => {
    expect(refusalAdvice('The file is empty.')).toBe(
      'Nothing was created. Fix the file, or export it again from the tool that made it.',
    );
    const said =
      'This file is not well-formed XML: a tag is out of place. Fix the file, or export it again from the modelling tool.';
    expect(refusalAdvice(said)).toBe('Nothing was created.');
  });

  it('offers minutes, hours, days and weeks for bare numbers, and seconds only when read in them', () => {
    expect(unitChoices('min')).toEqual(['min', 'h', 'd', 'w']);
    expect(unitChoices('d')).toEqual(['min', 'h', 'd', 'w']);
    expect(unitChoices('s')).toEqual(['s', 'min', 'h', 'd', 'w']);
  });
});
