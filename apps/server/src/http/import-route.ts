import type { IncomingMessage } from 'node:http';
import { decodeFile, type ImportNote, MAX_IMPORT_BYTES } from '@procmap/interop';
import type { CreatedMap, MapService } from '../maps/map-service';
import { ImportThread } from './import-pool';
import { HttpError, readBody, requireIdentityEncoding } from './respond';
import type { ImportBodyFormat } from './run-import';

/*
 * POST /api/maps with a file to import instead of a map: BPMN 2.0, a spreadsheet of steps or a
 * draw.io diagram, told by its Content-Type, with `?name=` for the file's name (the title of a
 * map that has none). The file is read on the import thread (import-pool.ts) by the interop
 * package, and the map it makes is created as a JSON map file would be. A file the importer
 * refuses is a 400 `import-refused` with the importer's reason, words and place; nothing is
 * created.
 */

/** The media types a file to import may be sent as, and what each is read as. */
export const IMPORT_TYPES: Readonly<Record<string, ImportBodyFormat>> = {
  'application/bpmn+xml': 'bpmn',
  'application/xml': 'xml',
  'text/xml': 'xml',
  'text/csv': 'csv',
  'application/vnd.jgraph.mxfile': 'drawio',
};

const ACCEPTED = ['application/json', ...Object.keys(IMPORT_TYPES)].join(', ');
/** The longest `?name=` kept: a file name, not a document. */
const NAME_CHARS = 255;

let thread: ImportThread | undefined;

/** The format a request's Content-Type names for an import; 415 for any other type. */
export function importFormatOf(req: IncomingMessage): ImportBodyFormat {
  const declared = req.headers['content-type'];
  // A charset is not refused: the bytes are read as they were written (decodeFile), which is
  // what a charset would say, and right where a client states one wrongly.
  const [type = ''] = (declared ?? '').split(';');
  const media = type.trim().toLowerCase();
  const format = Object.hasOwn(IMPORT_TYPES, media) ? IMPORT_TYPES[media] : undefined;
  if (format === undefined) {
    const sent =
      declared === undefined ? 'has no Content-Type' : `is ${JSON.stringify(media.slice(0, 60))}`;
    throw new HttpError(
      'unsupported-media-type',
      `the body ${sent}: send a map as application/json, or a file to import as one of ${ACCEPTED}`,
    );
  }
  requireIdentityEncoding(req);
  return format;
}

/** The body as text: at most MAX_IMPORT_BYTES (413 past it, never all held), decoded as written. */
async function readImportText(req: IncomingMessage): Promise<string> {
  const mib = MAX_IMPORT_BYTES / (1024 * 1024);
  const bytes = await readBody(
    req,
    MAX_IMPORT_BYTES,
    `the file is larger than ${MAX_IMPORT_BYTES} bytes (${mib} MiB), the most procmap imports`,
  );
  // UTF-8, UTF-16 by its mark, an XML declaration's encoding, or Excel's Windows-1252.
  const { text } = decodeFile(bytes);
  if (text.trim() === '')
    throw new HttpError('empty-body', 'the body is empty: send the file to import');
  return text;
}

export interface ImportCreated {
  readonly created: CreatedMap;
  readonly notes: readonly ImportNote[];
}

/**
 * Imports the request's body and creates its map; a file the importer refuses is a 400
 * `import-refused` (thrown). Called once the caller may create maps (admin token or rate limit).
 */
export async function createFromImport(
  req: IncomingMessage,
  url: URL,
  maps: MapService,
): Promise<ImportCreated> {
  const format = importFormatOf(req);
  const text = await readImportText(req);
  const name = url.searchParams.get('name')?.slice(0, NAME_CHARS);
  thread ??= new ImportThread();
  const imported = await thread.run({
    text,
    format,
    ...(name ? { name } : {}),
    createdAt: new Date().toISOString(),
  });
  if (!imported.ok) {
    const { ok: _, code, message, ...place } = imported;
    // `import-refused`, with the importer's own code as the reason and where in the file.
    throw new HttpError('import-refused', message, { reason: code, ...place });
  }
  return { created: await maps.create(imported.map), notes: imported.notes };
}
