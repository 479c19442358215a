import type { SimulationSettings } from '@procmap/model';
import { SIMULATION_DEFAULTS } from '@procmap/simulation';

/*
 * The map's simulation defaults (settings.simulation) as the map settings panel edits them:
 * whole numbers, each optional, an empty field taking the documented default.
 */

export type SimulationKey = keyof typeof SIMULATION_DEFAULTS;

/** The panel's fields, in the order a run uses them, with the smallest each may be. */
export const SIMULATION_INPUTS: readonly {
  readonly key: SimulationKey;
  readonly label: string;
  readonly meaning: string;
  readonly min?: number;
}[] = [
  { key: 'cases', label: 'Cases per run', meaning: 'Cases in each run', min: 1 },
  {
    key: 'replications',
    label: 'Replications',
    meaning: 'Runs with fresh random draws, for the confidence interval',
    min: 1,
  },
  {
    key: 'warmup',
    label: 'Warm-up cases',
    meaning: 'First cases of each run left out while the queues fill',
    min: 0,
  },
  { key: 'seed', label: 'Seed', meaning: 'The same seed gives the same results' },
];

/** A whole number typed in a field; empty text clears the field (undefined). */
export function parseWhole(
  text: string,
  rule: { readonly min?: number | undefined; readonly what: string },
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (trimmed === '') return { ok: true, value: undefined };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value)) {
    return { ok: false, message: `${rule.what} must be a whole number, e.g. 10000.` };
  }
  if (rule.min !== undefined && value < rule.min) {
    return { ok: false, message: `${rule.what} cannot be less than ${rule.min}.` };
  }
  return { ok: true, value };
}

/** The settings.simulation after one field changed; nothing left: undefined, so no empty object. */
export function withSimulation(
  stored: SimulationSettings | undefined,
  key: SimulationKey,
  value: number | undefined,
): SimulationSettings | undefined {
  const next: Record<string, unknown> = { ...stored };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length > 0 ? (next as SimulationSettings) : undefined;
}

/** A field's hint, with its default as the other settings show theirs: "… (empty = 10,000)". */
export function simulationHint(key: SimulationKey, meaning: string): string {
  // An empty warm-up is chosen for the map by each run: at least the default, longer for a map
  // whose cases take longer (docs/simulation.md).
  if (key === 'warmup') return `${meaning} (empty = chosen for the map)`;
  return `${meaning} (empty = ${SIMULATION_DEFAULTS[key].toLocaleString('en-GB')})`;
}
