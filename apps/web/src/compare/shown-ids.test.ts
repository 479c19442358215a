import { describe, expect, it } from 'vitest';
import { shownIds } from './shown-ids';
import { referral } from './test-fixtures';

const more = ['b', 'c', 'd'].map((id) => ({ id, name: id, roles: [], steps: [], flows: [] }));

describe('shownIds', () => {
  it('shows the first three scenarios until the user chooses', () => {
    expect(shownIds(referral(more), null)).toEqual(['portal', 'b', 'c']);
  });

  it('keeps the choice, less any scenario deleted since, and never more than three', () => {
    expect(shownIds(referral(more), ['d', 'gone', 'portal'])).toEqual(['d', 'portal']);
    expect(shownIds(referral(more), ['d', 'c', 'b', 'portal'])).toEqual(['d', 'c', 'b']);
  });
});
