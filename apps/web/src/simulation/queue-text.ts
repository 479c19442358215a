import { formatMinutes } from '@procmap/analysis';
import type { StepId } from '@procmap/model';
import type { MapNames } from '../editor/step-names';

/*
 * The queue overlay in words, as the analysis heat is: each step's chip, its tooltip and its
 * spoken name say the figure the colour shows, and the legend names the ends of the scale.
 */

/** What the colour measures, as the legend titles it. */
export const QUEUE_TITLE = 'Queue at each step, per case (simulated)';

/** A step's figure as its chip shows it: "Queue 2.5 h", "No queue", or not in the run. */
export function queueValueText(minutes: number | undefined, hoursPerDay: number): string {
  if (minutes === undefined) return 'Not in the last run';
  return minutes > 0 ? `Queue ${formatMinutes(minutes, hoursPerDay)}` : 'No queue';
}

/** A step's figure in a sentence, for its tooltip. */
export function queueValueHint(minutes: number | undefined, hoursPerDay: number): string {
  if (minutes === undefined) return 'This step was not on the map when the simulation ran';
  return `Simulated queue at this step, per case: ${formatMinutes(minutes, hoursPerDay)}`;
}

/** The legend's labels: the cool end, the middle and the hottest step; null when nothing queues. */
export function queueScaleLabels(
  hottest: number,
  hoursPerDay: number,
): readonly [string, string, string] | null {
  if (!(hottest > 0)) return null;
  return ['No queue', formatMinutes(hottest / 2, hoursPerDay), formatMinutes(hottest, hoursPerDay)];
}

/**
 * Step names with the queue overlay's figure at their end, as the analysis heat adds its own:
 * a listener hears what a sighted person reads off the chip.
 */
export function withQueueFigures(
  names: MapNames,
  marks: ReadonlyMap<string, { readonly minutes: number }>,
  hoursPerDay: number,
): MapNames {
  const steps = new Map<StepId, string>();
  for (const [id, name] of names.steps) {
    steps.set(id, `${name}; ${queueValueText(marks.get(id)?.minutes, hoursPerDay)}`);
  }
  return { ...names, steps };
}
