import { formatMinutes } from '@procmap/analysis';
import type { HeatMode } from './analysis-store';

/*
 * The heat overlay in words: what it measures, each step's figure, and the figures at the cool
 * end, the middle and the hot end of its colour scale. The colour repeats the text; it never
 * carries the figure alone.
 */

/** A heat mode that colours the steps. */
export type HeatMeasure = Exclude<HeatMode, 'off'>;

/** What the colour measures, as the legend titles it. */
export const HEAT_TITLES: Readonly<Record<HeatMeasure, string>> = {
  wait: 'Wait before each step, per case',
  lead: 'Time at each step (wait and work) as a share of the lead time',
};

/** A share of the lead time in whole percent; a sliver above nothing is "under 1%", not "0%". */
function share(minutes: number, leadTime: number): string {
  const percent = (minutes / leadTime) * 100;
  return percent > 0 && percent < 0.5 ? 'under 1%' : `${Math.round(percent)}%`;
}

/** A step's figure as its heat chip shows it: "Wait 3 d", "No wait", "42% of lead time". */
export function heatValueText(
  measure: HeatMeasure,
  minutes: number,
  leadTime: number,
  hoursPerDay: number,
): string {
  if (measure === 'wait') {
    return minutes > 0 ? `Wait ${formatMinutes(minutes, hoursPerDay)}` : 'No wait';
  }
  return leadTime > 0
    ? `${share(minutes, leadTime)} of lead time`
    : `${formatMinutes(minutes, hoursPerDay)} a case`;
}

/** A step's figure in a sentence, for its tooltip. */
export function heatValueHint(
  measure: HeatMeasure,
  minutes: number,
  leadTime: number,
  hoursPerDay: number,
): string {
  const span = formatMinutes(minutes, hoursPerDay);
  if (measure === 'wait') return `Wait before this step, per case: ${span}`;
  return leadTime > 0
    ? `Wait and work at this step, per case: ${span}, ${share(minutes, leadTime)} of the ${formatMinutes(leadTime, hoursPerDay)} lead time`
    : `Wait and work at this step, per case: ${span}`;
}

/**
 * The legend's labels under its colour scale: the cool end, the middle and the hot end (the
 * hottest step's figure); null when no step has anything to show yet.
 */
export function heatScaleLabels(
  measure: HeatMeasure,
  hottest: number,
  leadTime: number,
  hoursPerDay: number,
): readonly [string, string, string] | null {
  if (!(hottest > 0)) return null;
  if (measure === 'wait') {
    return [
      'No wait',
      formatMinutes(hottest / 2, hoursPerDay),
      formatMinutes(hottest, hoursPerDay),
    ];
  }
  if (leadTime > 0) return ['0%', share(hottest / 2, leadTime), share(hottest, leadTime)];
  return ['0', formatMinutes(hottest / 2, hoursPerDay), formatMinutes(hottest, hoursPerDay)];
}
