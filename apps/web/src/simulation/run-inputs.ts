import type { ProcessMap } from '@procmap/model';
import { SIMULATION_DEFAULTS } from '@procmap/simulation';

/*
 * The inputs of one run from the Simulate tab: visible and editable for this run only (they are
 * never written to the map, so a view-only visitor can change them too). They start from the
 * map's settings.simulation, else the documented defaults.
 */

/** What a run is asked for. */
export interface RunInputs {
  readonly cases: number;
  readonly replications: number;
  readonly warmup: number;
  readonly seed: number;
}

export type InputField = keyof RunInputs;

/** The fields in the order the tab shows them, with their labels and hints. */
export const INPUT_FIELDS: readonly {
  readonly field: InputField;
  readonly label: string;
  readonly hint: string;
}[] = [
  { field: 'cases', label: 'Cases', hint: 'In each replication.' },
  { field: 'replications', label: 'Replications', hint: 'Runs that give the 95% interval.' },
  { field: 'warmup', label: 'Warm-up cases', hint: 'Left out while queues fill.' },
  { field: 'seed', label: 'Seed', hint: 'Same seed, same numbers.' },
];

/** What the engine takes (it says the same of the CLI's flags). */
const LIMITS: Readonly<Record<InputField, { readonly min: number; readonly max: number }>> = {
  cases: { min: 1, max: 10_000_000 },
  replications: { min: 1, max: 1_000 },
  warmup: { min: 0, max: 10_000_000 },
  seed: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
};

/** The map's own simulation settings, each missing one taking the default. */
export function mapInputs(map: Pick<ProcessMap, 'settings'>): RunInputs {
  const own = map.settings?.simulation ?? {};
  return {
    cases: own.cases ?? SIMULATION_DEFAULTS.cases,
    replications: own.replications ?? SIMULATION_DEFAULTS.replications,
    warmup: own.warmup ?? SIMULATION_DEFAULTS.warmup,
    seed: own.seed ?? SIMULATION_DEFAULTS.seed,
  };
}

/** A field's value as typed: "10,000" and "10 000" read as 10000. */
export function parseInput(
  field: InputField,
  text: string,
): { readonly value: number } | { readonly error: string } {
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  const { min, max } = LIMITS[field];
  const words =
    field === 'seed' ? 'a whole number' : `a whole number from ${fmt(min)} to ${fmt(max)}`;
  if (!/^-?\d+$/.test(cleaned)) return { error: `Type ${words}.` };
  const value = Number(cleaned);
  if (!Number.isSafeInteger(value) || value < min || value > max)
    return { error: `Type ${words}.` };
  return { value };
}

/** Every field read, or the first error of each field that does not read. */
export function readInputs(
  typed: Readonly<Record<InputField, string>>,
):
  | { readonly ok: true; readonly inputs: RunInputs }
  | { readonly ok: false; readonly errors: Partial<Record<InputField, string>> } {
  const errors: Partial<Record<InputField, string>> = {};
  const values: Partial<Record<InputField, number>> = {};
  for (const { field } of INPUT_FIELDS) {
    const read = parseInput(field, typed[field]);
    if ('error' in read) errors[field] = read.error;
    else values[field] = read.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, inputs: values as RunInputs };
}

/** The inputs as the fields show them. */
export function inputTexts(inputs: RunInputs): Record<InputField, string> {
  return {
    cases: String(inputs.cases),
    replications: String(inputs.replications),
    warmup: String(inputs.warmup),
    seed: String(inputs.seed),
  };
}

const fmt = (n: number) => n.toLocaleString('en-GB');

/** The inputs a run used, in words: "10,000 cases × 10 replications, 500 warm-up cases each, seed 1". */
export function inputsSentence(inputs: RunInputs): string {
  const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;
  return `${plural(inputs.cases, 'case', 'cases')} × ${plural(inputs.replications, 'replication', 'replications')}, ${plural(inputs.warmup, 'warm-up case', 'warm-up cases')} each, seed ${inputs.seed}`;
}
