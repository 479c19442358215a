import type { RawData, WebSocket } from 'ws';
import type { Access } from '../auth/tokens';
import type { Limits } from '../config';
import type { Logger } from '../log';
import { PresenceError } from '../protocol/awareness-filter';
import { CLOSE, type CloseCode } from '@procmap/protocol';
import { checkStateVector, parseClientMessage } from '../protocol/messages';
import type { Room, RoomConnection } from '../rooms/room';
import { TokenBucket } from './rate-limit';

let nextId = 1;

const toBytes = (data: RawData): Uint8Array => {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
};

export interface ConnectionOptions {
  readonly limits: Limits;
  readonly log: Logger;
  /** How often to ping; a connection that missed a pong by the next ping is dropped. */
  readonly pingMs?: number;
  /** Called once for each connection the server closes with a refusal code (for /metrics). */
  readonly onRefused?: (code: CloseCode) => void;
}

/**
 * Serves one websocket for one room. Messages are handled strictly in order, and none before
 * the room has loaded — so no client is ever told it is synced with a map still loading.
 * Anything malformed, too fast or not allowed closes this connection only, with a documented
 * code and a log line.
 */
export function serveConnection(
  ws: WebSocket,
  room: Room,
  access: Access,
  options: ConnectionOptions,
): RoomConnection {
  const { log, limits } = options;
  const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
  /** We closed it (refused something): ignore whatever else it sent. */
  let refused = false;
  let joined = false;
  const conn: RoomConnection = {
    id: nextId++,
    access,
    wantsSaved: false,
    send(message) {
      if (ws.readyState !== ws.OPEN) return;
      // A client that does not read what it is sent would have it pile up here.
      if (ws.bufferedAmount > limits.maxSendBufferBytes) {
        refuse(CLOSE.slow, 'this connection is not reading what it is sent');
        return;
      }
      ws.send(message, { binary: true });
    },
    get closing() {
      return refused;
    },
    close(code: CloseCode, reason: string) {
      if (refused) return;
      refused = true;
      if (code >= 4000) options.onRefused?.(code);
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
    },
  };

  const refuse = (code: CloseCode, reason: string, detail?: string) => {
    log.warn('connection-closed', { map: room.id, conn: conn.id, code, reason, detail });
    conn.close(code, reason);
  };

  const handle = (data: Uint8Array) => {
    if (refused) return;
    let message: ReturnType<typeof parseClientMessage>;
    try {
      message = parseClientMessage(data);
      if (message.type === 'sync-step1') checkStateVector(message.stateVector);
    } catch (error) {
      refuse(CLOSE.malformed, 'malformed message', String(error));
      return;
    }
    try {
      switch (message.type) {
        case 'sync-step1':
          room.answerStep1(conn, message.stateVector);
          break;
        case 'update':
          room.receiveUpdate(conn, message.update);
          break;
        case 'awareness':
          room.receiveAwareness(conn, message.update);
          break;
        case 'query-awareness':
          room.sendAwareness(conn);
          break;
        case 'want-saved':
          room.sendSaved(conn);
          break;
        case 'auth':
          break;
      }
    } catch (error) {
      if (error instanceof PresenceError) refuse(CLOSE.malformed, error.message);
      else refuse(CLOSE.malformed, 'message could not be applied', String(error));
    }
  };

  // Messages wait here, in order, until the room has loaded.
  // Nothing that goes wrong while serving this connection may end the process: every step of
  // the queue is guarded, and a failure closes this connection alone.
  const guarded = (what: string, step: () => void) => () => {
    try {
      step();
    } catch (error) {
      log.error('connection-failed', {
        map: room.id,
        conn: conn.id,
        during: what,
        error: String(error),
      });
      conn.close(CLOSE.unavailable, 'something went wrong on the server');
    }
  };
  let queue: Promise<void> = room.ready.then(
    guarded('join', () => {
      if (refused || ws.readyState !== ws.OPEN) return;
      joined = true;
      room.join(conn);
    }),
    () => refuse(CLOSE.unavailable, 'the map could not be loaded'),
  );

  ws.on('message', (data, isBinary) => {
    if (refused) return;
    if (!bucket.take()) {
      refuse(CLOSE.rateLimited, 'too many messages');
      return;
    }
    if (!isBinary) {
      refuse(CLOSE.malformed, 'text frames are not part of the protocol');
      return;
    }
    const bytes = toBytes(data);
    queue = queue.then(guarded('message', () => handle(bytes)));
  });

  let alive = true;
  ws.on('pong', () => {
    alive = true;
  });
  const ping = setInterval(
    guarded('ping', () => {
      if (!alive) {
        log.info('connection-timeout', { map: room.id, conn: conn.id });
        ws.terminate();
        return;
      }
      alive = false;
      ws.ping();
    }),
    options.pingMs ?? 30_000,
  );
  ping.unref();

  ws.on('error', (error) =>
    log.warn('socket-error', { map: room.id, conn: conn.id, error: String(error) }),
  );
  ws.on('close', (code) => {
    clearInterval(ping);
    // Leave after whatever is queued, so a last update sent before closing is still applied.
    queue = queue.then(
      guarded('leave', () => {
        if (joined) room.leave(conn);
      }),
    );
    log.debug('disconnected', { map: room.id, conn: conn.id, code });
  });
  return conn;
}
