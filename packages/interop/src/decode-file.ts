/*
 * A file's bytes as text. Most files are UTF-8, but not all: Excel's "CSV (Comma delimited)"
 * writes the Windows code page (Windows-1252 in Western Europe), older BPMN tools declare
 * ISO-8859-1, and Excel's "Unicode text" is UTF-16. Read as UTF-8, their accented letters
 * would become U+FFFD and be lost. The order: a byte-order mark; an XML file's declared
 * encoding; UTF-8 if the bytes are valid UTF-8; else Windows-1252, which every byte decodes in.
 */

/** The decoder every runtime we run in has (the package compiles without DOM or Node types). */
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(bytes: Uint8Array): string };

export interface DecodedFile {
  readonly text: string;
  /** The encoding the bytes were read in (a WHATWG label: utf-8, utf-16le, windows-1252…). */
  readonly encoding: string;
}

const decoder = (label: string, fatal = false) => {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined; // a label this runtime does not know
  }
};

const LATIN1_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'l1',
  'cp1252',
  'windows-1252',
  'us-ascii',
  'ascii',
]);

/** The encoding an XML declaration names in the file's first bytes, if any. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 256); i++) head += String.fromCharCode(bytes[i] ?? 0);
  const found = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return found?.[1]?.toLowerCase();
}

/** Decodes a file's bytes (see above for the order of the guesses). */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: (decoder('utf-8') ?? fail()).decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return {
      text: (decoder('utf-16le') ?? fail()).decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return {
      text: (decoder('utf-16be') ?? fail()).decode(bytes.subarray(2)),
      encoding: 'utf-16be',
    };
  }
  const declared = declaredEncoding(bytes);
  // The web's encoding standard reads every Latin-1 label as Windows-1252; so does this.
  if (declared && LATIN1_LABELS.has(declared))
    return { text: windows1252(bytes), encoding: declared };
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const named = decoder(declared);
    if (named) return { text: named.decode(bytes), encoding: declared };
  }
  try {
    return { text: (decoder('utf-8', true) ?? fail()).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * What Windows-1252 puts at 0x80–0x9F (where ISO-8859-1 has control characters): €, ‚, „, …,
 * the curly quotes, the dashes, ™… (undefined places stay as their code). Node's TextDecoder
 * reads "windows-1252" as ISO-8859-1 and would lose them, so they are mapped here.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    let part = '';
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      part += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(part);
  }
  return parts.join('');
}

function fail(): never {
  throw new Error('this JavaScript runtime has no TextDecoder for UTF-8');
}
