import type { Awareness } from 'y-protocols/awareness';
import { cleanName, type Identity, loadIdentity, saveIdentity } from './identity';
import type { Point, View } from './peers';
import { readPeer } from './peers';
import { usePresence } from './presence-store';

/** Cursor updates sent per second at most (the 30 Hz); views change less often. */
const CURSOR_INTERVAL = 1000 / 30;
const VIEW_INTERVAL = 100;
/** Selected step ids shared with the room at most, and their characters at most. */
export const MAX_SHARED_SELECTION = 200;
const MAX_SHARED_SELECTION_CHARS = 16_000;

/** The part of a selection shared with the room (see PresenceChannel.setSelection). */
export function sharedSelection(ids: readonly string[]): string[] {
  const shared: string[] = [];
  let chars = 0;
  for (const id of ids) {
    chars += id.length + 3; // quotes and a comma
    if (shared.length >= MAX_SHARED_SELECTION || chars > MAX_SHARED_SELECTION_CHARS) break;
    shared.push(id);
  }
  return shared;
}

/** Calls `send` at most once per `interval`, always ending with the latest value. */
function throttle<T>(interval: number, send: (value: T) => void): (value: T) => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    last = Date.now();
    const { value } = pending;
    pending = undefined;
    send(value);
  };
  return (value: T) => {
    pending = { value };
    if (timer !== undefined) return;
    const wait = Math.max(0, last + interval - Date.now());
    timer = setTimeout(flush, wait);
  };
}

/**
 * This tab's presence on one map over Yjs awareness: publishes who we are, our cursor, our
 * selection, our view and the process we show; reads everyone else's into the presence store, at most once a frame
 * however many peers are moving.
 */
export class PresenceChannel {
  private identity: Identity;
  private frame: number | undefined;
  private destroyed = false;

  constructor(
    private readonly awareness: Awareness,
    viewOnly: boolean,
    process: string,
  ) {
    this.identity = loadIdentity(globalThis.localStorage);
    usePresence.getState().setMe(this.identity);
    usePresence.getState().setProcess(process);
    awareness.setLocalState({
      user: { name: this.identity.name, color: this.identity.color },
      cursor: null,
      selection: [],
      view: null,
      presenting: null,
      viewOnly,
      process,
    });
    awareness.on('change', this.onChange);
    this.readPeers();
  }

  private readonly onChange = () => {
    if (this.frame !== undefined || this.destroyed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      if (!this.destroyed) this.readPeers();
    });
  };

  private readPeers(): void {
    const own = this.awareness.clientID;
    const peers = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === own) continue;
      const peer = readPeer(clientId, state);
      if (peer) peers.push(peer);
    }
    usePresence.getState().setPeers(peers);
  }

  private set(field: string, value: unknown): void {
    if (!this.destroyed) this.awareness.setLocalStateField(field, value);
  }

  /** Where our pointer is on the canvas (flow coordinates), or null when it left the canvas. */
  readonly setCursor = throttle<Point | null>(CURSOR_INTERVAL, (p) => this.set('cursor', p));

  /** The centre and zoom of our view, for whoever follows us. */
  readonly setView = throttle<View>(VIEW_INTERVAL, (v) => this.set('view', v));

  /**
   * The step ids we have selected, the first MAX_SHARED_SELECTION of them: enough to show others
   * what we are pointing at, and a presence state well inside the server's size limit (it
   * closes a connection whose presence is larger) however much is selected.
   */
  setSelection(ids: readonly string[]): void {
    this.set('selection', sharedSelection(ids));
  }

  /**
   * The process this tab now shows ("as-is" or a scenario's id): published so that colleagues
   * draw our cursor and selection only on that process, and followers come along to it.
   */
  setProcess(process: string): void {
    usePresence.getState().setProcess(process);
    this.set('process', process);
  }

  /** Asks everyone to follow us (or stops asking). */
  setPresenting(on: boolean): void {
    usePresence.getState().setPresenting(on);
    this.set('presenting', on ? Date.now() : null);
  }

  /** Changes our name (remembered on this device); false when the name is empty. */
  rename(name: string): boolean {
    const clean = cleanName(name);
    if (!clean) return false;
    this.identity = { ...this.identity, name: clean, chosen: true };
    saveIdentity(globalThis.localStorage, this.identity);
    usePresence.getState().setMe(this.identity);
    this.set('user', { name: clean, color: this.identity.color });
    return true;
  }

  /** Keeps the guest name but stops asking for one. */
  keepName(): void {
    this.rename(this.identity.name);
  }

  destroy(): void {
    this.destroyed = true;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.awareness.off('change', this.onChange);
    // Tell the others at once that we left, rather than after the awareness timeout.
    this.awareness.setLocalState(null);
  }
}
