import type { ProcessMap } from '@procmap/model';

/** The levels at which the rules fire; a map overrides any of them in `settings.analysis`. */
export interface Thresholds {
  /** long-wait: a step's share of all expected waiting (0..1). */
  readonly longWaitShare: number;
  /** long-wait: own efficiency processTime / (processTime + waitTime) at or below this (0..1)... */
  readonly longWaitEfficiency: number;
  /** ...together with a wait of at least this many minutes. */
  readonly longWaitMinutes: number;
  /** long-wait: a wait of this many working days or more always fires. */
  readonly longWaitDays: number;
  /** bottleneck: role utilisation at which it fires (0.85 = 85%). */
  readonly bottleneckUtilisation: number;
  /** bottleneck: utilisation at which the finding is critical. */
  readonly bottleneckCritical: number;
  /** handoff: fires when more than this share of the flows change role (0..1). */
  readonly handoffShare: number;
  /** low-complete-accurate: a step's completeAccurate below this (0..1). */
  readonly completeAccurate: number;
  /** low-complete-accurate: the rolled value below this (0..1). */
  readonly rolledCompleteAccurate: number;
  /** approval-chain: an approval waiting this many times longer than it takes. */
  readonly approvalWaitRatio: number;
  /** unused-skills: a role costing this many times the map's median hourly rate or more. */
  readonly unusedSkillsCostRatio: number;
  /** missing-data: how far decision probabilities may sum from 1. */
  readonly probabilityTolerance: number;
}

/**
 * The documented defaults (docs/analysis.md), as a fresh object literal. resolveThresholds
 * starts from one rather than from a copy of the frozen defaults: such a copy gets a hidden
 * class that only short-lived objects have, which V8 frees at a full garbage collection, and
 * with it the optimised code of every rule reading a threshold (`--trace-deopt`: "weak objects").
 */
function defaults(): Thresholds {
  return {
    longWaitShare: 0.5,
    longWaitEfficiency: 0.2,
    longWaitMinutes: 30,
    longWaitDays: 1,
    bottleneckUtilisation: 0.85,
    bottleneckCritical: 1,
    handoffShare: 1 / 3,
    completeAccurate: 0.9,
    rolledCompleteAccurate: 0.5,
    approvalWaitRatio: 10,
    unusedSkillsCostRatio: 2,
    probabilityTolerance: 0.001,
  };
}

/** The documented defaults (docs/analysis.md). */
export const DEFAULT_THRESHOLDS: Thresholds = Object.freeze(defaults());

const KEYS = Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[];

/**
 * The thresholds for a map: `settings.analysis` over the defaults, then `overrides` over that.
 * A value that is not a finite, non-negative number is ignored (the validator reports it).
 */
export function resolveThresholds(
  map: Pick<ProcessMap, 'settings'> | undefined,
  overrides: Partial<Thresholds> = {},
): Thresholds {
  const out = defaults() as unknown as Record<string, number>;
  const settings: unknown = map?.settings;
  const fromMap =
    typeof settings === 'object' && settings !== null
      ? (settings as { analysis?: unknown }).analysis
      : undefined;
  for (const source of [fromMap, overrides]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const key of KEYS) {
      const value = (source as Record<string, unknown>)[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
    }
  }
  return out as unknown as Thresholds;
}
