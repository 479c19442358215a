import type { IncomingMessage, ServerResponse } from 'node:http';
import { REFUSALS, type RefusalCode } from '@procmap/protocol';

/**
 * A refused request: a code for programs (its status comes from the shared table of refusals,
 * beside the words the web app shows for it) and a message naming the problem.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    /** Response headers that go with the refusal, e.g. `retry-after`. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.status = REFUSALS[code].status;
  }
}

/** Sends a JSON body with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** Sends `{ error: { code, message, ...details } }`. */
export function sendError(res: ServerResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  sendJson(res, error.status, {
    error: { code: error.code, message: error.message, ...error.details },
  });
}

const JSON_CHARSETS = ['utf-8', 'utf8'];

/**
 * Refuses (415) a body not declared as uncompressed UTF-8 JSON: `Content-Type: application/json`
 * (a `charset` parameter must be UTF-8) and no `Content-Encoding` but `identity`. A cross-site
 * HTML form can only send text/plain, urlencoded or multipart bodies without a CORS preflight,
 * so requiring JSON keeps another site's page from creating or replacing maps.
 */
export function requireJsonBody(req: IncomingMessage): void {
  const declared = req.headers['content-type'];
  const [type = '', ...params] = (declared ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') {
    throw new HttpError(
      'unsupported-media-type',
      declared === undefined
        ? 'the body has no Content-Type: send it as application/json'
        : `the body is ${JSON.stringify(type.trim().slice(0, 60))}: send it as application/json`,
    );
  }
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    const charset = value.trim().replace(/^"|"$/g, '').toLowerCase();
    if (name.trim().toLowerCase() === 'charset' && !JSON_CHARSETS.includes(charset)) {
      throw new HttpError(
        'unsupported-media-type',
        `the body is in charset ${JSON.stringify(charset.slice(0, 40))}: send JSON as UTF-8`,
      );
    }
  }
  requireIdentityEncoding(req);
}

/** Refuses (415) a body sent compressed: only `identity` (or no `Content-Encoding`) is read. */
export function requireIdentityEncoding(req: IncomingMessage): void {
  const encoding = req.headers['content-encoding'];
  const codings = (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length > 0) {
    throw new HttpError(
      'unsupported-encoding',
      `the body is encoded as ${JSON.stringify(String(encoding).slice(0, 60))}: send it uncompressed`,
    );
  }
}

/**
 * A request's body, refused (413, `tooLarge` as the message) as soon as it is known to be over
 * `limit` bytes: by its declared length before a byte is read, else while it streams in, so a
 * body over the limit is never held in memory.
 */
export async function readBody(
  req: IncomingMessage,
  limit: number,
  tooLarge = `the body is larger than ${limit} bytes`,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError('too-large', tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError('too-large', tooLarge);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a request body as JSON: refuses a body not declared as JSON (415, see
 * `requireJsonBody`), more than `limit` bytes (413), bytes that are not UTF-8 (400) and
 * anything that does not parse (400, with where it stopped). A leading byte-order mark is
 * ignored.
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  requireJsonBody(req);
  const bytes = await readBody(req, limit);
  let text: string;
  try {
    // Fatal: a stray byte would otherwise become U+FFFD and be stored as if it had been sent.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError('invalid-utf8', 'the body is not valid UTF-8: send JSON as UTF-8');
  }
  if (text.trim() === '') throw new HttpError('empty-body', 'the body is empty: send a JSON map');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError('not-json', `the body is not JSON: ${(error as Error).message}`);
  }
}
