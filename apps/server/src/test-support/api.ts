import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { outpatientReferral } from '@procmap/test-kit';
import { expect } from 'vitest';

/*
 * Helpers of the REST API tests (http/api-*.e2e.test.ts): raw HTTP requests, the error shape
 * every refusal uses, and the example map file.
 */

/** The example map (examples/outpatient-referral.procmap.json is this very fixture), fresh each call. */
export const example = () => outpatientReferral() as unknown as Record<string, unknown>;

/** Small enough to test the limit cheaply, large enough for the example file (about 19 KB). */
export const LIMIT = 64 * 1024;

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked by the assertions
  readonly json: any;
}

/**
 * One HTTP request with node:http (so paths reach the server exactly as written). A string
 * body is sent with its length; `chunks` are sent chunked, with no length.
 */
export function send(
  server: { readonly url: string },
  method: string,
  path: string,
  options: { body?: string | Buffer; chunks?: string[]; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent: false,
        headers: {
          ...(options.body !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(options.body)),
              }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

export const json = (value: unknown) => ({ body: JSON.stringify(value) });
export const q = (token: string) => `?token=${encodeURIComponent(token)}`;

/** The error shape every refusal uses: a code for programs and a message for people. */
export function expectError(reply: Reply, status: number, code?: string): void {
  expect(reply.status, reply.text).toBe(status);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  expect(typeof reply.json?.error?.code).toBe('string');
  expect(typeof reply.json?.error?.message).toBe('string');
  expect(reply.json.error.message.length).toBeGreaterThan(3);
  if (code) expect(reply.json.error.code).toBe(code);
}

/** A title-only edit of a map file, keeping everything else. */
export const retitled = (
  file: Record<string, unknown>,
  title: string,
): Record<string, unknown> => ({
  ...file,
  title,
});
