import type { Scenario } from '@procmap/model';

/*
 * Which scenarios take up an idea (SIMULATION.md, a scenario's `ideas`): what an idea's card
 * says ("Taken up in: To-be portal") and the choices its link menu ticks.
 */

export interface IdeaLink {
  readonly scenarioId: string;
  readonly name: string;
  /** Whether this scenario lists the idea among those it puts into practice. */
  readonly linked: boolean;
}

/** Every scenario of the map, in its order, with whether it takes up `commentId`. */
export function ideaLinks(
  scenarios: readonly Pick<Scenario, 'id' | 'name' | 'ideas'>[] | undefined,
  commentId: string,
): IdeaLink[] {
  return (scenarios ?? []).map((s) => ({
    scenarioId: s.id,
    name: s.name.trim() || 'Unnamed scenario',
    linked: (s.ideas ?? []).includes(commentId),
  }));
}

/** The line an idea's card shows: "Taken up in: To-be portal, Clerk on Mondays", or null. */
export function takenUpIn(links: readonly IdeaLink[]): string | null {
  const names = links.filter((l) => l.linked).map((l) => l.name);
  return names.length === 0 ? null : `Taken up in: ${names.join(', ')}`;
}
