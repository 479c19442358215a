import type { ProcessMap } from '@procmap/model';

/** How many scenarios are shown beside the as-is at once. */
export const MOST_SHOWN = 3;

/** The scenarios to show: those chosen that the map still has, else the first three. */
export function shownIds(map: ProcessMap, chosen: readonly string[] | null): string[] {
  const ids = (map.scenarios ?? []).map((s) => s.id as string);
  if (chosen === null) return ids.slice(0, MOST_SHOWN);
  return chosen.filter((id) => ids.includes(id)).slice(0, MOST_SHOWN);
}
