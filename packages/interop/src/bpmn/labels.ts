import { MAX_LABEL_LENGTH, shortLabel } from '@procmap/model';

/*
 * BPMN names are drawn in boxes, so modellers break them over lines ("Bewerbungs-\nprüfung
 * gewünscht"); procmap labels are one line. A word hyphenated at a line break is joined again
 * when the next line goes on in lower case ("Bewerbungsprüfung"); before a capital the hyphen is
 * kept ("Bewerber-Bewertung"), as German compounds are written. Other breaks become spaces.
 */
export function singleLine(name: string): string {
  return name
    .replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})/gu, '$1')
    .replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{Lu}|\p{N})/gu, '$1-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a name was written over several lines. */
export const hadLineBreaks = (name: string): boolean => /[\r\n]/.test(name.trim());

/** A label within the map's cap: `cut` says whether the name was shortened. */
export function fitLabel(name: string): { label: string; cut: boolean } {
  const label = singleLine(name);
  if (label.length <= MAX_LABEL_LENGTH) return { label, cut: false };
  return { label: shortLabel(label, MAX_LABEL_LENGTH), cut: true };
}

/**
 * The probability a flow's name or condition states, when it clearly is one: "80%", "80 %",
 * "0.8", "0,8", ".25", or a name ending in one in brackets ("Yes (80%)"). Anything else, such as
 * "${amount > 1000}" or "3 days", or a bare 0 or 1 (a yes or no as often as a share), states none.
 */
export function probabilityIn(text: string): number | undefined {
  const t = text.trim();
  const inBrackets = /\((\d{1,3}(?:[.,]\d+)?)\s*%\)$/.exec(t);
  const percent = /^(\d{1,3}(?:[.,]\d+)?)\s*%$/.exec(t) ?? inBrackets;
  if (percent) {
    const value = Number((percent[1] as string).replace(',', '.')) / 100;
    return value >= 0 && value <= 1 ? value : undefined;
  }
  const share = /^(0?[.,]\d+|1[.,]0+)$/.exec(t);
  if (share) return Number((share[1] as string).replace(',', '.'));
  return undefined;
}
