import type { z } from 'zod';
import { LABEL_FIELDS, MAX_LABEL_LENGTH } from './limits';
import {
  commentFields,
  fieldTexts,
  flowFields,
  headerFields,
  mapFields,
  replyFields,
  roleFields,
  settingsFields,
  stepFields,
} from './schema';

/*
 * One field at a time, as an edit sets it: what the shared document checks before it writes a
 * local user's change (@procmap/doc), derived from the same field tables as the validator so
 * the two can never disagree about what a field may hold.
 */

/** The field tables an edit can target: a list's record, the map's header, its settings, a reply. */
export const FIELD_TABLES = {
  roles: roleFields,
  steps: stepFields,
  flows: flowFields,
  comments: commentFields,
  header: headerFields,
  settings: settingsFields,
  replies: replyFields,
} as const satisfies Record<string, z.core.$ZodLooseShape>;

export type FieldTable = keyof typeof FIELD_TABLES;

/** The known fields of a table, in file order: the order every replica writes them back in. */
export function fieldNames(table: FieldTable): readonly string[] {
  return Object.keys(FIELD_TABLES[table]);
}

const LISTS = new Set(['roles', 'steps', 'flows', 'comments']);

/** The map's own top-level fields, in file order (the lists excluded). */
export const HEADER_ORDER: readonly string[] = Object.keys(mapFields).filter((k) => !LISTS.has(k));

/** What a field's value must be, in words ("minutes, at least 0"). */
export function fieldExpects(table: FieldTable, key: string): string | undefined {
  const field = (FIELD_TABLES[table] as Record<string, z.ZodType>)[key];
  if (!field) return undefined;
  const inner = field.def.type === 'optional' ? (field as z.ZodOptional).unwrap() : field;
  return fieldTexts.get(inner)?.expects;
}

/**
 * Why `value` cannot be the field's value, as a sentence ("processTime must be minutes, at least
 * 0, got -5"), or undefined when it can. Fields the table does not know pass: records keep
 * fields of newer versions untouched. Names are also held to MAX_LABEL_LENGTH.
 */
export function fieldProblem(table: FieldTable, key: string, value: unknown): string | undefined {
  const field = (FIELD_TABLES[table] as Record<string, z.ZodType>)[key];
  if (!field) return undefined;
  const capped = (LABEL_FIELDS as Record<string, string>)[table] === key;
  const tooLong = capped && typeof value === 'string' && value.length > MAX_LABEL_LENGTH;
  if (!tooLong && field.safeParse(value).success) return undefined;
  const got =
    typeof value === 'string' && value.length > 80
      ? `${value.length.toLocaleString('en-GB')} characters`
      : JSON.stringify(value);
  return `${key} must be ${fieldExpects(table, key) ?? 'a valid value'}, got ${got}`;
}
