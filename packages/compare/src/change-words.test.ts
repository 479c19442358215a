import { describe, expect, it } from 'vitest';
import { type ChangeContext, describeFieldChange, describeMove, fieldWord } from './change-words';

const context: ChangeContext = {
  hoursPerDay: 7.5,
  currency: 'GBP',
  roleName: (id) => ({ clerk: 'Clerk', nurse: 'Nurse' })[id],
  stepLabel: (id) => ({ key: 'Key in', check: 'Check' })[id],
};

describe('fieldWord', () => {
  it('names a field as the properties panel labels it, lower-cased', () => {
    expect(fieldWord('steps', 'processTime')).toBe('process time');
    expect(fieldWord('steps', 'waitTime')).toBe('wait before');
    expect(fieldWord('steps', 'label')).toBe('name');
    expect(fieldWord('steps', 'roleId')).toBe('lane');
    expect(fieldWord('steps', 'completeAccurate')).toBe('% complete and accurate');
    expect(fieldWord('steps', 'processVariation')).toBe('process time varies');
    expect(fieldWord('steps', 'waitVariation')).toBe('wait varies');
    expect(fieldWord('steps', 'dataEntered')).toBe('data entered');
    expect(fieldWord('roles', 'headcount')).toBe('people');
    expect(fieldWord('roles', 'hourlyCost')).toBe('hourly cost');
    expect(fieldWord('flows', 'probability')).toBe('share of cases');
  });

  it('keeps a field it does not know by its own name, even one named like an Object method', () => {
    expect(fieldWord('steps', 'somethingNew')).toBe('somethingNew');
    expect(fieldWord('roles', 'toString')).toBe('toString');
  });
});

describe('describeFieldChange', () => {
  it('writes durations as the analysis does, in the map’s working day', () => {
    expect(describeFieldChange('steps', 'waitTime', 120, 30, context)).toBe(
      'wait before 2 h → 30 min',
    );
    expect(describeFieldChange('steps', 'processTime', 6, 4, context)).toBe(
      'process time 6 min → 4 min',
    );
    expect(describeFieldChange('steps', 'waitTime', 900, undefined, context)).toBe(
      'wait before 2 d → none',
    );
  });

  it('writes shares as %, money in the currency, people as a count', () => {
    expect(describeFieldChange('steps', 'completeAccurate', 0.6, 0.95, context)).toBe(
      '% complete and accurate 60% → 95%',
    );
    expect(describeFieldChange('flows', 'probability', 0.25, 0.5, context)).toBe(
      'share of cases 25% → 50%',
    );
    expect(describeFieldChange('roles', 'hourlyCost', 30, 32.5, context)).toBe(
      'hourly cost £30.00 → £32.50',
    );
    expect(describeFieldChange('roles', 'headcount', 2, 1, context)).toBe('people 2 → 1');
  });

  it('names lanes by their role and a flow’s ends by their steps', () => {
    expect(describeFieldChange('steps', 'roleId', 'clerk', 'nurse', context)).toBe(
      'lane Clerk → Nurse',
    );
    expect(describeFieldChange('flows', 'from', 'key', 'check', context)).toBe(
      'from “Key in” → “Check”',
    );
  });

  it('quotes names, joins lists and says how a time varies', () => {
    expect(describeFieldChange('steps', 'label', 'Key in', 'Scan', context)).toBe(
      'name “Key in” → “Scan”',
    );
    expect(describeFieldChange('steps', 'systems', ['PAS', 'paper'], ['PAS'], context)).toBe(
      'systems PAS, paper → PAS',
    );
    expect(describeFieldChange('steps', 'dataEntered', undefined, ['NHS number'], context)).toBe(
      'data entered none → NHS number',
    );
    expect(
      describeFieldChange(
        'steps',
        'processVariation',
        undefined,
        { distribution: 'triangular', min: 4, max: 90 },
        context,
      ),
    ).toBe('process time varies always the same → triangular, 4 min to 1 h 30 min');
  });

  it('says the field alone when a value is better left unsaid', () => {
    expect(describeFieldChange('steps', 'notes', 'a', 'b', context)).toBe('notes');
    expect(describeFieldChange('roles', 'color', '#fff', '#000', context)).toBe('colour');
    expect(describeFieldChange('steps', 'extra', { a: 1 }, { a: 2 }, context)).toBe('extra');
    expect(describeFieldChange('steps', 'extra', 1, 2, context)).toBe('extra 1 → 2');
  });

  it('says a move as a sentence', () => {
    expect(describeMove('Clerk', 'Nurse')).toBe('moves from Clerk to Nurse');
  });
});
