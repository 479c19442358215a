import { SaxesParser } from 'saxes';
import { type ImportRefusal, refuse } from '../imported';

/*
 * XML read into a small tree of elements with saxes, a well-kept conforming parser that says
 * where a file breaks. The text must have passed checkXml first (no document type, no
 * entities, size): saxes knows only XML's five predefined entities and refuses any other.
 * Building the tree needs no recursion, so deep nesting cannot overflow the stack.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (not its children's), CDATA included. */
  text: string;
  /** The line (from 1) where its start tag ends. */
  readonly line: number;
}

export type ParsedXml = { readonly ok: true; readonly root: XmlElement } | ImportRefusal;

/** Parses `text`, or refuses it as malformed with the line and column of the first fault. */
export function parseXml(text: string, where = 'This file'): ParsedXml {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes,
      children: [],
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  // saxes closes a self-closing tag too, so every open has its close.
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (chunk: string) => {
    const open = stack[stack.length - 1];
    if (open) open.text += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(text).close();
  } catch (error) {
    const said = error instanceof Error ? error.message : String(error);
    const message = said.replace(/^\d+:\d+:\s*/, '');
    return refuse(
      'malformed',
      `${where} is not well-formed XML: a tag, a quote or a character is out of place, so it cannot be read (the XML reader says "${message.replace(/\.$/, '')}").`,
      {
        line: parser.line,
        column: parser.column + 1,
      },
    );
  }
  if (!root) return refuse('empty', `${where} holds no XML element.`);
  return { ok: true, root };
}
