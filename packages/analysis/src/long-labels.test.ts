import { MAX_LABEL_LENGTH } from '@procmap/model';
import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { straightLine } from './test-helpers';

describe('findings quote long names shortened', () => {
  it('cuts a step label of the full allowed length to a short quote with "…"', () => {
    const map = straightLine();
    const long = `Book clinic ${'and chase the missing paperwork '.repeat(20)}`.slice(
      0,
      MAX_LABEL_LENGTH,
    );
    const steps = map.steps.map((s) => (s.id === 'book' ? { ...s, label: long } : s));
    const result = analyze({ ...map, steps });
    const about = result.findings.filter((f) => f.stepIds.includes('book' as never));
    expect(about.length).toBeGreaterThan(0);
    for (const finding of about) {
      expect(finding.message).not.toContain(long);
      expect(finding.message).toMatch(/“Book clinic and chase[^”]*…”/);
    }
  });
});
