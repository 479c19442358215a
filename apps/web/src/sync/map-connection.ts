import { CrossedEditWatcher, MapDoc } from '@procmap/doc';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE, closeMessage, isFinalClose, MESSAGE } from '@procmap/protocol';
import { ApiError, type MapAccess, mapAccess } from '../api/maps-api';
import { browserStorage, recallAccess, rememberAccess } from './access-cache';
import { Backoff } from './backoff';
import { LocalCopy } from './local-copy';
import { covers, stateVector } from './saved-state';

/**
 * `connecting`: the first attempt. `reconnecting`: the link was lost (or never came up) and
 * the next attempt is scheduled. `offline`: the browser has no network; nothing is tried until
 * it has again.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** What the editor shows about its link to the server. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** The first sync with the server is done: the map on screen is the stored one. */
  readonly synced: boolean;
  /** Every local edit is written and flushed by the server (type 100), not merely sent. */
  readonly saved: boolean;
  /** Every edit is committed to this device's copy of the map (IndexedDB). */
  readonly savedLocally: boolean;
  /** This device's copy of the map is loaded and had something in it: the map can be shown. */
  readonly loadedLocally: boolean;
  /** What this link may do; `unknown` until the server has said (or remembered from before). */
  readonly access: MapAccess | 'unknown';
  /** Set when the server closed for good (deleted map, view-only link…). */
  readonly closed?: { readonly code: number; readonly message: string };
  /**
   * Set when the server says this link no longer opens the map (its token was revoked, or the
   * map is gone): nothing more is sent, and what this device holds is kept until the person
   * saves it or lets it go.
   */
  readonly refused?: { readonly code: string; readonly message: string };
}

/** A random id for this tab, naming its undo history. */
function tabId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `tab-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const browserOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

/**
 * One map open in the editor: a Y.Doc synced with the server and kept in IndexedDB, a MapDoc
 * over it (this tab's commands and undo), and a small store of the connection state for
 * useSyncExternalStore.
 *
 * Reconnecting is ours, not y-websocket's: its backoff has no jitter, so a room full of laptops
 * whose wifi returns at once would retry in lockstep. On each lost connection we switch its
 * own retry off (`shouldConnect = false`) and call `connect()` after a full-jitter delay.
 * While the browser says it is offline nothing is tried; the `online` event starts again.
 */
export class MapConnection {
  readonly ydoc = new Y.Doc();
  readonly doc: MapDoc;
  readonly provider: WebsocketProvider;
  /** Renames of this tab that a merge dropped (see CrossedEditWatcher). */
  readonly crossed: CrossedEditWatcher;
  private state: ConnectionState;
  private savedVector: Map<number, number> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly local: LocalCopy;
  private readonly backoff = new Backoff(Math.random);
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private online = browserOnline();
  private everConnected = false;
  private accessAnswered = false;
  private asking = false;
  private destroyed = false;

  constructor(
    private readonly mapId: string,
    private readonly token: string,
  ) {
    this.doc = new MapDoc(this.ydoc, { actor: tabId() });
    // An edit made while not synced with the server was made apart from the others.
    this.crossed = new CrossedEditWatcher(
      this.ydoc,
      () => this.state.status !== 'connected' || !this.state.synced,
    );
    this.state = {
      status: this.online ? 'connecting' : 'offline',
      synced: false,
      saved: false,
      savedLocally: false,
      loadedLocally: false,
      access: recallAccess(browserStorage(), mapId, token) ?? 'unknown',
    };
    // Before the provider, so the stored copy is read as early as possible.
    this.local = new LocalCopy(mapId, this.ydoc, {
      loaded: (hadContent) => this.set({ loadedLocally: hadContent }),
      stored: () => this.refreshSaved(),
    });
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.provider = new WebsocketProvider(
      `${scheme}//${window.location.host}/sync`,
      mapId,
      this.ydoc,
      {
        params: { token },
        disableBc: true,
        connect: false,
      },
    );
    this.provider.messageHandlers[MESSAGE.saved] = (_encoder, decoder) => {
      this.savedVector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      this.refreshSaved();
    };
    this.provider.on('status', ({ status }) => {
      if (status === 'connected') {
        this.everConnected = true;
        this.provider.ws?.send(new Uint8Array([MESSAGE.saved]));
        this.set({ status: 'connected' });
        if (!this.accessAnswered) this.askAccess();
      } else if (status === 'connecting') {
        this.set({
          status: this.everConnected || this.backoff.attempts > 0 ? 'reconnecting' : 'connecting',
        });
      } else {
        this.set({ status: this.online ? 'reconnecting' : 'offline' });
      }
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.backoff.reset(); // a connection that synced did useful work
      this.set({ synced });
    });
    this.provider.on('connection-close', this.onConnectionClose);
    this.provider.on('closed', ({ code, reason }) => {
      this.cancelRetry();
      this.set({ closed: { code, message: closeMessage(code, reason) } });
      if (code !== CLOSE.mapDeleted) return;
      // Deleted while edits of this device were still on their way: keep them, and say so.
      if (this.state.saved) this.local.clear();
      else this.set({ refused: { code: 'not-found', message: closeMessage(code) } });
    });
    this.ydoc.on('update', this.refreshSaved);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (this.online) this.provider.connect();
    this.askAccess();
  }

  /**
   * Learns whether this link edits or views (a view link then shows no editing affordances), and
   * whether it still opens the map at all: a browser cannot read why a websocket upgrade was
   * refused, so a refused link is told by this request.
   */
  private askAccess(): void {
    if (this.asking || this.destroyed || this.state.refused) return;
    this.asking = true;
    mapAccess(this.mapId, this.token).then(
      (access) => {
        this.asking = false;
        this.accessAnswered = true;
        rememberAccess(browserStorage(), this.mapId, this.token, access);
        if (!this.destroyed) this.set({ access });
      },
      (error: unknown) => {
        this.asking = false;
        // Unreachable or busy: the socket keeps retrying, and offline the answer remembered
        // from last time stands. A link the server refuses is refused for good.
        if (error instanceof ApiError && error.kind === 'link') this.refuse(error);
      },
    );
  }

  /** The server no longer opens this map for this link: stop, and keep what this device has. */
  private refuse(error: ApiError): void {
    if (this.destroyed) return;
    this.cancelRetry();
    this.provider.shouldConnect = false;
    this.provider.disconnect();
    this.set({ refused: { code: error.code, message: error.advice ?? error.message } });
  }

  /** The map as this device holds it, as a map file (for saving edits the server refused). */
  mapFile(): string {
    return `${JSON.stringify(this.doc.getSnapshot(), null, 2)}\n`;
  }

  /** Forgets the map on this device, once its refused edits are saved or given up. */
  forgetLocalCopy(): void {
    this.local.clear();
  }

  /** A lost connection (not closed by us, not for good): try again after a jittered delay. */
  private readonly onConnectionClose = (event: CloseEvent | null) => {
    if (this.destroyed || !this.provider.shouldConnect) return; // we closed it on purpose
    if (event && isFinalClose(event.code)) return; // the provider stops and emits 'closed'
    this.provider.shouldConnect = false; // the provider's own, unjittered retry does nothing
    // A socket that never opened may have been refused (a revoked link answers 403 to the
    // upgrade, which a browser cannot read): ask over HTTP, which can say so.
    if (this.state.status !== 'connected') this.askAccess();
    if (this.online) {
      this.set({ status: 'reconnecting' });
      this.scheduleConnect(this.backoff.next());
    } else {
      this.set({ status: 'offline' });
    }
  };

  private scheduleConnect(delayMs: number): void {
    this.cancelRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.destroyed || this.state.closed || this.state.refused || !this.online) return;
      this.provider.connect();
    }, delayMs);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /**
   * The browser lost its network: the socket cannot be trusted any more (an open socket may
   * linger for a long time before it notices), so close it and wait for `online`.
   */
  private readonly onOffline = () => {
    this.online = false;
    this.cancelRetry();
    if (this.destroyed || this.state.closed) return;
    this.provider.disconnect();
    this.set({ status: 'offline' });
  };

  /** The network is back: every laptop in the room hears this at once, hence the jitter. */
  private readonly onOnline = () => {
    this.online = true;
    if (this.destroyed || this.state.closed || this.state.refused) return;
    if (this.provider.wsconnected || this.provider.wsconnecting) return;
    this.backoff.reset();
    this.set({ status: 'reconnecting' });
    this.scheduleConnect(this.backoff.next());
    if (!this.accessAnswered) this.askAccess();
  };

  private readonly refreshSaved = () => {
    const have = stateVector(this.ydoc);
    const saved = covers(have, this.savedVector);
    const savedLocally = covers(have, this.local.stored);
    if (saved !== this.state.saved || savedLocally !== this.state.savedLocally) {
      this.set({ saved, savedLocally });
    }
  };

  private set(patch: Partial<ConnectionState>): void {
    if (this.destroyed) return;
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

  /** Closes the socket and stops observing; the copy on this device stays. */
  destroy(): void {
    this.destroyed = true;
    this.cancelRetry();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.ydoc.off('update', this.refreshSaved);
    this.crossed.destroy();
    this.provider.destroy();
    this.local.destroy();
    this.doc.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }
}
