/*
 * A timer's duration (ISO 8601, as BPMN writes it: "PT30M", "P2D", "P1DT4H") in minutes, for
 * the wait of the delay step the timer becomes. Days and weeks are working days and weeks, as
 * every time in procmap is (a day of 7.5 working hours, a week of 5 days: the defaults);
 * months and years are too vague to be a wait and give nothing.
 */

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const DURATION = new RegExp(
  `^P(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
  'i',
);

const num = (part: string | undefined) => (part === undefined ? 0 : Number(part.replace(',', '.')));

/** Minutes of an ISO 8601 duration, or undefined when it is not one procmap can read. */
export function durationMinutes(
  text: string,
  workingDay: { hoursPerDay: number; daysPerWeek: number } = { hoursPerDay: 7.5, daysPerWeek: 5 },
): number | undefined {
  const found = DURATION.exec(text.trim());
  if (!found || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined;
  const [, w, d, h, m, s] = found;
  const day = workingDay.hoursPerDay * 60;
  const minutes =
    num(w) * workingDay.daysPerWeek * day + num(d) * day + num(h) * 60 + num(m) + num(s) / 60;
  return Number.isFinite(minutes) ? Math.round(minutes * 100) / 100 : undefined;
}
