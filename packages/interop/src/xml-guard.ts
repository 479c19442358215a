import { MAX_IMPORT_BYTES, type ImportRefusal, refuse } from './imported';

/*
 * What an XML file must pass before any parser sees it. A document type declaration is the
 * only way into external entities (XXE: reading the server's files, reaching its network) and
 * entity expansion ("billion laughs"), and no BPMN or draw.io file needs one, so a file that
 * declares one is refused outright rather than parsed carefully. Size is checked first, on the
 * bytes, so a huge file costs nothing.
 */

/** The size of `text` in UTF-8 bytes, without encoding it (a 50 MB string is not copied). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > MAX_IMPORT_BYTES) return bytes; // enough to refuse: stop counting
  }
  return bytes;
}

/** Refuses a file over the size limit, before anything reads it. */
export function checkSize(text: string): ImportRefusal | undefined {
  if (text.length > MAX_IMPORT_BYTES || utf8Length(text) > MAX_IMPORT_BYTES) {
    return refuse(
      'too-large',
      `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most procmap imports. Split the process into smaller files.`,
    );
  }
  return undefined;
}

/** The line and column (from 1) of offset `at` in `text`. */
export function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: at - start + 1 };
}

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)\b/i;

/**
 * Refuses XML that is too large or declares a document type or entities; otherwise undefined.
 * Looks at the whole text, so a declaration hidden after a comment is found too.
 */
export function checkXml(text: string): ImportRefusal | undefined {
  const size = checkSize(text);
  if (size) return size;
  const found = DECLARATION.exec(text);
  if (found) {
    return refuse(
      'unsafe-xml',
      'This XML file declares a document type or entities (<!DOCTYPE or <!ENTITY). procmap never reads those, as they can make a file read other files or expand without end; BPMN and draw.io files do not need them. Remove the declaration and import again.',
      lineAndColumn(text, found.index),
    );
  }
  return undefined;
}
