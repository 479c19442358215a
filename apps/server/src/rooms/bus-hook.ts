import * as Y from 'yjs';
import type { BusStatus, ReceivedBusMessage, RoomBus } from './bus';
import type { AppliedUpdate, RoomContext, RoomHook } from './hooks';
import { encodeApplied, pendingBytes } from './scratch-apply';
import type { StorageHook } from './storage-hook';

/*
 * The other instances serving this map (several servers behind a load balancer). What changes
 * here is published on the bus; what others publish is applied here and relayed to this
 * instance's connections, never back to the bus, never stored again (its instance stores it and
 * says so; see remote-durability.ts). Presence goes both ways too.
 *
 * The bus is a relay, not the store of record: a room joining asks the others for what it lacks
 * (sync1 → sync2, as a client does), one that finds updates it cannot place asks again, and
 * when the bus comes back after being lost every room reads its map from storage again (the
 * others stored what it missed) and asks the others for what they hold unsaved.
 */

/** How soon a room that holds updates it cannot place asks the others again. */
const ASK_AGAIN_MS = 200;

export class BusHook implements RoomHook {
  readonly name = 'bus';
  private unsubscribe: (() => void) | undefined;
  private stopStatus: (() => void) | undefined;
  private ready = false;
  /** Messages that came while the room was loading: handled once it is ready. */
  private early: ReceivedBusMessage[] = [];
  private askTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly room: RoomContext,
    private readonly bus: RoomBus,
    private readonly storage: StorageHook,
  ) {
    storage.onStored((through) => {
      if (through > 0) this.bus.publish(room.id, { kind: 'stored', through });
    });
  }

  async load(): Promise<void> {
    const unsubscribe = await this.bus.subscribe(this.room.id, this.receive);
    if (this.closed) {
      unsubscribe(); // closed while loading
      return;
    }
    this.unsubscribe = unsubscribe;
    this.stopStatus = this.bus.onStatus(this.onStatus);
  }

  loaded(): void {
    this.ready = true;
    for (const message of this.early.splice(0)) this.receive(message);
    this.ask();
  }

  applied(change: AppliedUpdate): void {
    switch (change.source) {
      case 'client':
      case 'server':
        // Numbered as the storage hook queued it: 'stored' notices refer to these numbers.
        this.bus.publish(this.room.id, {
          kind: 'update',
          n: this.storage.lastPush,
          update: change.update,
        });
        return;
      case 'stored':
        this.bus.publish(this.room.id, { kind: 'update', n: 0, update: change.update });
        return;
      default:
        return; // from the bus or storage: the others have it or will read it
    }
  }

  presence(update: Uint8Array): void {
    this.bus.publish(this.room.id, { kind: 'awareness', update });
  }

  private readonly receive = (message: ReceivedBusMessage) => {
    if (this.closed) return;
    if (!this.ready) {
      this.early.push(message);
      return;
    }
    try {
      this.handle(message);
    } catch (error) {
      // Whatever another instance sent, this room keeps serving its own connections.
      this.room.log.warn('bus-message-ignored', {
        map: this.room.id,
        from: message.from,
        kind: message.kind,
        error: String(error),
      });
    }
  };

  private handle(message: ReceivedBusMessage): void {
    switch (message.kind) {
      case 'update':
        this.room.apply(message.update, 'bus', { from: message.from, n: message.n });
        if (pendingBytes(this.room.doc) > 0) this.askSoon();
        return;
      case 'stored':
        this.storage.remoteStored(message.from, message.through);
        return;
      case 'awareness':
        this.room.receiveRemotePresence(message.update);
        return;
      case 'sync1': {
        // The asker has something this room lacks (it was cut off from the bus): ask back.
        for (const [client, clock] of Y.decodeStateVector(message.stateVector)) {
          if (clock > Y.getState(this.room.doc.store, client)) {
            this.askSoon();
            break;
          }
        }
        const missing = encodeApplied(this.room.doc, message.stateVector);
        if (Y.decodeUpdate(missing).structs.length > 0 || hasDeletes(missing)) {
          this.bus.publish(this.room.id, { kind: 'sync2', update: missing });
        }
        // A room that just joined hears the presence of everyone here too.
        const presence = this.room.localPresence();
        if (presence) this.bus.publish(this.room.id, { kind: 'awareness', update: presence });
        return;
      }
      case 'sync2':
        this.room.apply(message.update, 'bus-sync', { from: message.from });
        return;
    }
  }

  /** Asks the others for what this room lacks. */
  private ask(): void {
    this.bus.publish(this.room.id, {
      kind: 'sync1',
      stateVector: Y.encodeStateVector(this.room.doc),
    });
  }

  private askSoon(): void {
    this.askTimer ??= setTimeout(() => {
      this.askTimer = undefined;
      if (!this.closed) this.ask();
    }, ASK_AGAIN_MS);
  }

  private readonly onStatus = (status: BusStatus) => {
    if (status !== 'up' || this.closed || !this.ready) return;
    void this.resync();
  };

  /** The bus is back: read what others stored meanwhile, and ask for what they hold unsaved. */
  private async resync(): Promise<void> {
    try {
      const updates = await this.storage.reload();
      if (this.closed) return;
      let skipped = 0;
      for (const update of updates) {
        try {
          this.room.apply(update, 'resync');
        } catch {
          skipped++; // a damaged stored update (served as at load): the rest still count
        }
      }
      this.room.log.info('bus-resynced', { map: this.room.id, updates: updates.length, skipped });
    } catch (error) {
      this.room.log.warn('bus-resync-failed', { map: this.room.id, error: String(error) });
    } finally {
      if (!this.closed) this.ask();
    }
  }

  close(): void {
    this.closed = true;
    if (this.askTimer) clearTimeout(this.askTimer);
    this.unsubscribe?.();
    this.stopStatus?.();
  }
}

/** Whether an update deletes anything. */
function hasDeletes(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).ds.clients.size > 0;
}
