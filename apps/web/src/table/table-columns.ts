import type { StepPatch } from '@procmap/doc';
import {
  type DurationSettings,
  fieldProblem,
  formatDuration,
  MAX_LABEL_LENGTH,
  type Role,
  type RoleId,
  STEP_KINDS,
  type Step,
  type StepKind,
  VALUE_CLASSES,
} from '@procmap/model';
import { parseNumber, showNumber } from '../panels/parse-number';
import { timePatch } from '../panels/time-variation';

/*
 * The table view's columns: what each shows of a step, and what text typed or pasted into it
 * writes. Pure, so every rule a cell refuses is unit-tested; the words are the properties
 * panel's, and the times are parsed and shown as the panel does (parseDuration, formatDuration).
 */

export type ColumnId =
  | 'role'
  | 'label'
  | 'kind'
  | 'processTime'
  | 'waitTime'
  | 'valueClass'
  | 'completeAccurate'
  | 'dataEntered'
  | 'systems';

/** How a cell is edited: typed text, or one of a list. */
export type CellEditor = 'text' | 'select';

export interface Column {
  readonly id: ColumnId;
  /** The header's words, also the cell's name in messages. */
  readonly header: string;
  readonly editor: CellEditor;
  /** Values sort as numbers (times, percentages) rather than as words. */
  readonly numeric: boolean;
  /** Delete on the cell empties it (a role and a kind cannot be empty). */
  readonly clearable: boolean;
}

const column = (
  id: ColumnId,
  header: string,
  editor: CellEditor,
  numeric = false,
  clearable = true,
): Column => ({ id, header, editor, numeric, clearable });

/** The columns, left to right. */
export const COLUMNS: readonly Column[] = [
  column('role', 'Role', 'select', false, false),
  column('label', 'Step', 'text'),
  column('kind', 'Kind', 'select', false, false),
  column('processTime', 'Process time', 'text', true),
  column('waitTime', 'Wait before', 'text', true),
  column('valueClass', 'Value', 'select'),
  column('completeAccurate', '% complete and accurate', 'text', true),
  column('dataEntered', 'Data entered', 'text'),
  column('systems', 'Systems', 'text'),
];

export const KIND_LABELS: Readonly<Record<StepKind, string>> = {
  start: 'Start',
  task: 'Task',
  decision: 'Decision',
  delay: 'Delay',
  end: 'End',
};

export const VALUE_LABELS: Readonly<Record<NonNullable<Step['valueClass']>, string>> = {
  'value-adding': 'Value-adding',
  necessary: 'Necessary',
  waste: 'Waste',
};

/** Words a spreadsheet may use for a value class, beside the panel's own. */
const VALUE_WORDS: Readonly<Record<string, NonNullable<Step['valueClass']>>> = {
  va: 'value-adding',
  'value adding': 'value-adding',
  nnva: 'necessary',
  bva: 'necessary',
  'non-value-adding': 'waste',
  'non value adding': 'waste',
  nva: 'waste',
};

/** What a cell's text means: the map's lanes and how long a day is. */
export interface CellContext {
  /** The lanes, in their order. */
  readonly roles: readonly Role[];
  readonly settings: DurationSettings;
}

/** One option of a select cell. */
export interface CellOption {
  readonly value: string;
  readonly label: string;
}

/** The options of a select column ("" clears the value class). */
export function optionsOf(id: ColumnId, ctx: CellContext): CellOption[] {
  switch (id) {
    case 'role':
      return ctx.roles.map((r) => ({ value: r.id, label: r.name.trim() || 'Unnamed lane' }));
    case 'kind':
      return STEP_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));
    case 'valueClass':
      return [
        { value: '', label: 'Not classified' },
        ...VALUE_CLASSES.map((v) => ({ value: v, label: VALUE_LABELS[v] })),
      ];
    default:
      return [];
  }
}

/** A step's value in a column, as the cell shows it and an edit starts from. */
export function cellText(id: ColumnId, step: Step, ctx: CellContext): string {
  const time = (minutes: number | undefined) =>
    minutes === undefined ? '' : formatDuration(minutes, ctx.settings);
  switch (id) {
    case 'role': {
      const role = ctx.roles.find((r) => r.id === step.roleId);
      return role ? role.name.trim() || 'Unnamed lane' : '';
    }
    case 'label':
      return step.label;
    case 'kind':
      return KIND_LABELS[step.kind] ?? step.kind;
    case 'processTime':
      return time(step.processTime);
    case 'waitTime':
      return time(step.waitTime);
    case 'valueClass':
      return step.valueClass ? VALUE_LABELS[step.valueClass] : '';
    case 'completeAccurate':
      return step.completeAccurate === undefined
        ? ''
        : `${showNumber(step.completeAccurate * 100)}%`;
    case 'dataEntered':
      return (step.dataEntered ?? []).join(', ');
    case 'systems':
      return (step.systems ?? []).join(', ');
  }
}

/** A select cell's stored value (its option's value). */
export function cellValue(id: ColumnId, step: Step): string {
  if (id === 'role') return step.roleId;
  if (id === 'kind') return step.kind;
  if (id === 'valueClass') return step.valueClass ?? '';
  return '';
}

/** What a cell's text writes: a patch of the step, or a move to another lane. */
export type CellWrite =
  | { readonly ok: true; readonly patch: StepPatch }
  | { readonly ok: true; readonly role: RoleId }
  | { readonly ok: false; readonly message: string };

const refuse = (message: string): CellWrite => ({ ok: false, message });

/** The parts of a comma-separated list: trimmed, no empty ones, each once. */
export function splitList(text: string): string[] {
  const parts = text
    .split(/[,\n;]/)
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p !== '');
  return [...new Set(parts)];
}

/** The option a typed word names: its value or its words, in any case. */
function pick(text: string, options: readonly CellOption[]): CellOption | undefined {
  const t = text.trim().toLowerCase();
  return (
    options.find((o) => o.value.toLowerCase() === t) ??
    options.find((o) => o.label.trim().toLowerCase() === t)
  );
}

/** A step with nothing set: the base a pasted new step's times are checked against. */
const BLANK: Step = { id: '', roleId: '', kind: 'task', label: '' } as unknown as Step;

/**
 * What typing or pasting `text` into a step's cell writes, or why it is refused. `step` is the
 * step as it is now (undefined for a step a paste is about to add). A select column takes its
 * option's value or words ("Nurse", "waste", "Decision").
 */
export function parseCell(
  id: ColumnId,
  text: string,
  step: Step | undefined,
  ctx: CellContext,
): CellWrite {
  const trimmed = text.trim();
  switch (id) {
    case 'role': {
      if (trimmed === '') return refuse('A step needs a role: pick one of the lanes.');
      const role = pick(trimmed, optionsOf('role', ctx));
      if (!role) return refuse(`There is no lane named “${trimmed}”.`);
      return { ok: true, role: role.value as RoleId };
    }
    case 'label': {
      const label = text.replace(/\r\n?/g, '\n').trim();
      if (label.length > MAX_LABEL_LENGTH) {
        return refuse(`A step’s name may be at most ${MAX_LABEL_LENGTH} characters.`);
      }
      return { ok: true, patch: { label } };
    }
    case 'kind': {
      const kind = pick(trimmed, optionsOf('kind', ctx));
      if (!kind)
        return refuse(`“${trimmed}” is not a kind: use Start, Task, Decision, Delay or End.`);
      return { ok: true, patch: { kind: kind.value as StepKind } };
    }
    case 'processTime':
    case 'waitTime': {
      const typed = timePatch({ field: id, text, step: step ?? BLANK, settings: ctx.settings });
      return typed.ok ? { ok: true, patch: typed.patch } : refuse(typed.message);
    }
    case 'valueClass': {
      if (trimmed === '') return { ok: true, patch: { valueClass: undefined } };
      const named = pick(trimmed, optionsOf('valueClass', ctx));
      const value = named?.value || VALUE_WORDS[trimmed.toLowerCase()];
      if (named && named.value === '') return { ok: true, patch: { valueClass: undefined } };
      if (!value) {
        return refuse(`“${trimmed}” is not a value class: use Value-adding, Necessary or Waste.`);
      }
      return { ok: true, patch: { valueClass: value as Step['valueClass'] } };
    }
    case 'completeAccurate': {
      const parsed = parseNumber(trimmed.replace(/\s*%$/, ''), {
        min: 0,
        max: 100,
        what: '% complete and accurate',
      });
      if (!parsed.ok) return refuse(parsed.message);
      const share = parsed.value === undefined ? undefined : parsed.value / 100;
      return { ok: true, patch: { completeAccurate: share } };
    }
    case 'dataEntered':
    case 'systems': {
      const list = splitList(text);
      const value = list.length ? list : undefined;
      const problem = value && fieldProblem('steps', id, value);
      return problem ? refuse(problem) : { ok: true, patch: { [id]: value } };
    }
  }
}

/** Whether a write would change the step (a value typed again is no edit). */
export function changes(write: CellWrite, step: Step): boolean {
  if (!write.ok) return false;
  if ('role' in write) return write.role !== step.roleId;
  return Object.entries(write.patch).some(([key, value]) => {
    const now = (step as unknown as Record<string, unknown>)[key];
    return JSON.stringify(now) !== JSON.stringify(value);
  });
}

/** The column with this id. */
export function columnOf(id: ColumnId): Column {
  return COLUMNS.find((c) => c.id === id) ?? COLUMNS[0]!;
}
