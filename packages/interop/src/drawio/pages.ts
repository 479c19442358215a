import { type ImportRefusal, MAX_IMPORT_BYTES, refuse } from '../imported';
import { checkXml } from '../xml-guard';
import { inflatePage } from './inflate-page';
import { parseXml, type XmlElement } from './xml-tree';

/*
 * The pages of a draw.io file. A `.drawio` file is an <mxfile> of <diagram> pages, each holding
 * an <mxGraphModel> or, as draw.io saves by default, that model compressed into text. A bare
 * <mxGraphModel> (copied from draw.io's Extras > Edit Diagram) is one page. A compressed page
 * is a second XML document, so it passes the same checks as the file: an entity declaration or
 * a bomb could hide inside it.
 */

export interface PageRef {
  /** The page's name ("Page-1"); "" when it has none. */
  readonly name: string;
  /** Its place in the file, from 1. */
  readonly number: number;
  /** The <diagram> element, or the <mxGraphModel> itself for a bare model. */
  readonly element: XmlElement;
}

export type Pages = { readonly ok: true; readonly pages: readonly PageRef[] } | ImportRefusal;

/** The pages of a parsed file, or why it is not a draw.io file. */
export function listPages(root: XmlElement): Pages {
  if (root.name === 'mxGraphModel')
    return { ok: true, pages: [{ name: '', number: 1, element: root }] };
  if (root.name !== 'mxfile') {
    return refuse(
      'not-recognised',
      `This is not a draw.io file: its root element is <${root.name}>, where draw.io writes <mxfile> or <mxGraphModel>.`,
      { line: root.line },
    );
  }
  const pages = root.children
    .filter((c) => c.name === 'diagram')
    .map((element, i) => ({ name: element.attributes.name ?? '', number: i + 1, element }));
  if (pages.length === 0) return refuse('empty', 'This draw.io file has no pages (no <diagram>).');
  return { ok: true, pages };
}

const quoted = (page: PageRef) => (page.name ? `"${page.name}"` : `${page.number}`);

const WHY: Readonly<Record<string, string>> = {
  'not-base64': 'its text is not base64',
  corrupt: 'its data is not valid deflate data (the file may be cut short or damaged)',
  'not-xml': 'it does not inflate to a draw.io diagram',
};

/** A page's <mxGraphModel>, inflating a compressed page; undefined for an empty page. */
export function pageModel(
  page: PageRef,
): { readonly ok: true; readonly model: XmlElement | undefined } | ImportRefusal {
  const { element } = page;
  if (element.name === 'mxGraphModel') return { ok: true, model: element };
  const model = element.children.find((c) => c.name === 'mxGraphModel');
  if (model) return { ok: true, model };
  const data = element.text.trim();
  if (data === '') return { ok: true, model: undefined };
  const inflated = inflatePage(data);
  if (!inflated.ok) {
    if (inflated.reason === 'too-large') {
      return refuse(
        'too-large',
        `Page ${quoted(page)} inflates to more than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB procmap imports: it is refused, as a file built to expand without end would be.`,
        { line: element.line },
      );
    }
    return refuse(
      'malformed',
      `Page ${quoted(page)} is compressed but could not be decoded: ${WHY[inflated.reason]}.`,
      { line: element.line },
    );
  }
  const unsafe = checkXml(inflated.xml);
  if (unsafe) {
    const at = unsafe.line === undefined ? '' : ` (line ${unsafe.line} of the page's XML)`;
    return refuse(unsafe.code, `Inside compressed page ${quoted(page)}${at}: ${unsafe.message}`, {
      line: element.line,
    });
  }
  const parsed = parseXml(inflated.xml, `Compressed page ${quoted(page)}`);
  if (!parsed.ok) {
    const at =
      parsed.line === undefined
        ? ''
        : ` (line ${parsed.line}, column ${parsed.column} of the page's XML)`;
    return refuse(parsed.code, `${parsed.message}${at}`, { line: element.line });
  }
  if (parsed.root.name !== 'mxGraphModel') {
    return refuse(
      'not-recognised',
      `Page ${quoted(page)} inflates to <${parsed.root.name}>, not a draw.io diagram (<mxGraphModel>).`,
      { line: element.line },
    );
  }
  return { ok: true, model: parsed.root };
}
