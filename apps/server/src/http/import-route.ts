import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ImportNote, MAX_IMPORT_BYTES } from '@procmap/interop';
import type { CreatedMap, MapService } from '../maps/map-service';
import { ImportThread } from './import-pool';
import { HttpError, readBody, requireIdentityEncoding, sendJson } from './respond';
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
const UTF8 = ['utf-8', 'utf8'];
/** The longest `?name=` kept: a file name, not a document. */
const NAME_CHARS = 255;

let thread: ImportThread | undefined;

/** The format a request's Content-Type names for an import; 415 for any other type. */
export function importFormatOf(req: IncomingMessage): ImportBodyFormat {
  const declared = req.headers['content-type'];
  const [type = '', ...params] = (declared ?? '').split(';');
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
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (name.trim().toLowerCase() === 'charset' && !UTF8.includes(charset)) {
      throw new HttpError(
        'unsupported-media-type',
        `the body is in charset ${JSON.stringify(charset.slice(0, 40))}: send the file as UTF-8`,
      );
    }
  }
  requireIdentityEncoding(req);
  return format;
}

/** The body as text: at most MAX_IMPORT_BYTES (413 past it, never all held), UTF-8 (400). */
async function readImportText(req: IncomingMessage): Promise<string> {
  const mib = MAX_IMPORT_BYTES / (1024 * 1024);
  const bytes = await readBody(
    req,
    MAX_IMPORT_BYTES,
    `the file is larger than ${MAX_IMPORT_BYTES} bytes (${mib} MiB), the most procmap imports`,
  );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a byte-order mark
  } catch {
    throw new HttpError(
      'invalid-utf8',
      'the file is not valid UTF-8: save it as UTF-8 and send it again',
    );
  }
  if (text.trim() === '')
    throw new HttpError('empty-body', 'the body is empty: send the file to import');
  return text;
}

export type ImportCreated =
  | { readonly ok: true; readonly created: CreatedMap; readonly notes: readonly ImportNote[] }
  | { readonly ok: false };

/**
 * Imports the request's body and creates its map; a refusal has been answered (400) when
 * `ok` is false. Called once the caller may create maps (admin token or rate limit).
 */
export async function createFromImport(
  req: IncomingMessage,
  res: ServerResponse,
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
    const { ok: _, code, ...said } = imported;
    // `import-refused`, with the importer's own code as the reason.
    sendJson(res, 400, { error: { code: 'import-refused', reason: code, ...said } });
    return { ok: false };
  }
  return { ok: true, created: await maps.create(imported.map), notes: imported.notes };
}
