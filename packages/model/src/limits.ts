import type { Problem } from './problems';

/**
 * The longest a name may be: a step's or flow's label, a lane's name, the map's title. Counted
 * in UTF-16 code units, as a browser's `maxLength` counts. Long enough for any real step ("Check
 * the application against the eligibility criteria and request missing evidence from the
 * applicant"), short enough that a pasted page of text cannot become a label that swamps the
 * canvas, the panels and every finding. Notes and comments have no such cap.
 */
export const MAX_LABEL_LENGTH = 500;

/** The capped text field of each kind of record (`header`: the map's own fields). */
export const LABEL_FIELDS = {
  roles: 'name',
  steps: 'label',
  flows: 'label',
  header: 'title',
} as const;

export type LabelledKind = keyof typeof LABEL_FIELDS;

/** A problem if `text` is longer than the cap, at `path`. */
export function labelLengthProblem(text: unknown, path: string): Problem | undefined {
  if (typeof text !== 'string' || text.length <= MAX_LABEL_LENGTH) return undefined;
  return {
    path,
    code: 'out-of-range',
    message: `is ${text.length.toLocaleString('en-GB')} characters long; a name may be at most ${MAX_LABEL_LENGTH}`,
    severity: 'error',
  };
}

/**
 * `text` cut to at most `max` characters at a word boundary where one is near, with an
 * ellipsis: for names quoted inside sentences (findings, the report, status lines).
 */
export function shortLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
