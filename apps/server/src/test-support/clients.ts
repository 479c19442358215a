import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';

/*
 * Stock y-websocket clients in Node, as other Yjs programs would connect, plus the small
 * extension the editor adds to hear "saved" (message type 100).
 */

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The state vector the server last said is on disk (undefined before the first). */
  savedStateVector(): Map<number, number> | undefined;
  /** Whether everything this client has seen is on the server's disk. */
  isSaved(): boolean;
  destroy(): void;
}

const SAVED = 100;

/** Connects a stock provider; `wantSaved` adds the durable-acknowledgement extension. */
export function connectClient(
  wsUrl: string,
  mapId: string,
  token: string,
  options: { wantSaved?: boolean; doc?: Y.Doc; maxBackoffTime?: number } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, mapId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: options.maxBackoffTime ?? 200,
    disableBc: true,
  });
  let saved: Map<number, number> | undefined;
  if (options.wantSaved) {
    provider.messageHandlers[SAVED] = (_encoder, decoder) => {
      saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    };
    const ask = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, SAVED);
      provider.ws?.send(encoding.toUint8Array(e));
    };
    provider.on('status', ask);
  }
  return {
    doc,
    provider,
    savedStateVector: () => saved,
    isSaved: () => {
      if (!saved) return false;
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
        if ((saved.get(client) ?? 0) < clock) return false;
      }
      return true;
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when the provider reports it is synced. */
export function whenSynced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const on = (synced: boolean) => {
      if (!synced) return;
      client.provider.off('sync', on);
      resolve();
    };
    client.provider.on('sync', on);
  });
}

/** The document's state as bytes, for comparing replicas. */
export const stateOf = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
