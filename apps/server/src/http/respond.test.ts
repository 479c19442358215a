import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpError, readJson, sendError, sendJson } from './respond';

/** A request whose body arrives as these chunks, as JSON unless `headers` say otherwise. */
function request(
  chunks: (string | Buffer)[],
  headers: Record<string, string> = {},
): IncomingMessage {
  const stream = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  return Object.assign(stream, {
    headers: { 'content-type': 'application/json', ...headers },
  }) as unknown as IncomingMessage;
}

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error('expected the body to be refused');
}

describe('readJson', () => {
  it('parses a JSON body split over chunks', async () => {
    const body = await readJson(request(['{"ti', 'tle":', ' "Ré', 'sumé"}']), 1024);
    expect(body).toEqual({ title: 'Résumé' });
  });

  it('parses a multi-byte character split across chunks', async () => {
    const bytes = Buffer.from('{"title":"€"}');
    const at = bytes.indexOf(0xe2) + 1; // inside the three bytes of €
    const body = await readJson(request([bytes.subarray(0, at), bytes.subarray(at)]), 1024);
    expect(body).toEqual({ title: '€' });
  });

  it('ignores a byte-order mark', async () => {
    expect(await readJson(request(['\uFEFF{"a":1}']), 1024)).toEqual({ a: 1 });
  });

  it('accepts a body of exactly the limit', async () => {
    const text = JSON.stringify({ pad: 'x'.repeat(100) });
    expect(await readJson(request([text]), Buffer.byteLength(text))).toEqual({
      pad: 'x'.repeat(100),
    });
  });

  it('refuses with 413 a declared length over the limit, before reading', async () => {
    let read = false;
    const stream = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    const req = Object.assign(stream, {
      headers: { 'content-type': 'application/json', 'content-length': '2049' },
    });
    const error = await refusal(readJson(req as unknown as IncomingMessage, 2048));
    expect(error.status).toBe(413);
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('2048');
    expect(read).toBe(false);
  });

  it('refuses with 413 a streamed body (no length) that grows past the limit', async () => {
    const chunks = Array.from({ length: 10 }, () => 'x'.repeat(300));
    const error = await refusal(readJson(request(chunks), 2048));
    expect(error.status).toBe(413);
  });

  it('refuses with 413 a body longer than it declared', async () => {
    const error = await refusal(
      readJson(request(['x'.repeat(3000)], { 'content-length': '10' }), 2048),
    );
    expect(error.status).toBe(413);
  });

  it('ignores a content-length that is not a number and counts the bytes itself', async () => {
    expect(await readJson(request(['{}'], { 'content-length': 'lots' }), 1024)).toEqual({});
    const error = await refusal(
      readJson(request(['[', ' '.repeat(2000), ']'], { 'content-length': 'lots' }), 1024),
    );
    expect(error.status).toBe(413);
  });

  it.each([[[]], [['']], [['   \n\t ']], [['\uFEFF']]])(
    'refuses an empty body (%j) with 400 empty-body',
    async (chunks) => {
      const error = await refusal(readJson(request(chunks), 1024));
      expect(error.status).toBe(400);
      expect(error.code).toBe('empty-body');
      expect(error.message).toMatch(/empty/);
    },
  );

  it.each(['nope', '{"title":', "{'title':'x'}", '{"a":1}}', '\u0000'])(
    'refuses a body that is not JSON (%j) with 400 not-json, saying why',
    async (text) => {
      const error = await refusal(readJson(request([text]), 1024));
      expect(error.status).toBe(400);
      expect(error.code).toBe('not-json');
      expect(error.message).toMatch(/^the body is not JSON: ./);
    },
  );
});

describe('readJson: only UTF-8 JSON, as declared', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset="UTF-8"',
    'application/json; charset=utf8',
  ])('accepts Content-Type %j', async (type) => {
    expect(await readJson(request(['{"a":1}'], { 'content-type': type }), 1024)).toEqual({ a: 1 });
  });

  it.each([
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/json-patch+json',
    'application/json; charset=utf-16',
    '',
  ])('refuses Content-Type %j with 415 unsupported-media-type, before reading', async (type) => {
    let read = false;
    const stream = new Readable({
      read() {
        read = true;
        this.push(null);
      },
    });
    const req = Object.assign(stream, { headers: { 'content-type': type } });
    const error = await refusal(readJson(req as unknown as IncomingMessage, 1024));
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported-media-type');
    expect(error.message).toMatch(/application\/json|UTF-8/);
    expect(read).toBe(false);
  });

  it('refuses a body without a Content-Type with 415', async () => {
    const stream = Readable.from([Buffer.from('{}')]);
    const req = Object.assign(stream, { headers: {} }) as unknown as IncomingMessage;
    const error = await refusal(readJson(req, 1024));
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported-media-type');
    expect(error.message).toContain('no Content-Type');
  });

  it.each(['gzip', 'deflate', 'br', 'identity, gzip'])(
    'refuses Content-Encoding %j with 415 unsupported-encoding',
    async (encoding) => {
      const error = await refusal(
        readJson(request(['{}'], { 'content-encoding': encoding }), 1024),
      );
      expect(error.status).toBe(415);
      expect(error.code).toBe('unsupported-encoding');
    },
  );

  it('accepts Content-Encoding identity', async () => {
    expect(await readJson(request(['{}'], { 'content-encoding': 'identity' }), 1024)).toEqual({});
  });

  it.each([
    [
      'a lone continuation byte',
      Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0x80, 0x22, 0x7d]),
    ],
    [
      'Latin-1 é',
      Buffer.concat([Buffer.from('{"title":"R'), Buffer.from([0xe9]), Buffer.from('sum"}')]),
    ],
    [
      'a truncated sequence at the end',
      Buffer.concat([Buffer.from('{"t":"x"}'), Buffer.from([0xe2, 0x82])]),
    ],
    [
      'an overlong encoding',
      Buffer.concat([Buffer.from('{"t":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
    ],
    [
      'a UTF-16 surrogate',
      Buffer.concat([Buffer.from('{"t":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    ],
  ])('refuses %s with 400 invalid-utf8 instead of storing U+FFFD', async (_name, bytes) => {
    const error = await refusal(readJson(request([bytes]), 1024));
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid-utf8');
    expect(error.message).toContain('UTF-8');
  });

  it('still reads a character split across chunks and U+FFFD sent as itself', async () => {
    const bytes = Buffer.from('{"title":"\uFFFD€"}');
    const at = bytes.length - 4;
    expect(await readJson(request([bytes.subarray(0, at), bytes.subarray(at)]), 1024)).toEqual({
      title: '\uFFFD€',
    });
  });
});

/** A ServerResponse stand-in that records what was written. */
function recorder() {
  const out: { status?: number; headers?: Record<string, string | number>; body?: string } = {};
  const res = {
    writeHead(status: number, headers: Record<string, string | number>) {
      out.status = status;
      out.headers = headers;
      return res;
    },
    end(body: string) {
      out.body = body;
      return res;
    },
  };
  return { res: res as unknown as ServerResponse, out };
}

describe('sendJson and sendError', () => {
  it('sends JSON with its byte length, a JSON content type and no caching', () => {
    const { res, out } = recorder();
    sendJson(res, 201, { title: 'Grüße' });
    expect(out.status).toBe(201);
    expect(out.headers).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength('{"title":"Grüße"}'),
      'cache-control': 'no-store',
    });
    expect(JSON.parse(out.body ?? '')).toEqual({ title: 'Grüße' });
  });

  it('sends an error as { error: { code, message, ...details } }', () => {
    const { res, out } = recorder();
    const problems = [{ path: 'steps[0].kind', message: 'required' }];
    sendError(res, new HttpError('invalid-map', 'the map file has 1 problem(s)', { problems }));
    expect(out.status).toBe(400);
    expect(JSON.parse(out.body ?? '')).toEqual({
      error: { code: 'invalid-map', message: 'the map file has 1 problem(s)', problems },
    });
  });
});
