import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HttpError, readJson, sendError, sendJson } from './respond';

/** A request whose body arrives as these chunks, with these headers. */
function request(
  chunks: (string | Buffer)[],
  headers: Record<string, string> = {},
): IncomingMessage {
  const stream = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  return Object.assign(stream, { headers }) as unknown as IncomingMessage;
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
    const req = Object.assign(stream, { headers: { 'content-length': '2049' } });
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
    sendError(
      res,
      new HttpError(400, 'invalid-map', 'the map file has 1 problem(s)', { problems }),
    );
    expect(out.status).toBe(400);
    expect(JSON.parse(out.body ?? '')).toEqual({
      error: { code: 'invalid-map', message: 'the map file has 1 problem(s)', problems },
    });
  });
});
