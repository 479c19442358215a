import type { MapChanges, ProcessMap } from '@procmap/model';

/*
 * What a scenario changes from the as-is, by step, in the words on the map: step labels (never
 * ids), lane names, and each changed field by a plain name. A step moved to another lane is
 * said on its own line: it is the change people ask about first.
 */

/** The plain name of a step's, flow's or role's field; fields not listed keep their own name. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  label: 'name',
  roleId: 'lane',
  kind: 'kind of step',
  processTime: 'work time',
  waitTime: 'wait',
  processVariation: 'how the work varies',
  waitVariation: 'how the wait varies',
  valueClass: 'value',
  activity: 'activity',
  completeAccurate: 'right first time',
  dataEntered: 'data keyed in',
  systems: 'systems',
  batchSize: 'batch size',
  notes: 'notes',
  name: 'name',
  headcount: 'people',
  hourlyCost: 'hourly cost',
  color: 'colour',
  order: 'lane order',
  from: 'start',
  to: 'end',
  probability: 'share of cases',
};

/** A field's plain name. */
export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field;
}

export interface ChangeGroup {
  /** "Steps added", "Steps removed", "Steps moved to another lane", "Steps changed", "Lanes", "Flows". */
  readonly title: string;
  readonly lines: readonly string[];
}

const quoted = (label: string | undefined) => `“${(label ?? '').trim() || 'Unnamed step'}”`;

/** The groups of changes from `asIs` to `scenario`, empty groups left out. */
export function changeGroups(
  asIs: ProcessMap,
  scenario: ProcessMap,
  changes: MapChanges,
): ChangeGroup[] {
  const stepsBefore = new Map(asIs.steps.map((s) => [s.id as string, s]));
  const stepsAfter = new Map(scenario.steps.map((s) => [s.id as string, s]));
  const rolesBefore = new Map(asIs.roles.map((r) => [r.id as string, r]));
  const rolesAfter = new Map(scenario.roles.map((r) => [r.id as string, r]));
  const laneName = (id: string) =>
    (rolesAfter.get(id)?.name ?? rolesBefore.get(id)?.name ?? '').trim() || 'an unnamed lane';
  const stepIn = (s: { label: string; roleId: string } | undefined) =>
    s ? `${quoted(s.label)} in ${laneName(s.roleId)}` : 'a step';

  const moved: string[] = [];
  const changed: string[] = [];
  for (const { id, fields } of changes.steps.changed) {
    const a = stepsBefore.get(id);
    const b = stepsAfter.get(id);
    if (!a || !b) continue;
    if (fields.includes('roleId')) {
      moved.push(`${quoted(b.label)} moves from ${laneName(a.roleId)} to ${laneName(b.roleId)}`);
    }
    const rest = fields.filter((f) => f !== 'roleId');
    if (rest.length === 0) continue;
    const renamed = rest.includes('label') ? ` (was ${quoted(a.label)})` : '';
    changed.push(`${quoted(b.label)}${renamed}: ${rest.map(fieldName).join(', ')}`);
  }
  const flowCount = (n: number, what: string) =>
    n === 0 ? [] : [`${n} ${n === 1 ? 'flow' : 'flows'} ${what}`];
  const groups: ChangeGroup[] = [
    {
      title: 'Steps added',
      lines: changes.steps.added.map((id) => stepIn(stepsAfter.get(id))),
    },
    {
      title: 'Steps removed',
      lines: changes.steps.removed.map((id) => stepIn(stepsBefore.get(id))),
    },
    { title: 'Steps moved to another lane', lines: moved },
    { title: 'Steps changed', lines: changed },
    {
      title: 'Lanes',
      lines: [
        ...changes.roles.added.map((id) => `New lane: ${laneName(id)}`),
        ...changes.roles.removed.map((id) => `No longer involved: ${laneName(id)}`),
        ...changes.roles.changed.map(
          ({ id, fields }) => `${laneName(id)}: ${fields.map(fieldName).join(', ')}`,
        ),
      ],
    },
    {
      title: 'Flows',
      lines: [
        ...flowCount(changes.flows.added.length, 'added'),
        ...flowCount(changes.flows.removed.length, 'removed'),
        ...flowCount(changes.flows.changed.length, 'changed'),
      ],
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}
