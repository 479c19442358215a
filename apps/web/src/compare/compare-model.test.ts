import { describe, expect, it } from 'vitest';
import { CompareCache } from './compare-cache';
import { metricRows, roleRows, signedChange, verdictWords } from './compare-model';
import { referral } from './test-fixtures';

const columns = () => new CompareCache().columns(referral(), ['portal']);
const row = (key: string) => metricRows(columns()).find((r) => r.key === key);

describe('metricRows', () => {
  it('gives every headline metric, the as-is first, in the descriptors’ order', () => {
    const rows = metricRows(columns());
    expect(rows[0]?.label).toBe('Lead time');
    expect(rows.map((r) => r.cells.length)).toEqual(rows.map(() => 2));
  });

  it('says a shorter lead time is better, with its arrow and the change', () => {
    const lead = row('leadTime');
    expect(lead?.cells[0]).toEqual({ text: '1 h 45 min' });
    expect(lead?.cells[1]).toEqual({
      text: '35 min',
      change: '↓ −1 h 10 min',
      verdict: 'better',
      words: 'better',
    });
  });

  it('halves the cost per case and drops the handoff', () => {
    expect(row('costPerCase')?.cells.map((c) => [c.text, c.words])).toEqual([
      ['£10.00', undefined],
      ['£5.00', 'better'],
    ]);
    expect(row('handoffs')?.cells[1]?.verdict).toBe('better');
  });

  it('says “worse” when a scenario moves the wrong way', () => {
    const rows = metricRows(columns().reverse());
    expect(rows.find((r) => r.key === 'leadTime')?.cells[1]).toMatchObject({
      change: '↑ +1 h 10 min',
      verdict: 'worse',
      words: 'worse',
    });
  });
});

describe('roleRows', () => {
  it('gives each role’s utilisation and its change; a role left with no work is not “better”', () => {
    const rows = roleRows(columns());
    const clerk = rows.find((r) => r.label === 'Clerk');
    // 24 cases a day × 10 min for two clerks over a 7.5 h day: 26.7%; none in the portal.
    expect(clerk?.cells[0]?.text).toBe('26.7%');
    expect(clerk?.cells[1]).toMatchObject({
      text: '0%',
      change: '↓ −26.7 pts',
      verdict: 'idle',
      words: 'no work left',
    });
    expect(rows.map((r) => r.label)).toEqual(['Clerk', 'Nurse']);
  });
});

describe('verdict words and changes', () => {
  it('never leaves a verdict to colour alone', () => {
    expect(
      ['better', 'worse', 'same', 'neither', 'unknown', 'idle'].map((v) =>
        verdictWords(v as never),
      ),
    ).toEqual([
      'better',
      'worse',
      'no change',
      'neither better nor worse',
      'not comparable',
      'no work left',
    ]);
  });

  it('writes shares in points and money with its sign', () => {
    expect(signedChange('share', 0.095, { hoursPerDay: 7.5 })).toBe('↑ +9.5 pts');
    expect(signedChange('money', -5, { hoursPerDay: 7.5, currency: 'GBP' })).toBe('↓ −£5.00');
  });
});

describe('a figure neither process has', () => {
  it('says n/a with no verdict', () => {
    // No step says how often its input is right first time, in either process.
    const cells = row('rolledCompleteAccurate')?.cells;
    expect(cells).toEqual([{ text: 'n/a' }, { text: 'n/a' }]);
  });
});
