import { type FormatSettings, formatMinutes, formatMoney, formatShare } from '@procmap/analysis';
import type { MapChanges, ProcessMap, Role, Step } from '@procmap/model';
import { cleanText } from '../text';

/*
 * What a scenario changes, in the words a reader finds on the maps: steps by their labels,
 * roles by their names, each changed field by a plain name with its value before and after
 * ("wait 2 d → 4 h"). A step that moves to another lane is listed on its own: it is the change
 * people ask about first.
 */

export interface ChangeGroup {
  /** "Steps added", "Steps removed", "Steps changed", "Steps moved to another role"... */
  readonly title: string;
  readonly lines: readonly string[];
}

/** The plain name of a step's or role's field; fields not listed keep their own name. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  label: 'name',
  roleId: 'role',
  kind: 'kind of step',
  processTime: 'work',
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
};

/** A field's plain name. */
export function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field;
}

/** The short words of a changed step's tag on the map: "wait, work" or "moved from Clerk". */
export function changeTag(fields: readonly string[], fromRole: string | undefined): string {
  const rest = fields.filter((f) => f !== 'roleId').map(fieldName);
  const moved = fields.includes('roleId') ? [`moved from ${fromRole ?? 'another role'}`] : [];
  return [...moved, ...rest].join(', ');
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

  const moved: string[] = [];
  const changed: string[] = [];
  for (const { id, fields } of changes.steps.changed) {
    const a = before.steps.get(id);
    const b = after.steps.get(id);
    if (!a || !b) continue;
    if (fields.includes('roleId')) {
      moved.push(`${quoted(b.label)} moves from ${roleName(a.roleId)} to ${roleName(b.roleId)}`);
    }
    const rest = fields.filter((f) => f !== 'roleId');
    if (rest.length === 0) continue;
    const what = rest.map((f) => fieldChange(f, a, b, formats)).join('; ');
    changed.push(`${quoted(b.label)}: ${what}`);
  }
  const roleLines = [
    ...changes.roles.added.map((id) => `New role: ${roleName(id)}${people(after.roles.get(id))}`),
    ...changes.roles.removed.map((id) => `No longer involved: ${roleName(id)}`),
    ...changes.roles.changed.map(({ id, fields }) => {
      const a = before.roles.get(id);
      const b = after.roles.get(id);
      const what = fields.map((f) => fieldChange(f, a ?? {}, b ?? {}, formats)).join('; ');
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
        ...changes.flows.changed.map(
          ({ id, fields }) => `Changed (${fields.map(fieldName).join(', ')}): ${flowName(id)}`,
        ),
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

/** One field's change: "wait 2 d → 4 h", "name “A” → “B”", or just its name. */
function fieldChange(
  field: string,
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  formats: FormatSettings,
): string {
  const show = (v: unknown) => fieldValue(field, v, formats);
  const from = show(a[field]);
  const to = show(b[field]);
  if (from === undefined || to === undefined) return fieldName(field);
  return `${fieldName(field)} ${from} → ${to}`;
}

/** A field's value in words, or undefined for a value better left unprinted (notes, lists). */
function fieldValue(field: string, v: unknown, formats: FormatSettings): string | undefined {
  if (v === undefined) {
    return field === 'processTime' || field === 'waitTime' ? 'none' : 'not given';
  }
  switch (field) {
    case 'processTime':
    case 'waitTime':
      return typeof v === 'number' ? formatMinutes(v, formats.hoursPerDay) : undefined;
    case 'completeAccurate':
      return typeof v === 'number' ? formatShare(v) : undefined;
    case 'hourlyCost':
      return typeof v === 'number' ? formatMoney(v, formats.currency) : undefined;
    case 'label':
    case 'name':
      return typeof v === 'string' ? quoted(v) : undefined;
    case 'kind':
    case 'valueClass':
    case 'activity':
      return typeof v === 'string' ? v.replace(/-/g, ' ') : undefined;
    case 'headcount':
    case 'batchSize':
      return typeof v === 'number' ? String(v) : undefined;
    default:
      return undefined;
  }
}

function lookups(map: ProcessMap) {
  return {
    steps: new Map(map.steps.map((s) => [s.id as string, s])),
    roles: new Map(map.roles.map((r) => [r.id as string, r])),
    flows: new Map(map.flows.map((f) => [f.id as string, f])),
  };
}
