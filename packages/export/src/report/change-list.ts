import type { FormatSettings } from '@procmap/analysis';
import {
  type ChangeContext,
  type ChangeTable,
  describeFieldChange,
  describeMove,
  fieldWord,
} from '@procmap/compare';
import type { MapChanges, ProcessMap, Role, Step } from '@procmap/model';
import { cleanText } from '../text';

/*
 * What a scenario changes, in the words a reader finds on the maps: steps by their labels,
 * roles by their names, each changed field in the compare package's words with its value before
 * and after ("wait before 2 d → 4 h"), as the Compare view and `procmap compare` say it. A step that moves to another lane is listed on its own: it is the change
 * people ask about first.
 */

export interface ChangeGroup {
  /** "Steps added", "Steps removed", "Steps changed", "Steps moved to another role"... */
  readonly title: string;
  readonly lines: readonly string[];
}

/** The short words of a changed step's tag on the map, its lane apart (a tag of its own): "process time, wait before". */
export function changeTag(fields: readonly string[]): string {
  return fields
    .filter((f) => f !== 'roleId')
    .map((f) => fieldWord('steps', f))
    .join(', ');
}

const quoted = (label: string | undefined) => `“${cleanText(label ?? '') || '(no label)'}”`;

/** The groups of changes from `asIs` to `toBe`, empty groups left out. */
export function changeList(
  asIs: ProcessMap,
  toBe: ProcessMap,
  changes: MapChanges,
  formats: FormatSettings,
): ChangeGroup[] {
  const before = lookups(asIs);
  const after = lookups(toBe);
  const roleName = (id: string) =>
    cleanText(after.roles.get(id)?.name ?? before.roles.get(id)?.name ?? '') || id;
  const stepIn = (s: Step | undefined) =>
    s ? `${quoted(s.label)} (${roleName(s.roleId)})` : '(unknown step)';
  const stepAnywhere = (id: string) => stepIn(after.steps.get(id) ?? before.steps.get(id));
  const context: ChangeContext = {
    ...formats,
    roleName,
    stepLabel: (id) => (after.steps.get(id) ?? before.steps.get(id))?.label,
  };
  const fieldChange = (table: ChangeTable, field: string, a: object, b: object) =>
    cleanText(
      describeFieldChange(
        table,
        field,
        (a as Record<string, unknown>)[field],
        (b as Record<string, unknown>)[field],
        context,
      ),
    );

  const moved: string[] = [];
  const changed: string[] = [];
  for (const { id, fields } of changes.steps.changed) {
    const a = before.steps.get(id);
    const b = after.steps.get(id);
    if (!a || !b) continue;
    if (fields.includes('roleId')) {
      moved.push(`${quoted(b.label)} ${describeMove(roleName(a.roleId), roleName(b.roleId))}`);
    }
    const rest = fields.filter((f) => f !== 'roleId');
    if (rest.length === 0) continue;
    const what = rest.map((f) => fieldChange('steps', f, a, b)).join('; ');
    changed.push(`${quoted(b.label)}: ${what}`);
  }
  const roleLines = [
    ...changes.roles.added.map((id) => `New role: ${roleName(id)}${people(after.roles.get(id))}`),
    ...changes.roles.removed.map((id) => `No longer involved: ${roleName(id)}`),
    ...changes.roles.changed.map(({ id, fields }) => {
      const a = before.roles.get(id);
      const b = after.roles.get(id);
      const what = fields.map((f) => fieldChange('roles', f, a ?? {}, b ?? {})).join('; ');
      return `${roleName(id)}: ${what}`;
    }),
  ];
  const flowName = (id: string) => {
    const f = after.flows.get(id) ?? before.flows.get(id);
    return f ? `${stepAnywhere(f.from)} → ${stepAnywhere(f.to)}` : id;
  };
  const groups: ChangeGroup[] = [
    { title: 'Steps added', lines: changes.steps.added.map((id) => stepIn(after.steps.get(id))) },
    {
      title: 'Steps removed',
      lines: changes.steps.removed.map((id) => stepIn(before.steps.get(id))),
    },
    { title: 'Steps moved to another role', lines: moved },
    { title: 'Steps changed', lines: changed },
    { title: 'Roles', lines: roleLines },
    {
      title: 'Flows',
      lines: [
        ...changes.flows.added.map((id) => `New: ${flowName(id)}`),
        ...changes.flows.removed.map((id) => `Gone: ${flowName(id)}`),
        ...changes.flows.changed.map(({ id, fields }) => {
          const a = before.flows.get(id) ?? {};
          const b = after.flows.get(id) ?? {};
          const what = fields.map((f) => fieldChange('flows', f, a, b)).join('; ');
          return `Changed: ${flowName(id)} (${what})`;
        }),
      ],
    },
  ];
  return groups.filter((g) => g.lines.length > 0);
}

/** " with 2 people", or nothing when the role gives no headcount. */
function people(role: Role | undefined): string {
  const n = role?.headcount;
  if (n === undefined) return '';
  return n === 1 ? ' with 1 person' : ` with ${n} people`;
}

function lookups(map: ProcessMap) {
  return {
    steps: new Map(map.steps.map((s) => [s.id as string, s])),
    roles: new Map(map.roles.map((r) => [r.id as string, r])),
    flows: new Map(map.flows.map((f) => [f.id as string, f])),
  };
}
