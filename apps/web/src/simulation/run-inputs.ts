import type { ProcessMap } from '@procmap/model';
import {
  SIMULATION_DEFAULTS,
  SIMULATION_RANGES,
  type SimulationOptions,
} from '@procmap/simulation';

/*
 * The inputs of one run from the Simulate tab: visible and editable for this run only (they are
 * never written to the map, so a view-only visitor can change them too). They start from the
 * map's settings.simulation, else the documented defaults. The warm-up may be left empty: the
 * run then chooses one long enough for the map (docs/simulation.md, "Warm-up").
 */

/** What a run is asked for; a null warm-up is the run's to choose. */
export interface RunInputs {
  readonly cases: number;
  readonly replications: number;
  readonly warmup: number | null;
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
  { field: 'warmup', label: 'Warm-up cases', hint: 'Left out while queues fill; empty: chosen.' },
  { field: 'seed', label: 'Seed', hint: 'Same seed, same numbers.' },
];

/** The map's own simulation settings, each missing one taking the default. */
export function mapInputs(map: Pick<ProcessMap, 'settings'>): RunInputs {
  const own = map.settings?.simulation ?? {};
  return {
    cases: own.cases ?? SIMULATION_DEFAULTS.cases,
    replications: own.replications ?? SIMULATION_DEFAULTS.replications,
    warmup: own.warmup ?? null,
    seed: own.seed ?? SIMULATION_DEFAULTS.seed,
  };
}

const fmt = (n: number) => n.toLocaleString('en-GB');

/** A field's value as typed: "10,000" and "10 000" read as 10000; an empty warm-up is null. */
export function parseInput(
  field: InputField,
  text: string,
): { readonly value: number | null } | { readonly error: string } {
  const cleaned = text.trim().replace(/[,\s_]/g, '');
  if (field === 'warmup' && cleaned === '') return { value: null };
  const [min, max] = SIMULATION_RANGES[field];
  const words =
    field === 'seed' ? 'a whole number' : `a whole number from ${fmt(min)} to ${fmt(max)}`;
  const empty = field === 'warmup' ? ', or leave it empty' : '';
  const value = Number(cleaned);
  if (!/^-?\d+$/.test(cleaned) || !Number.isSafeInteger(value) || value < min || value > max) {
    return { error: `Type ${words}${empty}.` };
  }
  return { value };
}

/** Every field read, or the error of each field that does not read. */
export function readInputs(
  typed: Readonly<Record<InputField, string>>,
):
  | { readonly ok: true; readonly inputs: RunInputs }
  | { readonly ok: false; readonly errors: Partial<Record<InputField, string>> } {
  const errors: Partial<Record<InputField, string>> = {};
  const values: Partial<Record<InputField, number | null>> = {};
  for (const { field } of INPUT_FIELDS) {
    const read = parseInput(field, typed[field]);
    if ('error' in read) errors[field] = read.error;
    else values[field] = read.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, inputs: values as RunInputs };
}

/** The inputs as the fields show them (an unchosen warm-up empty). */
export function inputTexts(inputs: RunInputs): Record<InputField, string> {
  return {
    cases: String(inputs.cases),
    replications: String(inputs.replications),
    warmup: inputs.warmup === null ? '' : String(inputs.warmup),
    seed: String(inputs.seed),
  };
}

/** The options the engine is given: a warm-up only when one is asked for. */
export function runOptions(inputs: RunInputs): SimulationOptions {
  const { cases, replications, warmup, seed } = inputs;
  return warmup === null ? { cases, replications, seed } : { cases, replications, warmup, seed };
}

/** Whether two runs are asked for alike. */
export function sameInputs(a: RunInputs, b: RunInputs): boolean {
  return (
    a.cases === b.cases &&
    a.replications === b.replications &&
    a.warmup === b.warmup &&
    a.seed === b.seed
  );
}

const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;

/**
 * Inputs in words: "10,000 cases × 10 replications, 500 warm-up cases each, seed 1". A warm-up
 * left to the run is "chosen for the map"; once chosen (`chosen`, from the result) it is given,
 * still said to be chosen.
 */
export function inputsSentence(inputs: RunInputs, chosen?: number): string {
  const warmup =
    inputs.warmup !== null
      ? `${plural(inputs.warmup, 'warm-up case', 'warm-up cases')} each`
      : chosen !== undefined
        ? `${plural(chosen, 'warm-up case', 'warm-up cases')} each (chosen for the map)`
        : 'a warm-up chosen for the map';
  return `${plural(inputs.cases, 'case', 'cases')} × ${plural(inputs.replications, 'replication', 'replications')}, ${warmup}, seed ${inputs.seed}`;
}
