import type { FormatSettings } from '@procmap/analysis';
import { diffMaps, type MapChanges, type ProcessMap, resolveSettings } from '@procmap/model';
import {
  type ChangeContext,
  type ChangeTable,
  describeFieldChange,
  fieldWord,
} from './change-words';

/*
 * What a scenario changes from the as-is, by name rather than id: each step by its label and
 * lane, each role by its name, each flow by the labels of its ends, and every changed field in
 * the words of `change-words.ts` with its values. Names are given as they are in the map (an
 * empty label stays empty): each reader quotes, cleans and fills them in its own way.
 */

export interface StepWords {
  readonly id: string;
  readonly label: string;
  /** The lane's name (the scenario's lane for a step it has, the as-is's for a removed one). */
  readonly lane: string;
}

export interface ChangedStepWords extends StepWords {
  /** The as-is's label when the scenario renamed the step. */
  readonly was?: string;
  /** The as-is lane's name when the step moved to another lane. */
  readonly movedFrom?: string;
  /** The other changed fields, short: "process time", "wait before". */
  readonly words: readonly string[];
  /** The same fields with their values: "process time 6 min → 4 min". */
  readonly described: readonly string[];
}

export interface FlowWords {
  readonly id: string;
  /** The labels of the steps the flow leaves and reaches. */
  readonly from: string;
  readonly to: string;
}

export interface RoleWords {
  readonly id: string;
  readonly name: string;
  readonly headcount?: number;
}

export interface DescribedChanges {
  readonly steps: {
    readonly added: readonly StepWords[];
    readonly removed: readonly StepWords[];
    /** Steps in both whose fields differ, in the scenario's order (a move included). */
    readonly changed: readonly ChangedStepWords[];
  };
  readonly flows: {
    readonly added: readonly FlowWords[];
    readonly removed: readonly FlowWords[];
    readonly changed: readonly (FlowWords & { readonly described: readonly string[] })[];
  };
  readonly roles: {
    readonly added: readonly RoleWords[];
    readonly removed: readonly RoleWords[];
    readonly changed: readonly (RoleWords & { readonly described: readonly string[] })[];
  };
}

/** What the formatters need from a map's settings. */
export function formatsOf(map: Pick<ProcessMap, 'settings'>): FormatSettings {
  const s = resolveSettings(map);
  return typeof s.currency === 'string'
    ? { hoursPerDay: s.hoursPerDay, currency: s.currency }
    : { hoursPerDay: s.hoursPerDay };
}

const byId = <T extends { readonly id: string }>(list: readonly T[]) =>
  new Map(list.map((x) => [x.id as string, x]));

/**
 * The changes from `asIs` to `scenario` in words (`changes` when the caller has them already).
 * Values are formatted with `formats`, the as-is's settings when not given.
 */
export function describeChanges(
  asIs: ProcessMap,
  scenario: ProcessMap,
  changes: MapChanges = diffMaps(asIs, scenario),
  formats: FormatSettings = formatsOf(asIs),
): DescribedChanges {
  const steps = { before: byId(asIs.steps), after: byId(scenario.steps) };
  const roles = { before: byId(asIs.roles), after: byId(scenario.roles) };
  const flows = { before: byId(asIs.flows), after: byId(scenario.flows) };
  const roleName = (id: string) => (roles.after.get(id) ?? roles.before.get(id))?.name;
  const stepLabel = (id: string) => (steps.after.get(id) ?? steps.before.get(id))?.label;
  const context: ChangeContext = { ...formats, roleName, stepLabel };
  const described = (
    table: ChangeTable,
    fields: readonly string[],
    a: object | undefined,
    b: object | undefined,
  ) => {
    const x = (a ?? {}) as Record<string, unknown>;
    const y = (b ?? {}) as Record<string, unknown>;
    return fields.map((f) => describeFieldChange(table, f, x[f], y[f], context));
  };
  const lane = (id: string) => roleName(id) ?? id;
  const step = (s: { id: string; label: string; roleId: string }): StepWords => ({
    id: s.id,
    label: s.label,
    lane: lane(s.roleId),
  });
  const flow = (id: string): FlowWords => {
    const f = flows.after.get(id) ?? flows.before.get(id);
    return {
      id,
      from: f ? (stepLabel(f.from) ?? f.from) : '',
      to: f ? (stepLabel(f.to) ?? f.to) : '',
    };
  };
  const role = (id: string): RoleWords => {
    const r = roles.after.get(id) ?? roles.before.get(id);
    return {
      id,
      name: r?.name ?? id,
      ...(r?.headcount === undefined ? {} : { headcount: r.headcount }),
    };
  };

  const changedSteps: ChangedStepWords[] = [];
  for (const { id, fields } of changes.steps.changed) {
    const a = steps.before.get(id);
    const b = steps.after.get(id);
    if (!a || !b) continue;
    const rest = fields.filter((f) => f !== 'roleId');
    changedSteps.push({
      ...step(b),
      ...(fields.includes('label') ? { was: a.label } : {}),
      ...(fields.includes('roleId') ? { movedFrom: lane(a.roleId) } : {}),
      words: rest.map((f) => fieldWord('steps', f)),
      described: described('steps', rest, a, b),
    });
  }
  const present = <T>(list: readonly (T | undefined)[]) =>
    list.filter((x): x is T => x !== undefined);
  return {
    steps: {
      added: present(changes.steps.added.map((id) => steps.after.get(id))).map(step),
      removed: present(changes.steps.removed.map((id) => steps.before.get(id))).map(step),
      changed: changedSteps,
    },
    flows: {
      added: changes.flows.added.map(flow),
      removed: changes.flows.removed.map(flow),
      changed: changes.flows.changed.map(({ id, fields }) => ({
        ...flow(id),
        described: described('flows', fields, flows.before.get(id), flows.after.get(id)),
      })),
    },
    roles: {
      added: changes.roles.added.map(role),
      removed: changes.roles.removed.map(role),
      changed: changes.roles.changed.map(({ id, fields }) => ({
        ...role(id),
        described: described('roles', fields, roles.before.get(id), roles.after.get(id)),
      })),
    },
  };
}
