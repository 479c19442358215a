import { describe, expect, it } from 'vitest';
import { findingsText, SEVERITY_SYMBOLS, SEVERITY_WORDS } from './severity';

describe('a finding’s severity is told by a symbol and a word, not by colour alone', () => {
  it('gives each severity its own symbol and its own word', () => {
    expect(SEVERITY_SYMBOLS).toEqual({ critical: '!', warning: '▲', info: 'i' });
    expect(new Set(Object.values(SEVERITY_SYMBOLS)).size).toBe(3);
    expect(SEVERITY_WORDS).toEqual({ critical: 'high', warning: 'medium', info: 'low' });
  });

  it('says how many findings name a step and the worst of them', () => {
    expect(findingsText(2, 'critical')).toBe('2 findings, worst high');
    expect(findingsText(5, 'warning')).toBe('5 findings, worst medium');
    expect(findingsText(1, 'info')).toBe('1 finding, low');
    expect(findingsText(3, null)).toBe('3 findings');
  });
});
