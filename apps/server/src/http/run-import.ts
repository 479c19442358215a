import {
  checkXml,
  detectFormat,
  type ImportFormat,
  type Imported,
  importFile,
  refuseBinary,
} from '@procmap/interop';
import { validateMap } from '@procmap/model';

/*
 * One import, as the server runs it on its import thread (import-thread.mjs): the format the
 * request's Content-Type names (XML: BPMN or draw.io by its content), the file's name for the
 * title, then the interop package's importer. What comes back is the importer's answer.
 */

/** `xml`: an XML body that may be BPMN or draw.io (`application/xml`, `text/xml`). */
export type ImportBodyFormat = ImportFormat | 'xml';

export interface ImportJob {
  readonly text: string;
  readonly format: ImportBodyFormat;
  /** The file's name (`?name=`), if given: the title of a map that has none. */
  readonly name?: string;
  /**
   * When the import happens (ISO 8601): the time of the notes made from draw.io text boxes and
   * of the note on the map that records what was approximated.
   */
  readonly createdAt: string;
}

/** A title made of a file name is kept short (a map's own title may be longer). */
const TITLE_CHARS = 120;

/** The file's name without its folder and extension. */
export function titleOfName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(bpmn2?|bpmn20\.xml|drawio|dio|xml|csv|tsv|txt)$/i, '');
  return Array.from(stem.trim()).slice(0, TITLE_CHARS).join('').trim();
}

function xmlFormat(text: string): ImportFormat | Imported {
  const unsafe = checkXml(text);
  if (unsafe) return unsafe;
  const found = detectFormat(undefined, text);
  if (found === 'bpmn' || found === 'drawio') return found;
  return {
    ok: false,
    code: 'not-recognised',
    message:
      'This XML is neither BPMN 2.0 (a definitions element in the BPMN model namespace) nor a draw.io diagram (mxfile or mxGraphModel).',
  };
}

/** Imports a request's body: a valid map and its notes, or the importer's refusal. */
export async function runImport(job: ImportJob): Promise<Imported> {
  // A PNG or a zip sent as XML is refused for what it is, before the XML checks.
  const binary = refuseBinary(job.text);
  if (binary) return binary;
  const format = job.format === 'xml' ? xmlFormat(job.text) : job.format;
  if (typeof format !== 'string') return format;
  const title = titleOfName(job.name);
  const imported = await importFile(job.text, {
    format,
    ...(job.name === undefined ? {} : { name: job.name }),
    csv: { title },
    notes: { createdAt: job.createdAt },
  });
  if (!imported.ok || imported.map.title.trim() !== '' || title === '') return imported;
  const checked = validateMap({ ...imported.map, title });
  return checked.ok ? { ...imported, map: checked.map } : imported;
}
