/*
 * User text as XML 1.0 may hold it. Escaping (quotes, <, &) is bpmn-moddle's job; what no
 * escaping can carry is a character XML 1.0 forbids outright: the C0 controls other than tab,
 * line feed and carriage return, U+FFFE and U+FFFF, and half of a surrogate pair. A parser
 * refuses the whole file for one of them, so they are taken out here, before any text reaches
 * the model tree: controls are dropped, half a pair becomes U+FFFD. Line breaks are made line
 * feeds: a carriage return would come back from an attribute as a space.
 */

const REPLACEMENT = '\uFFFD';

/** Whether UTF-16 unit `c` may stand in XML 1.0 text on its own (surrogates are paired apart). */
function allowed(c: number): boolean {
  return c === 0x09 || c === 0x0a || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** `text` with every character XML 1.0 forbids removed (half a surrogate pair becomes U+FFFD). */
export function xmlSafe(input: string): string {
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  let i = 0;
  // The usual label has nothing to take out: no copy then.
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) i++;
    else if (!allowed(c) || isLow(c) || isHigh(c)) break;
  }
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHigh(c) && isLow(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else if (isHigh(c) || isLow(c)) out += REPLACEMENT;
    else if (allowed(c)) out += text[i];
  }
  return out;
}

/** Clean text, or undefined for a value that is not text or is empty once cleaned. */
export function xmlText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = xmlSafe(value);
  return clean === '' ? undefined : clean;
}
