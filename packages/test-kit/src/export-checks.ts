import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SaxesParser } from 'saxes';

/*
 * Checks on exported files, for tests: the bundled fonts, a PDF's text as poppler's pdftotext
 * reads it, and a strict XML parse of an SVG.
 */

const exportDir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));

/** The fonts bundled with the export package, read once. */
export const EXPORT_FONTS: { readonly regular: Uint8Array; readonly bold: Uint8Array } = {
  regular: readFileSync(join(exportDir, 'fonts/LiberationSans-Regular.ttf')),
  bold: readFileSync(join(exportDir, 'fonts/LiberationSans-Bold.ttf')),
};

/** Whether poppler's pdftotext is installed; when it is not, PDF text tests skip and say why. */
export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
if (!HAS_PDFTOTEXT) {
  console.warn('pdftotext (poppler-utils) is not installed: skipping the tests that read PDF text');
}

/** The text of a PDF (or of pages `first`..`last`) as pdftotext extracts it, in drawing order. */
export function pdfText(bytes: Uint8Array, first?: number, last?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'procmap-export-'));
  try {
    const file = join(dir, 'out.pdf');
    writeFileSync(file, bytes);
    const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-'], {
      encoding: 'utf8',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collapses all whitespace to single spaces, to compare wrapped text. */
export const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface XmlTree {
  readonly elements: { name: string; attributes: Record<string, string> }[];
  readonly text: string;
  readonly texts: string[];
}

/** Parses XML strictly (throws on anything not well-formed) and lists elements and text. */
export function parseXml(xml: string): XmlTree {
  const parser = new SaxesParser({ xmlns: false });
  const elements: XmlTree['elements'] = [];
  const texts: string[] = [];
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string> });
  });
  parser.on('text', (t) => {
    if (t.trim() !== '') texts.push(t);
  });
  parser.on('doctype', () => {
    error ??= new Error('a DOCTYPE is not expected');
  });
  parser.write(xml).close();
  if (error) throw error;
  return { elements, text: texts.join('\n'), texts };
}
