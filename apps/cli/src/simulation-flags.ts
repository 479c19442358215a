import type { SimulationOptions } from '@procmap/simulation';
import type { Flag } from './args';

/*
 * The flags of `procmap simulate` that set how a run goes. Each is a whole number; a flag left
 * out leaves the map's settings.simulation (then the defaults) in charge, so only the flags
 * given become options.
 */

type Key = keyof SimulationOptions;

/** The least value each flag takes: a run needs a case and a replication; none may be negative. */
const LEAST: Readonly<Record<Key, number>> = { cases: 1, replications: 1, warmup: 0, seed: 0 };

const KEYS = Object.keys(LEAST) as Key[];

/** The options `procmap simulate` reads as `--cases N` and the like. */
export const SIMULATION_FLAGS: readonly Flag[] = KEYS.map((name) => ({ name, value: true }));

export type ParsedOptions =
  | { readonly ok: true; readonly options: SimulationOptions }
  | { readonly ok: false; readonly message: string };

/** Checks the values given to the run's flags: `--cases 2000` → `{ cases: 2000 }`. */
export function simulationOptions(values: ReadonlyMap<string, string>): ParsedOptions {
  const options: { -readonly [K in Key]?: number } = {};
  for (const key of KEYS) {
    const text = values.get(key);
    if (text === undefined) continue;
    const least = LEAST[key];
    const wanted = `--${key} needs a whole number of ${least} or more`;
    // Digits only: "1e4", "0x10" and "2.0" are numbers to JavaScript, not to someone typing a count.
    const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (Number.isNaN(value)) return { ok: false, message: `${wanted}, got "${text}"` };
    if (value < least) return { ok: false, message: `${wanted}, got ${value}` };
    if (!Number.isSafeInteger(value)) {
      return { ok: false, message: `--${key} is too large: at most ${Number.MAX_SAFE_INTEGER}` };
    }
    options[key] = value === 0 ? 0 : value; // never -0, from "-0"
  }
  return { ok: true, options };
}
