import {
  type Flow,
  type ProcessMap,
  type Role,
  type Step,
  type StepId,
  validateMap,
} from '@procmap/model';

/*
 * A fragment: some steps, the flows between them and the lanes they were in — what a copy puts
 * on the clipboard and a paste inserts. On the clipboard it travels as JSON text, so a paste
 * works across tabs and maps; read back, it is validated like a map file before anything of
 * it reaches a document.
 */

export const FRAGMENT_FORMAT = 'procmap-fragment';

export interface Fragment {
  readonly format: typeof FRAGMENT_FORMAT;
  readonly version: 1;
  readonly roles: readonly Pick<Role, 'id' | 'name' | 'color'>[];
  readonly steps: readonly Step[];
  readonly flows: readonly Flow[];
}

/** The fragment of `map` made of the steps `ids`, with the flows between them. */
export function fragmentOf(map: ProcessMap, ids: readonly StepId[]): Fragment {
  const wanted = new Set<string>(ids);
  const steps = map.steps.filter((s) => wanted.has(s.id));
  const roleIds = new Set<string>(steps.map((s) => s.roleId));
  const roles = map.roles
    .filter((r) => roleIds.has(r.id))
    .map((r) =>
      r.color === undefined
        ? { id: r.id, name: r.name }
        : { id: r.id, name: r.name, color: r.color },
    );
  const flows = map.flows.filter((f) => wanted.has(f.from) && wanted.has(f.to));
  return { format: FRAGMENT_FORMAT, version: 1, roles, steps, flows };
}

/**
 * Reads a fragment from clipboard text. Anything else — another app's text, a hand-edited or
 * hostile fragment — gives `null`, never an exception and never a partial fragment.
 */
export function parseFragment(text: string): Fragment | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const candidate = data as Partial<Record<keyof Fragment, unknown>>;
  if (candidate.format !== FRAGMENT_FORMAT || candidate.version !== 1) return null;
  if (![candidate.roles, candidate.steps, candidate.flows].every(Array.isArray)) return null;
  const roles = (candidate.roles as unknown[]).map((r, i) => ({ order: i, ...(r as object) }));
  // The same validator as a map file: every field type, kind and range is checked.
  const result = validateMap({
    format: 'procmap',
    version: 1,
    title: '',
    roles,
    steps: candidate.steps,
    flows: candidate.flows,
  });
  if (!result.ok || result.map.steps.length === 0) return null;
  return {
    format: FRAGMENT_FORMAT,
    version: 1,
    roles: result.map.roles.map(({ order: _order, ...role }) => role),
    steps: result.map.steps,
    flows: result.map.flows,
  };
}
