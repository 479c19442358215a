import type { ProcessMap, Settings } from './types';
import type { DemandPeriod } from './vocabulary';

/** Defaults for every optional setting, as documented in docs/format.md. */
export const DEFAULT_SETTINGS = { hoursPerDay: 7.5, daysPerWeek: 5 } as const;

export interface ResolvedSettings extends Settings {
  readonly hoursPerDay: number;
  readonly daysPerWeek: number;
}

/** The map's settings with every defaulted field filled in. */
export function resolveSettings(map: Pick<ProcessMap, 'settings'>): ResolvedSettings {
  const s = map.settings ?? {};
  return {
    ...s,
    hoursPerDay: s.hoursPerDay ?? DEFAULT_SETTINGS.hoursPerDay,
    daysPerWeek: s.daysPerWeek ?? DEFAULT_SETTINGS.daysPerWeek,
  };
}

/** Working minutes in one demand period under these settings. */
export function workingMinutesPer(period: DemandPeriod, settings: ResolvedSettings): number {
  const day = settings.hoursPerDay * 60;
  if (period === 'hour') return 60;
  if (period === 'day') return day;
  return day * settings.daysPerWeek;
}
