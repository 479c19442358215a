import { formatProblem, type Problem, type ValidationResult } from '@procmap/model';
import { count, type Io, palette, printable, writeJson } from './output';
import type { ReadError } from './read-map-file';

/*
 * What `procmap validate` prints, for people and for --json. The JSON shapes are a contract:
 * scripts parse them. Add fields freely; never rename these.
 */

export interface MapSummary {
  readonly title: string;
  readonly roles: number;
  readonly steps: number;
  readonly flows: number;
  readonly comments: number;
}

/** Counts of what a valid map holds. */
export function summarize(result: ValidationResult & { ok: true }): MapSummary {
  const { map } = result;
  return {
    title: map.title,
    roles: map.roles.length,
    steps: map.steps.length,
    flows: map.flows.length,
    comments: map.comments?.length ?? 0,
  };
}

/** Prints a validation result: a one-line verdict, then one line per problem. */
export function reportValidation(io: Io, file: string, result: ValidationResult): void {
  const p = palette(io);
  const name = printable(file);
  const warnings = result.problems.filter((x) => x.severity === 'warning').length;
  if (result.ok) {
    const s = summarize(result);
    const title = s.title === '' ? '(untitled)' : printable(JSON.stringify(s.title));
    const parts = [
      count(s.roles, 'role'),
      count(s.steps, 'step'),
      count(s.flows, 'flow'),
      count(s.comments, 'comment'),
    ].join(', ');
    const tail = warnings > 0 ? `; ${count(warnings, 'warning')}` : '';
    io.stdout(`${p.green('✓')} ${name}: valid procmap map ${title} — ${parts}${tail}\n`);
  } else {
    const errors = result.problems.length - warnings;
    const split = warnings > 0 ? ` (${count(errors, 'error')}, ${count(warnings, 'warning')})` : '';
    io.stdout(`${p.red('✗')} ${name}: ${count(result.problems.length, 'problem')}${split}\n`);
  }
  for (const problem of result.problems) io.stdout(`${problemLine(io, problem)}\n`);
}

/** `  warning  steps[3].roleId: unknown role "nurse"`, severity padded so paths line up. */
export function problemLine(io: Io, problem: Problem): string {
  const p = palette(io);
  const label = problem.severity.padEnd(7);
  const paint = problem.severity === 'error' ? p.red : p.yellow;
  return `  ${paint(label)}  ${printable(formatProblem(problem))}`;
}

/** The --json document for a file that was read and validated. */
export function validationJson(file: string, result: ValidationResult): unknown {
  const problems = result.problems.map(({ path, code, message, severity }) => ({
    path,
    code,
    message,
    severity,
  }));
  if (!result.ok) return { file, valid: false, problems };
  return { file, valid: true, summary: summarize(result), problems };
}

/** Prints why a file could not be read: one line on stderr, or the --json document. */
export function reportReadError(io: Io, file: string, error: ReadError, json: boolean): void {
  if (json) writeJson(io, { file, valid: false, error });
  else io.stderr(`procmap: ${printable(file)}: ${printable(error.message)}\n`);
}
