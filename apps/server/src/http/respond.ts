import type { IncomingMessage, ServerResponse } from 'node:http';

/** A refused request: status, a code for programs, a message naming the problem. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
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
  sendJson(res, error.status, {
    error: { code: error.code, message: error.message, ...error.details },
  });
}

/**
 * Reads a request body as JSON, refusing more than `limit` bytes (413) and anything that does
 * not parse (400, with where it stopped).
 */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpError(413, 'too-large', `the body is larger than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit)
      throw new HttpError(413, 'too-large', `the body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (text.trim() === '')
    throw new HttpError(400, 'empty-body', 'the body is empty: send a JSON map');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'not-json', `the body is not JSON: ${(error as Error).message}`);
  }
}
