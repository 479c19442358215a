import { describe, expect, it } from 'vitest';
import { peopleNews } from './people-news';
import { type Colleague, SOMEONE, whoChanged } from './who-changed';

const person = (clientId: number, name: string, extra: Partial<Colleague> = {}): Colleague => ({
  clientId,
  name,
  viewOnly: false,
  selection: [],
  ...extra,
});

describe('who made a colleague’s change', () => {
  const room = [person(1, 'Me'), person(2, 'Priya'), person(3, 'Sam')];

  it('is whoever’s client wrote the new edits', () => {
    expect(whoChanged({ clients: [3], colleagues: room, ownClient: 1, touched: [] })).toBe('Sam');
    expect(whoChanged({ clients: [2, 3], colleagues: room, ownClient: 1, touched: [] })).toBe(
      'Priya and Sam',
    );
  });

  it('names someone seen earlier whose edits arrive before their presence is back', () => {
    const seen = new Map([[9, 'Bilal']]);
    expect(whoChanged({ clients: [9], colleagues: room, seen, ownClient: 1, touched: [] })).toBe(
      'Bilal',
    );
  });

  it('is “A colleague” for edits of someone never seen here', () => {
    expect(whoChanged({ clients: [9], colleagues: room, ownClient: 1, touched: [] })).toBe(SOMEONE);
  });

  it('puts a deletion down to the one colleague who had the step selected', () => {
    const selecting = [person(2, 'Priya'), person(3, 'Sam', { selection: ['s3'] })];
    expect(whoChanged({ clients: [], colleagues: selecting, ownClient: 1, touched: ['s3'] })).toBe(
      'Sam',
    );
  });

  it('puts a deletion down to the only colleague who can edit, and otherwise to nobody named', () => {
    const one = [person(2, 'Priya'), person(4, 'Viewer', { viewOnly: true })];
    expect(whoChanged({ clients: [], colleagues: one, ownClient: 1, touched: ['s3'] })).toBe(
      'Priya',
    );
    expect(whoChanged({ clients: [], colleagues: room, ownClient: 1, touched: ['s3'] })).toBe(
      SOMEONE,
    );
  });

  it('never names oneself', () => {
    expect(whoChanged({ clients: [1], colleagues: room, ownClient: 1, touched: [] })).toBe(SOMEONE);
  });
});

describe('who came and went', () => {
  it('says joins, leaves and new names, by name', () => {
    const before = new Map([
      [2, 'Priya'],
      [3, 'Guest 412'],
      [4, 'Ola'],
    ]);
    const after = new Map([
      [2, 'Priya'],
      [3, 'Sam'],
      [5, 'Kit'],
    ]);
    expect(peopleNews(before, after)).toEqual([
      { kind: 'renamed-person', from: 'Guest 412', to: 'Sam' },
      { kind: 'joined', who: 'Kit' },
      { kind: 'left', who: 'Ola' },
    ]);
  });

  it('says nothing when someone already here opens a second tab, or a cursor moves', () => {
    const before = new Map([[2, 'Priya']]);
    expect(peopleNews(before, new Map([[2, 'Priya']]))).toEqual([]);
    expect(
      peopleNews(
        before,
        new Map([
          [2, 'Priya'],
          [7, 'Priya'],
        ]),
      ),
    ).toEqual([]);
  });
});
