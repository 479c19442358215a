import { type FieldTable, fieldProblem } from '@procmap/model';
import { DocError } from './errors';

/*
 * Commands check the values they are given, so the local user cannot write what the file
 * format would reject. The rules are the file format's own (fieldProblem, derived from the
 * schema in @procmap/model), field by field. Remote and foreign writes are not checked here:
 * normalize() and the server's validation deal with those.
 */

/** Throws a DocError for the first field of a patch whose value the format would reject. */
export function checkFields(table: FieldTable, patch: object): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const problem = fieldProblem(table, key, value);
    if (problem) throw new DocError('invalid-value', problem);
  }
}

/** Checks a step kind or comment kind against its own list. */
export function checkKind(kind: unknown, list: readonly string[], what: string): void {
  if (kind !== undefined && (typeof kind !== 'string' || !list.includes(kind))) {
    throw new DocError('invalid-value', `Unknown ${what} kind ${JSON.stringify(kind)}`);
  }
}
