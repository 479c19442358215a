import { describe, expect, it } from 'vitest';
import { formatShare } from './format';

describe('formatShare', () => {
  it('gives one decimal, as the report does, so a tiny efficiency does not read as none', () => {
    expect(formatShare(0.001)).toBe('0.1%');
    expect(formatShare(0.1083)).toBe('10.8%');
    expect(formatShare(0.05)).toBe('5%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0)).toBe('0%');
  });

  it('shows a dash for no figure', () => {
    expect(formatShare(null)).toBe('—');
    expect(formatShare(Number.NaN)).toBe('—');
  });
});
