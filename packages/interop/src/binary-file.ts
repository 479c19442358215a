import { type ImportRefusal, refuse } from './imported';

/*
 * A file that is not text at all, renamed .bpmn, .xml or .csv (a screenshot, a Visio drawing,
 * an Excel workbook, a PDF), told by its first bytes before any parser sees it, so the refusal
 * says what it is rather than what a parser made of it. The text may have been decoded as
 * UTF-8 (a byte it cannot read is U+FFFD) or as Windows-1252 (0x89 is "‰"), so both are
 * looked for.
 */

/** The byte 0x89 read as UTF-8 (unreadable), Windows-1252 or Latin-1; likewise the others. */
const LOST = '\ufffd';

/** Whether the text starts with these characters, each one of the choices given. */
const startsWith = (text: string, ...choices: readonly string[]) =>
  text.length >= choices.length && choices.every((choice, i) => choice.includes(text.charAt(i)));

const KINDS: readonly (readonly [(text: string) => boolean, string])[] = [
  [(t) => startsWith(t, `\u0089\u2030${LOST}`, 'P', 'N', 'G'), 'a PNG image'],
  [(t) => startsWith(t, `\u00ff${LOST}`, `\u00d8${LOST}`, `\u00ff${LOST}`), 'a JPEG image'],
  [(t) => t.startsWith('GIF87a') || t.startsWith('GIF89a'), 'a GIF image'],
  [(t) => t.startsWith('%PDF-'), 'a PDF document'],
  [
    (t) => startsWith(t, 'P', 'K', '\u0003\u0005\u0007', '\u0004\u0006\u0008'),
    'a zip file (for example a Visio .vsdx or an Excel .xlsx: save the sheet as CSV)',
  ],
  [
    (t) => startsWith(t, `\u00d0${LOST}`, `\u00cf${LOST}`, '\u0011', `\u00e0${LOST}`),
    'an older Office file (for example a Visio .vsd or an Excel .xls: save the sheet as CSV)',
  ],
];

/** How much of the start of a file is searched for NUL characters. */
const HEAD = 4096;

/** The refusal of a binary file, or undefined for text. */
export function refuseBinary(text: string): ImportRefusal | undefined {
  const kind =
    KINDS.find(([looksLike]) => looksLike(text))?.[1] ??
    (text.slice(0, HEAD).includes('\u0000') ? 'a binary file' : undefined);
  if (kind === undefined) return undefined;
  return refuse('not-recognised', `This looks like ${kind}, not a BPMN, draw.io or CSV file.`);
}
