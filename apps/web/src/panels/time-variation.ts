import type { StepPatch } from '@procmap/doc';
import {
  type Distribution,
  type DurationSettings,
  formatDuration,
  parseDuration,
  type Step,
  type TimeVariation,
} from '@procmap/model';
import { parseNumber } from './parse-number';

/*
 * What the step panel's "varies between … and …" pair and its distribution picker write
 * (docs/format.md, "Simulation inputs"). Workshops give a range around the usual time, so a
 * range is triangular with the step's own time as its most likely value, unless an analyst
 * chose uniform. Every rule the simulation would trip over is refused here, with words that
 * name the times as the panel shows them, so nothing invalid reaches the document.
 */

/** A step time the panel edits, and the field that says how it varies. */
export type TimeField = 'processTime' | 'waitTime';

export const VARIATION_OF = {
  processTime: 'processVariation',
  waitTime: 'waitVariation',
} as const satisfies Record<TimeField, keyof Step>;

/** How the panel names each time inside a sentence ("the process time"). */
export const TIME_NOUNS: Record<TimeField, string> = {
  processTime: 'process time',
  waitTime: 'wait',
};

export const DISTRIBUTION_LABELS: Record<Distribution, string> = {
  fixed: 'Fixed',
  exponential: 'Exponential',
  triangular: 'Triangular',
  uniform: 'Uniform',
  lognormal: 'Lognormal',
};

/** Which input a refusal is about, so the panel marks that one invalid. */
export type Culprit = 'min' | 'max' | 'range' | 'distribution' | 'cv';

export type VariationResult =
  | { readonly ok: true; readonly variation: TimeVariation | undefined }
  | { readonly ok: false; readonly at: Culprit; readonly message: string };

/** A picked distribution that needs another input before anything can be written. */
export interface Pending {
  readonly ok: 'pending';
  readonly needs: 'range' | 'cv';
}

const refuse = (at: Culprit, message: string) => ({ ok: false, at, message }) as const;

/** The distribution a stored variation means; absent is fixed. */
export function distributionOf(variation: TimeVariation | undefined): Distribution {
  return variation?.distribution ?? 'fixed';
}

/** The bounds of a range distribution, or undefined for the others. */
export function rangeOf(
  variation: TimeVariation | undefined,
): { readonly min: number; readonly max: number } | undefined {
  if (variation?.distribution === 'triangular' || variation?.distribution === 'uniform') {
    return { min: variation.min, max: variation.max };
  }
  return undefined;
}

/**
 * Why `time` cannot go with `variation`, in the panel's words, or undefined when it can: a
 * triangular range must hold its most likely value, and a lognormal time needs a mean above 0.
 * A missing time counts as 0, as the simulation counts it.
 */
export function fitProblem(
  field: TimeField,
  time: number | undefined,
  variation: TimeVariation | undefined,
  settings: DurationSettings,
): string | undefined {
  const noun = TIME_NOUNS[field];
  const t = time ?? 0;
  if (variation?.distribution === 'triangular' && (t < variation.min || t > variation.max)) {
    const range = `${formatDuration(variation.min, settings)} to ${formatDuration(variation.max, settings)}`;
    if (time === undefined) {
      return `Give the ${noun} first: it is the most likely value of the range.`;
    }
    return `The ${noun}, ${formatDuration(t, settings)}, is the most likely value, so the range (${range}) must include it.`;
  }
  if (variation?.distribution === 'lognormal' && !(t > 0)) {
    return `A lognormal ${noun} needs a ${noun} above 0.`;
  }
  return undefined;
}

/**
 * The variation a typed range sets. Both ends empty: none (the time never varies). The range is
 * uniform when that is the distribution chosen, triangular otherwise.
 */
export function rangeVariation(input: {
  readonly field: TimeField;
  readonly min: string;
  readonly max: string;
  readonly time: number | undefined;
  readonly distribution: Distribution;
  readonly settings: DurationSettings;
}): VariationResult {
  const { field, settings } = input;
  const minText = input.min.trim();
  const maxText = input.max.trim();
  if (minText === '' && maxText === '') return { ok: true, variation: undefined };
  if (minText === '' || maxText === '') {
    return refuse(
      minText === '' ? 'min' : 'max',
      'Give both ends of the range, or clear both for a time that never varies.',
    );
  }
  const min = parseDuration(minText, settings);
  if (!min.ok) return refuse('min', min.message);
  const max = parseDuration(maxText, settings);
  if (!max.ok) return refuse('max', max.message);
  if (min.minutes > max.minutes) {
    return refuse(
      'range',
      `The range goes from the shorter time to the longer: ${formatDuration(min.minutes, settings)} is above ${formatDuration(max.minutes, settings)}.`,
    );
  }
  const variation: TimeVariation = {
    distribution: input.distribution === 'uniform' ? 'uniform' : 'triangular',
    min: min.minutes,
    max: max.minutes,
  };
  const problem = fitProblem(field, input.time, variation, settings);
  return problem ? refuse('range', problem) : { ok: true, variation };
}

/**
 * The variation a distribution picked from the list sets. A range distribution keeps the range
 * already there and a lognormal its cv; without them the pick waits for that input.
 */
export function pickedVariation(input: {
  readonly field: TimeField;
  readonly distribution: Distribution;
  readonly current: TimeVariation | undefined;
  readonly time: number | undefined;
  readonly settings: DurationSettings;
}): VariationResult | Pending {
  const { field, distribution, current, time, settings } = input;
  let variation: TimeVariation | undefined;
  switch (distribution) {
    case 'fixed':
      return { ok: true, variation: undefined };
    case 'exponential':
      variation = { distribution };
      break;
    case 'triangular':
    case 'uniform': {
      const range = rangeOf(current);
      if (!range) return { ok: 'pending', needs: 'range' };
      variation = { distribution, ...range };
      break;
    }
    case 'lognormal':
      if (current?.distribution !== 'lognormal') {
        const problem = fitProblem(field, time, { distribution, cv: 1 }, settings);
        return problem ? refuse('distribution', problem) : { ok: 'pending', needs: 'cv' };
      }
      variation = current;
      break;
  }
  const problem = fitProblem(field, time, variation, settings);
  return problem ? refuse('distribution', problem) : { ok: true, variation };
}

/** The lognormal variation a typed coefficient of variation sets; empty: none. */
export function cvVariation(input: {
  readonly field: TimeField;
  readonly text: string;
  readonly time: number | undefined;
  readonly settings: DurationSettings;
}): VariationResult {
  const parsed = parseNumber(input.text, { above: 0, what: 'The coefficient of variation' });
  if (!parsed.ok) return refuse('cv', parsed.message);
  if (parsed.value === undefined) return { ok: true, variation: undefined };
  const variation: TimeVariation = { distribution: 'lognormal', cv: parsed.value };
  const problem = fitProblem(input.field, input.time, variation, input.settings);
  return problem ? refuse('cv', problem) : { ok: true, variation };
}

/**
 * The patch a typed time makes, or the reason it is refused. A time outside its own triangular
 * range is refused (change the range first); clearing a time clears how it varies, in the same
 * undo step, since a variation of no time means nothing.
 */
export function timePatch(input: {
  readonly field: TimeField;
  readonly text: string;
  readonly step: Step;
  readonly settings: DurationSettings;
}):
  | { readonly ok: true; readonly patch: StepPatch }
  | { readonly ok: false; readonly message: string } {
  const { field, step, settings } = input;
  const key = VARIATION_OF[field];
  if (input.text.trim() === '') {
    return { ok: true, patch: { [field]: undefined, [key]: undefined } };
  }
  const parsed = parseDuration(input.text, settings);
  if (!parsed.ok) return parsed;
  const variation = step[key];
  if (
    variation?.distribution === 'triangular' &&
    (parsed.minutes < variation.min || parsed.minutes > variation.max)
  ) {
    return {
      ok: false,
      message: `${formatDuration(parsed.minutes, settings)} is outside the range it varies between (${formatDuration(variation.min, settings)} to ${formatDuration(variation.max, settings)}): change the range first.`,
    };
  }
  const problem = fitProblem(field, parsed.minutes, variation, settings);
  if (problem) return { ok: false, message: problem };
  return { ok: true, patch: { [field]: parsed.minutes } };
}

/** A short line on how the time varies now, for under the range. */
export function describeVariation(
  field: TimeField,
  time: number | undefined,
  variation: TimeVariation | undefined,
  settings: DurationSettings,
): string {
  const noun = TIME_NOUNS[field];
  const t = time === undefined ? undefined : formatDuration(time, settings);
  switch (variation?.distribution) {
    case undefined:
    case 'fixed':
      return 'Empty: the same every time.';
    case 'triangular':
      return t ? `Most likely ${t}.` : `Most likely: the ${noun}.`;
    case 'uniform':
      return 'Any time in the range, all equally likely.';
    case 'exponential':
      return `Exponential: no range, mean ${t ?? `the ${noun}`}.`;
    case 'lognormal':
      return `Lognormal: no range, mean ${t ?? `the ${noun}`}, cv ${variation.cv}.`;
  }
}
