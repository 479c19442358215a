/** What is wrong with a map file, and where. */
export type ProblemSeverity = 'error' | 'warning';

export type ProblemCode =
  | 'not-an-object'
  | 'missing'
  | 'wrong-type'
  | 'bad-value'
  | 'out-of-range'
  | 'unsupported-version'
  | 'duplicate-id'
  | 'unknown-role'
  | 'unknown-step'
  | 'unknown-target'
  | 'probability-sum';

export interface Problem {
  /** JSON path of the offending value, e.g. `steps[3].roleId`; `(root)` for the document. */
  readonly path: string;
  readonly code: ProblemCode;
  readonly message: string;
  /** Errors make the file invalid; warnings are inconsistencies `normalize()` can repair. */
  readonly severity: ProblemSeverity;
}

/** Formats a path of keys and indexes as `steps[3].roleId`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per problem, as the CLI prints them: `steps[3].roleId: unknown role "nurse"`. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}
