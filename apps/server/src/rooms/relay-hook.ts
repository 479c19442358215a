import * as Y from 'yjs';
import { syncUpdate } from '../protocol/messages';
import type { AppliedUpdate, RoomContext, RoomHook } from './hooks';

/*
 * The local relay: what changed in the room's document goes to this instance's connections,
 * once per turn of the event loop. Several updates go as one merged update, so in a burst every
 * client receives and applies one message instead of dozens. A sender gets its own edits back
 * only inside a merge with others' (harmless in Yjs); an update alone goes to everyone but its
 * sender.
 */
export class RelayHook implements RoomHook {
  readonly name = 'relay';
  private queue: AppliedUpdate[] = [];
  private scheduled = false;
  private closed = false;

  constructor(private readonly room: RoomContext) {}

  applied(change: AppliedUpdate): void {
    this.queue.push(change);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.relay);
    }
  }

  /** Sends what is queued now (also before an unload or shutdown). */
  readonly relay = () => {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0 || this.closed) return;
    const senders = new Set(batch.map((b) => b.conn));
    const only = senders.size === 1 ? batch[0]?.conn : undefined;
    let message: Uint8Array;
    try {
      const update =
        batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
      message = syncUpdate(update);
    } catch (error) {
      // Never the end of the process: send them one by one instead.
      this.room.log.error('relay-merge-failed', { map: this.room.id, error: String(error) });
      for (const b of batch) {
        const one = syncUpdate(b.update);
        for (const conn of this.room.connections) if (conn !== b.conn) conn.send(one);
      }
      return;
    }
    for (const conn of this.room.connections) if (conn !== only) conn.send(message);
  };

  async flush(): Promise<void> {
    this.relay();
  }

  close(): void {
    this.closed = true;
    this.queue = [];
  }
}
