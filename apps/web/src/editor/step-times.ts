import { roundedDuration, type Step } from '@procmap/model';

/**
 * A step's times at a glance, as the analysis shows them ("10 min · waits 2 d"), or undefined
 * when it has none.
 */
export function stepTimes(step: Step, hoursPerDay: number): string | undefined {
  const parts: string[] = [];
  if (step.processTime !== undefined) parts.push(roundedDuration(step.processTime, hoursPerDay));
  if (step.waitTime !== undefined && step.waitTime > 0) {
    parts.push(`waits ${roundedDuration(step.waitTime, hoursPerDay)}`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
