import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/*
 * Lets a stock y-websocket `WebsocketProvider` talk to Hocuspocus: a WebSocket class passed as
 * the provider's `WebSocketPolyfill`, so there is no extra process or hop between client and
 * server, and the provider's own code (sync, awareness, reconnects) runs unchanged.
 *
 * Hocuspocus 3 speaks y-websocket's messages with two differences (its ClientConnection.ts,
 * MessageReceiver.ts and OutgoingMessage.ts): every message, both ways, starts with the
 * document name as a lib0 var string (one socket may carry several documents), and a
 * connection must send an Auth message for that document before its other messages are
 * handled (those that arrive earlier are queued by the server). It also sends messages the
 * provider has no use for: the answer to Auth, a SyncStatus after every update it applied,
 * stateless messages and a Close message when it drops the document.
 *
 * What this class does, and nothing more:
 * - opens a `ws` socket to the URL the provider gives it; the document name is the URL's last
 *   path segment (the provider's room name), the Auth token its `token` query parameter or '';
 * - on open, sends [name, Auth=2, Token=0, token], then tells the provider it is open — the
 *   provider then sends sync step 1 and its awareness at once, as HocuspocusProvider does after
 *   its Auth message (it does not wait for the answer either);
 * - prefixes every message the provider sends with the name (one copy of the message);
 * - strips the name from incoming messages and hands Sync (0), Awareness (1) and
 *   QueryAwareness (3) on, unchanged otherwise, as y-websocket's own messages;
 * - drops Auth answers (Authenticated; PermissionDenied closes the socket, as does Close (7):
 *   the provider then reconnects), Stateless (5, 6) and SyncStatus (8), counting what it dropped.
 */

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const MESSAGE_CLOSE = 7;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;

/** Messages of each Hocuspocus type this process's adapters dropped (for the bench's checks). */
export const dropped = new Map<number, number>();

type Handler<E> = ((event: E) => void) | null;

export class HocuspocusSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  /** The provider sets 'arraybuffer'; incoming data is handed on as a Uint8Array view. */
  binaryType = 'arraybuffer';
  onopen: Handler<unknown> = null;
  onmessage: Handler<{ data: Uint8Array }> = null;
  onclose: Handler<{ code: number; reason: string }> = null;
  onerror: Handler<unknown> = null;

  readonly documentName: string;
  private readonly socket: WebSocket;
  /** The document name as a var string: the start of every message, both ways. */
  private readonly prefix: Uint8Array;

  constructor(url: string, protocols?: string | string[]) {
    const parsed = new URL(url);
    this.documentName = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
    const token = parsed.searchParams.get('token') ?? '';
    const name = encoding.createEncoder();
    encoding.writeVarString(name, this.documentName);
    this.prefix = encoding.toUint8Array(name);

    this.socket = new WebSocket(url, protocols);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('open', () => {
      const auth = encoding.createEncoder();
      encoding.writeUint8Array(auth, this.prefix);
      encoding.writeVarUint(auth, MESSAGE_AUTH);
      encoding.writeVarUint(auth, AUTH_TOKEN);
      encoding.writeVarString(auth, token);
      this.socket.send(encoding.toUint8Array(auth));
      this.onopen?.({ type: 'open' });
    });
    this.socket.on('message', (data: Buffer) => this.receive(data));
    this.socket.on('close', (code: number, reason: Buffer) =>
      this.onclose?.({ code, reason: reason.toString() }),
    );
    this.socket.on('error', (error) => this.onerror?.(error));
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  send(data: Uint8Array): void {
    const framed = new Uint8Array(this.prefix.length + data.length);
    framed.set(this.prefix, 0);
    framed.set(data, this.prefix.length);
    this.socket.send(framed);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarString(decoder) !== this.documentName) return;
    const start = decoder.pos;
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC || type === MESSAGE_AWARENESS || type === MESSAGE_QUERY_AWARENESS) {
      this.onmessage?.({ data: data.subarray(start) });
      return;
    }
    dropped.set(type, (dropped.get(type) ?? 0) + 1);
    const denied =
      type === MESSAGE_AUTH && decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED;
    if (denied || type === MESSAGE_CLOSE) this.socket.close();
  }
}

/** The class as the provider's option wants it typed. */
export const HocuspocusWebSocket = HocuspocusSocket as unknown as typeof globalThis.WebSocket;
