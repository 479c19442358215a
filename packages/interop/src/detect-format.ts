import type { ImportFormat } from './imported';

/*
 * Which importer reads a file: by its name's extension when that says, else by its first bytes.
 * A `.xml` file can be BPMN or draw.io; only its content tells.
 */

/** What a file is: one of the formats procmap imports, its own map file, or not known. */
export type DetectedFormat = ImportFormat | 'procmap' | undefined;

const BY_EXTENSION: readonly [RegExp, ImportFormat | 'procmap'][] = [
  [/\.procmap\.json$|\.json$/i, 'procmap'],
  [/\.bpmn2?$|\.bpmn20\.xml$/i, 'bpmn'],
  [/\.drawio$|\.dio$/i, 'drawio'],
  [/\.csv$|\.tsv$/i, 'csv'],
];

/** The BPMN 2.0 model namespace: a file is BPMN by it, whatever prefix it binds. */
export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** The first element's name in XML text (prefix kept), skipping the prolog; or undefined. */
function rootElement(text: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)[\s/>]/.exec(
    text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''),
  );
  return root?.[1];
}

/** The format of a file by its content alone. */
export function formatOfContent(text: string): DetectedFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'procmap';
  if (start.startsWith('<')) {
    const head = start.slice(0, 4096);
    const root = rootElement(head);
    const local = root?.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
    if (local === 'mxfile' || local === 'mxGraphModel') return 'drawio';
    if (local === 'definitions' && head.includes(BPMN_MODEL_NS)) return 'bpmn';
    return undefined;
  }
  return start === '' ? undefined : 'csv';
}

/**
 * The format of a file: its extension when that names one (a `.xml` file by content), else
 * its content. `undefined` when neither says.
 */
export function detectFormat(name: string | undefined, text: string): DetectedFormat {
  const file = name ?? '';
  for (const [pattern, format] of BY_EXTENSION) if (pattern.test(file)) return format;
  return formatOfContent(text);
}
