import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { REFUSALS, type RefusalCode } from '@procmap/protocol';
import { securityHeaderLines } from '../http/security-headers';

/**
 * Refuses a websocket upgrade with the refusal's HTTP status and a JSON reason, then closes the
 * socket.
 */
export function refuseUpgrade(socket: Duplex, code: RefusalCode, message: string): void {
  const { status } = REFUSALS[code];
  const body = JSON.stringify({ error: { code, message } });
  if (!socket.writable) return;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'connection: close\r\n' +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      securityHeaderLines() +
      '\r\n' +
      body,
  );
}

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,64})\/?$/;

/** The map id and token of a sync URL (`/sync/<mapId>?token=…`), or undefined if it is not one. */
export function parseSyncUrl(
  req: IncomingMessage,
): { mapId: string; token: string | undefined } | undefined {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
  const match = url.pathname.match(SYNC_PATH);
  if (!match) return undefined;
  return { mapId: match[1] as string, token: url.searchParams.get('token') ?? undefined };
}
