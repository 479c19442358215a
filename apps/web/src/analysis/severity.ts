import type { Severity } from '@procmap/analysis';

/*
 * A finding's severity in words and as a symbol, so it is never told by colour alone: the
 * badge on a step and the findings in the panel show the symbol beside their colour, and say
 * the word to a screen reader.
 */

/** Severity as the room says it. */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = {
  critical: 'high',
  warning: 'medium',
  info: 'low',
};

/** One symbol per severity, each a different shape: "!" high, a triangle medium, "i" low. */
export const SEVERITY_SYMBOLS: Readonly<Record<Severity, string>> = {
  critical: '!',
  warning: '▲',
  info: 'i',
};

/** What a step's finding badge says: "2 findings, worst high"; "1 finding, medium". */
export function findingsText(count: number, worst: Severity | null): string {
  const counted = `${count} ${count === 1 ? 'finding' : 'findings'}`;
  if (worst === null) return counted;
  return count === 1
    ? `${counted}, ${SEVERITY_WORDS[worst]}`
    : `${counted}, worst ${SEVERITY_WORDS[worst]}`;
}
