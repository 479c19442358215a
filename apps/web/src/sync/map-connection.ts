import { MapDoc } from '@procmap/doc';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type MapAccess, mapAccess } from '../api/maps-api';
import { isSaved } from './saved-state';

/** Type of the server's durable-acknowledgement extension (docs/server.md). */
const MESSAGE_SAVED = 100;

export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

/** What the editor shows about its link to the server. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** The first sync with the server is done: the map on screen is the stored one. */
  readonly synced: boolean;
  /** Every local edit is written and flushed by the server (type 100), not merely sent. */
  readonly saved: boolean;
  /** What this link may do; `unknown` until the server has said (or while it is unreachable). */
  readonly access: MapAccess | 'unknown';
  /** Set when the server closed for good (wrong token, deleted map, view-only link…). */
  readonly closed?: { readonly code: number; readonly message: string };
}

const CLOSE_MESSAGES: Readonly<Record<number, string>> = {
  4400: 'The server refused a change from this tab. Reload to continue.',
  4403: 'This is a view-only link: changes made here are not saved.',
  4404: 'This map was deleted.',
};

/** A random id for this tab, naming its undo history. */
function tabId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `tab-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One map open in the editor: a Y.Doc synced with the server, a MapDoc over it (this tab's
 * commands and undo), and a small store of the connection state for useSyncExternalStore.
 */
export class MapConnection {
  readonly ydoc = new Y.Doc();
  readonly doc: MapDoc;
  readonly provider: WebsocketProvider;
  private state: ConnectionState = {
    status: 'connecting',
    synced: false,
    saved: false,
    access: 'unknown',
  };
  private savedVector: Map<number, number> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(mapId: string, token: string) {
    this.doc = new MapDoc(this.ydoc, { actor: tabId() });
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.provider = new WebsocketProvider(
      `${scheme}//${window.location.host}/sync`,
      mapId,
      this.ydoc,
      {
        params: { token },
        disableBc: true,
      },
    );
    this.provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      this.savedVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      this.refreshSaved();
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.provider.ws?.send(new Uint8Array([MESSAGE_SAVED]));
      this.set({ status: status === 'disconnected' ? 'offline' : status });
    });
    this.provider.on('sync', (synced: boolean) => this.set({ synced }));
    this.provider.on('closed', ({ code, reason }) => {
      this.set({ closed: { code, message: CLOSE_MESSAGES[code] ?? reason ?? 'Disconnected.' } });
    });
    this.ydoc.on('update', this.refreshSaved);
    this.askAccess(mapId, token);
  }

  /** Learns whether this link edits or views; a view link then shows no editing affordances. */
  private askAccess(mapId: string, token: string): void {
    mapAccess(mapId, token).then(
      (access) => {
        if (!this.destroyed) this.set({ access });
      },
      () => {
        // Unreachable or refused: the socket reports why; a view link is still caught by 4403.
      },
    );
  }

  private readonly refreshSaved = () => {
    const saved = isSaved(this.ydoc, this.savedVector);
    if (saved !== this.state.saved) this.set({ saved });
  };

  private set(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** The current connection state; the same object until it changes. */
  readonly getState = (): ConnectionState => this.state;

  /** Calls `listener` when the connection state changes. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private destroyed = false;

  /** Closes the socket and stops observing. */
  destroy(): void {
    this.destroyed = true;
    this.ydoc.off('update', this.refreshSaved);
    this.provider.destroy();
    this.doc.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }
}
