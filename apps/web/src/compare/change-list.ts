import type { FormatSettings } from '@procmap/analysis';
import { describeChanges, describeMove } from '@procmap/compare';
import { type Comment, type MapChanges, type ProcessMap, votesOf } from '@procmap/model';

/*
 * What a scenario changes from the as-is, by step, in the words on the map: step labels (never
 * ids), lane names, and each changed field in the compare package's words with its values
 * ("wait before 2 h → 30 min"), as `procmap compare` and the report say it. A step moved to
 * another lane is said on its own line: it is the change people ask about first.
 */

export interface ChangeGroup {
  /** "Steps added", "Steps removed", "Steps moved to another lane", "Steps changed", "Lanes", "Flows". */
  readonly title: string;
  readonly lines: readonly string[];
}

const quoted = (label: string | undefined) => `“${(label ?? '').trim() || 'Unnamed step'}”`;
const laneOf = (name: string) => name.trim() || 'an unnamed lane';

/** The groups of changes from `asIs` to `scenario`, empty groups left out. */
export function changeGroups(
  asIs: ProcessMap,
  scenario: ProcessMap,
  changes: MapChanges,
  format: FormatSettings,
): ChangeGroup[] {
  const { steps, flows, roles } = describeChanges(asIs, scenario, changes, format);
  const stepIn = (s: { label: string; lane: string }) => `${quoted(s.label)} in ${laneOf(s.lane)}`;
  const moved: string[] = [];
  const changed: string[] = [];
  for (const s of steps.changed) {
    if (s.movedFrom !== undefined) {
      moved.push(`${quoted(s.label)} ${describeMove(laneOf(s.movedFrom), laneOf(s.lane))}`);
    }
    if (s.described.length > 0) changed.push(`${quoted(s.label)}: ${s.described.join('; ')}`);
  }
  const flowCount = (n: number, what: string) =>
    n === 0 ? [] : [`${n} ${n === 1 ? 'flow' : 'flows'} ${what}`];
  const groups: ChangeGroup[] = [
    { title: 'Steps added', lines: steps.added.map(stepIn) },
    { title: 'Steps removed', lines: steps.removed.map(stepIn) },
    { title: 'Steps moved to another lane', lines: moved },
    { title: 'Steps changed', lines: changed },
    {
      title: 'Lanes',
      lines: [
        ...roles.added.map((r) => `New lane: ${laneOf(r.name)}`),
        ...roles.removed.map((r) => `No longer involved: ${laneOf(r.name)}`),
        ...roles.changed.map((r) => `${laneOf(r.name)}: ${r.described.join('; ')}`),
      ],
    },
    {
      title: 'Flows',
      lines: [
        ...flowCount(flows.added.length, 'added'),
        ...flowCount(flows.removed.length, 'removed'),
        ...flows.changed.map(
          (f) => `${quoted(f.from)} → ${quoted(f.to)}: ${f.described.join('; ')}`,
        ),
      ],
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}

/** An idea a scenario takes up, with the votes the room placed on it. */
export interface IdeaLine {
  readonly id: string;
  readonly text: string;
  /** "3 votes", "1 vote", "no votes". */
  readonly votes: string;
}

/** The ideas a scenario takes up, most votes first (ties in the scenario's order); missing ones left out. */
export function ideaLines(ids: readonly string[], comments: readonly Comment[]): IdeaLine[] {
  const byId = new Map(comments.map((c) => [c.id as string, c]));
  return ids
    .flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ id, text: c.text, n: votesOf(c) }] : [];
    })
    .sort((a, b) => b.n - a.n)
    .map(({ id, text, n }) => ({
      id,
      text,
      votes: n === 0 ? 'no votes' : n === 1 ? '1 vote' : `${n} votes`,
    }));
}
