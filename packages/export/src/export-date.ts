/*
 * The date an export prints, in one wording everywhere: "29 November 2026". The package never
 * reads the clock; callers pass the moment (usually `new Date()`), or a date of their own as text.
 */

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A moment as the date an export prints: "29 November 2026", in the runtime's time zone. */
export function formatExportDate(at: Date): string {
  return DATE_FORMAT.format(at);
}
