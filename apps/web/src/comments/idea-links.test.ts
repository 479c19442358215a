import { describe, expect, it } from 'vitest';
import { ideaLinks, takenUpIn } from './idea-links';

const scenarios = [
  { id: 'portal', name: 'To-be portal', ideas: ['c1', 'c2'] },
  { id: 'clerk', name: '  ', ideas: ['c2'] },
  { id: 'bare', name: 'No ideas yet' },
];

describe('ideaLinks', () => {
  it('lists every scenario in order, ticked where it takes the idea up', () => {
    expect(ideaLinks(scenarios, 'c1')).toEqual([
      { scenarioId: 'portal', name: 'To-be portal', linked: true },
      { scenarioId: 'clerk', name: 'Unnamed scenario', linked: false },
      { scenarioId: 'bare', name: 'No ideas yet', linked: false },
    ]);
  });

  it('is empty on a map without scenarios', () => {
    expect(ideaLinks(undefined, 'c1')).toEqual([]);
  });
});

describe('takenUpIn', () => {
  it('names each scenario that takes the idea up', () => {
    expect(takenUpIn(ideaLinks(scenarios, 'c2'))).toBe(
      'Taken up in: To-be portal, Unnamed scenario',
    );
  });

  it('says nothing when no scenario does', () => {
    expect(takenUpIn(ideaLinks(scenarios, 'c9'))).toBeNull();
  });
});
