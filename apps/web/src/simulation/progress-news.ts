/*
 * What the live region says while a run goes: a quarter passed, in a long run only. A short
 * run says it started and what it found, and nothing in between.
 */

/** A run must be going this long before its quarters are said. */
export const QUIET_MS = 2000;

/** "Simulation 50% done" when `done` has passed a quarter that `before` had not; else null. */
export function progressNews(before: number, done: number, elapsedMs: number): string | null {
  if (elapsedMs < QUIET_MS) return null;
  const quarter = Math.floor(done * 4);
  if (quarter <= Math.floor(before * 4) || quarter < 1 || quarter > 3) return null;
  return `Simulation ${quarter * 25}% done`;
}

/** The progress bar's words: "42% done". */
export function progressText(done: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, done)) * 100)}% done`;
}
