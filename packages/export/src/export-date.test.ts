import { describe, expect, it } from 'vitest';
import { formatExportDate } from './index';

describe('formatExportDate', () => {
  it('writes a day as "29 November 2026": day, month in words, year', () => {
    expect(formatExportDate(new Date(2026, 10, 29, 12))).toBe('29 November 2026');
    expect(formatExportDate(new Date(2027, 0, 1, 0, 0))).toBe('1 January 2027');
  });

  it('is the wording toLocaleDateString gives for the same options, as the editor printed it', () => {
    const at = new Date(2026, 1, 3, 23, 59);
    const options = { day: 'numeric', month: 'long', year: 'numeric' } as const;
    expect(formatExportDate(at)).toBe(at.toLocaleDateString('en-GB', options));
  });
});
