import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUNDLED_FONTS, type ExportFonts } from '@procmap/export';
import { SaxesParser } from 'saxes';

/*
 * Checks on exported files, for tests: the bundled fonts, a PDF's text as poppler's pdftotext
 * reads it, and a strict XML parse of an SVG.
 */

const exportDir = dirname(createRequire(import.meta.url).resolve('@procmap/export/package.json'));

const font = (name: string) => readFileSync(join(exportDir, 'fonts', name));

/** The Latin fonts bundled with the export package, read once. */
export const EXPORT_FONTS: { readonly regular: Uint8Array; readonly bold: Uint8Array } = {
  regular: font(BUNDLED_FONTS.regular),
  bold: font(BUNDLED_FONTS.bold),
};

/** Every font bundled with the export package, the Arabic ones included. */
export const EXPORT_FONTS_ALL: ExportFonts = {
  ...EXPORT_FONTS,
  arabic: {
    regular: font(BUNDLED_FONTS.arabic.regular),
    bold: font(BUNDLED_FONTS.arabic.bold),
  },
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

/**
 * Runs a poppler tool (pdftotext, pdffonts, pdftoppm…) on a PDF in a temporary folder: `FILE`
 * among the arguments stands for the PDF. Returns its output and what it complained about.
 */
export function poppler(tool: string, args: readonly string[], pdf: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'procmap-poppler-'));
  try {
    const file = join(dir, 'map.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync(tool, [...args.map((a) => (a === 'FILE' ? file : a))], {
      encoding: 'utf8',
      cwd: dir,
    });
    if (out.error) throw out.error;
    return { stdout: out.stdout, stderr: out.stderr, status: out.status };
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

/** Presentation attributes an SVG element passes on to what it contains. */
const INHERITED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'marker-end',
  'font-size',
  'font-weight',
  'text-anchor',
] as const;

/** A drawn SVG element with the attributes it has once its groups' are passed down. */
export interface SvgShape {
  readonly name: string;
  /** Its own attributes. */
  readonly own: Record<string, string>;
  /** Inherited presentation attributes, overridden by its own. */
  readonly style: Partial<Record<(typeof INHERITED)[number], string>>;
  /** Text content (of a text element). */
  readonly text: string;
}

/**
 * The shapes an SVG draws, in painting order, each with its effective style: what a viewer
 * paints, whatever grouping the writer chose. Shapes inside defs (marker content) are left out;
 * `markers` maps each marker id to its fill.
 */
export function svgShapes(xml: string): { shapes: SvgShape[]; markers: Map<string, string> } {
  const parser = new SaxesParser({ xmlns: false });
  type Open = {
    name: string;
    own: Record<string, string>;
    style: SvgShape['style'];
    text: string;
    inDefs: boolean;
  };
  const stack: Open[] = [{ name: '', own: {}, style: {}, text: '', inDefs: false }];
  const shapes: Open[] = [];
  const markers = new Map<string, string>();
  let marker: string | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1] as Open;
    const own = tag.attributes as Record<string, string>;
    const style: SvgShape['style'] = { ...parent.style };
    for (const key of INHERITED) if (key in own) style[key] = own[key];
    const node = {
      name: tag.name,
      own,
      style,
      text: '',
      inDefs: parent.inDefs || tag.name === 'defs',
    };
    stack.push(node);
    if (tag.name === 'marker') marker = own.id;
    if (node.inDefs && marker && own.fill) markers.set(marker, own.fill);
    if (!node.inDefs && ['rect', 'path', 'polygon', 'text'].includes(tag.name)) shapes.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1] as Open;
    if (top.name === 'text') top.text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'marker') marker = undefined;
  });
  parser.write(xml).close();
  if (error) throw error;
  return { shapes, markers };
}
