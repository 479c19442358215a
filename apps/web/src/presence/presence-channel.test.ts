import { describe, expect, it } from 'vitest';
import { MAX_SHARED_SELECTION, sharedSelection } from './presence-channel';

describe('sharedSelection', () => {
  it('shares a small selection whole', () => {
    expect(sharedSelection(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('shares at most MAX_SHARED_SELECTION ids, and at most 16,000 characters of them', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `step-${i}`);
    expect(sharedSelection(many)).toEqual(many.slice(0, MAX_SHARED_SELECTION));
    const long = Array.from({ length: 100 }, (_, i) => `${i}-${'x'.repeat(996)}`);
    const shared = sharedSelection(long);
    expect(shared.length).toBe(15);
    // The presence state stays well inside the server's 32 KiB limit.
    expect(JSON.stringify({ selection: shared }).length).toBeLessThan(16_100);
  });
});
