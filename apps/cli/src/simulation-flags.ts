import { SIMULATION_RANGES, type SimulationOptions } from '@procmap/simulation';
import type { Flag } from './args';

/*
 * The flags of `procmap simulate` that set how a run goes. Each is a whole number; a flag left
 * out leaves the map's settings.simulation (then the defaults) in charge, so only the flags
 * given become options. A flag out of range is the command's misuse (exit 2), said here with
 * the flag's name; the same value in the map's settings is the map's problem, which the
 * simulation package reports (exit 1).
 */

type Key = keyof SimulationOptions;

/**
 * The values each flag takes: the simulation package's own ranges (a run needs a case and a
 * replication, no count is negative, a seed is any whole number, as in the map file).
 */
export const FLAG_RANGES = SIMULATION_RANGES;

const KEYS = Object.keys(FLAG_RANGES) as Key[];

/** The options `procmap simulate` reads as `--cases N` and the like. */
export const SIMULATION_FLAGS: readonly Flag[] = KEYS.map((name) => ({ name, value: true }));

export type ParsedOptions =
  | { readonly ok: true; readonly options: SimulationOptions }
  | { readonly ok: false; readonly message: string };

const grouped = new Intl.NumberFormat('en-GB');

/**
 * What a flag takes, in words: `a whole number from 1 to 10,000,000`. A seed's range only
 * matters to someone who typed a number past it.
 */
function wanted(key: Key, digits: boolean): string {
  if (key === 'seed' && !digits) return 'a whole number';
  const [least, most] = FLAG_RANGES[key];
  return `a whole number from ${grouped.format(least)} to ${grouped.format(most)}`;
}

/** Checks the values given to the run's flags: `--cases 2000` → `{ cases: 2000 }`. */
export function simulationOptions(values: ReadonlyMap<string, string>): ParsedOptions {
  const options: { -readonly [K in Key]?: number } = {};
  for (const key of KEYS) {
    const text = values.get(key);
    if (text === undefined) continue;
    const [least, most] = FLAG_RANGES[key];
    // Digits only: "1e4", "0x10" and "2.0" are numbers to JavaScript, not to someone typing a count.
    const digits = /^[+-]?\d+$/.test(text.trim());
    const value = Number(text);
    if (!digits || !Number.isSafeInteger(value) || value < least || value > most) {
      const got = digits ? text.trim() : JSON.stringify(text);
      return { ok: false, message: `--${key} needs ${wanted(key, digits)}, got ${got}` };
    }
    options[key] = value === 0 ? 0 : value; // never -0, from "-0"
  }
  return { ok: true, options };
}
